#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/stock_plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>

#include "data_adapters/synth/synth_rng.hpp"
#include "engine/core/error.hpp"
#include "engine/execution/price_limit.hpp"

namespace abt::synth {

namespace {

constexpr double kYi = 1e8;  // 1 亿 CNY

/// A handful of giant "core asset" blue chips with fixed codes (their real codes, generated prices).
struct BlueChip {
  const char* symbol;
  int32_t list_ymd;
  double price;     // CNY at the window start, or the issue price for an IPO inside the window
  double mcap_yi;   // market cap in 亿 CNY at that price
  double exposure;  // blue-factor exposure
};
// clang-format off
constexpr std::array<BlueChip, 15> kBlueChips = {{
    {"600519.SH", 20010827, 190.0, 2300, 1.3}, {"000858.SZ", 19980427, 28.0, 1100, 1.3},
    {"300750.SZ", 20180611, 25.14, 546, 1.2},  {"600036.SH", 20020409, 16.0, 4000, 0.8},
    {"000333.SZ", 20130918, 32.0, 1350, 1.0},  {"600276.SH", 20001018, 38.0, 750, 1.1},
    {"603288.SH", 20140211, 36.0, 900, 1.2},   {"300760.SZ", 20181016, 48.8, 593, 1.1},
    {"601318.SH", 20070301, 75.0, 6800, 0.7},  {"601398.SH", 20061027, 4.6, 12000, 0.2},
    {"600900.SH", 20031118, 14.0, 2300, 0.3},  {"000001.SZ", 19910403, 15.0, 1800, 0.6},
    {"601012.SH", 20120411, 15.0, 180, 1.2},   {"002594.SZ", 20110630, 50.0, 1200, 1.0},
    {"600030.SH", 20030106, 25.0, 3000, 0.3},
}};
// clang-format on

/// IPOs per year (real-market-like counts, excluding STAR); other years use kDefaultIpoCount.
constexpr std::array<std::pair<int, double>, 10> kIpoCount = {{{2015, 220},
                                                               {2016, 230},
                                                               {2017, 420},
                                                               {2018, 100},
                                                               {2019, 100},
                                                               {2020, 250},
                                                               {2021, 330},
                                                               {2022, 260},
                                                               {2023, 200},
                                                               {2024, 60}}};
constexpr std::array<std::pair<int, double>, 6> kStarIpoCount = {
    {{2019, 140}, {2020, 145}, {2021, 162}, {2022, 124}, {2023, 67}, {2024, 15}}};
constexpr double kDefaultIpoCount = 150;

template <size_t K>
double per_year(const std::array<std::pair<int, double>, K>& table, int year, double fallback) {
  for (const auto& [y, n] : table)
    if (y == year) return n;
  return fallback;
}

/// Cumulative sampling weights over calendar days [1, T) (day 0 is the window start, never an IPO day).
struct DaySampler {
  std::vector<double> cumulative;  // cumulative[t] = total weight of days 1..t
  int32_t sample(SynthRng& rng) const {
    const double target = rng.uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    return std::clamp(static_cast<int32_t>(it - cumulative.begin()), 1,
                      static_cast<int32_t>(cumulative.size()) - 1);
  }
  bool usable() const { return !cumulative.empty() && cumulative.back() > 0; }
};

DaySampler make_sampler(const TradingCalendar& cal, bool star) {
  DaySampler s;
  s.cumulative.assign(cal.size(), 0.0);
  const Date star_open = Date::from_ymd(2019, 7, 22);
  for (int32_t t = 1; t < cal.size(); ++t) {
    const Date d = cal.day(t);
    double w = star ? (d >= star_open ? per_year(kStarIpoCount, d.year(), 60) : 0.0)
                    : per_year(kIpoCount, d.year(), kDefaultIpoCount);
    s.cumulative[t] = s.cumulative[t - 1] + w / 243.0;
  }
  return s;
}

Date random_weekday(SynthRng& rng, Date lo, Date hi) {
  Date d = lo + static_cast<int32_t>(rng.uniform() * std::max(1, hi - lo));
  while (d.weekday() >= 5) d = d + 1;
  return d;
}

double lognormal(SynthRng& rng, double median, double sigma) {
  return median * det_exp(sigma * rng.normal());
}

std::vector<int> prefixes_of(Board b) {
  switch (b) {
    case Board::ShanghaiMain:
      return {600, 601, 603, 605};
    case Board::Star:
      return {688, 689};
    case Board::ShenzhenMain:
      return {0, 1, 2, 3};
    default:
      return {300, 301};
  }
}

std::string make_symbol(int code) {
  char buf[16];
  const char* exchange = code >= 600000 ? "SH" : "SZ";
  std::snprintf(buf, sizeof buf, "%06d.%s", code, exchange);
  return buf;
}

}  // namespace

std::vector<StockPlan> plan_stocks(const SynthConfig& config, const TradingCalendar& cal) {
  SynthRng rng(config.seed, Stream::Plan, 0);
  const int32_t days = cal.size();
  const Date start = cal.day(0);
  const DaySampler main_sampler = make_sampler(cal, false);
  const DaySampler star_sampler = make_sampler(cal, true);
  const bool star_possible = star_sampler.usable() && star_sampler.cumulative.back() > 20.0 / 243.0;
  const double years = days / 243.0;
  const double prelisted_fraction = 1.0 - 0.45 * std::min(1.0, years / 10.0);

  std::vector<StockPlan> plans;
  plans.reserve(config.stocks);
  std::set<int> used_codes;

  // Blue chips first (only in markets large enough to have giants).
  const int32_t blue_count = config.stocks >= 100 ? static_cast<int32_t>(kBlueChips.size()) : 0;
  for (int32_t k = 0; k < blue_count; ++k) {
    const BlueChip& b = kBlueChips[k];
    StockPlan p;
    p.symbol = b.symbol;
    p.board = board_from_symbol(p.symbol);
    const Date listed = Date::from_ymd(b.list_ymd / 10000, b.list_ymd / 100 % 100, b.list_ymd % 100);
    const int32_t ipo_day = cal.lower_bound(listed);
    if (listed > start && ipo_day < days - 1) {
      p.ipo_day = ipo_day;
      p.list_date = cal.day(ipo_day);
      p.float_fraction = 0.1;
    } else {
      p.list_date = listed < start ? listed : start + (-3650);
      p.float_fraction = 0.9;
      p.initial_adj = std::floor(det_exp(rng.uniform(0.3, 1.5)) * 1e4 + 0.5) / 1e4;
    }
    p.registration_ipo = p.ipo_day >= 0 && PriceLimitCalculator::registration_ipo(p.board, p.list_date);
    p.first_price = b.price;
    p.total_shares = std::floor(b.mcap_yi * kYi / b.price / 1e4 + 0.5) * 1e4;
    p.vol_multiplier = 0.6;
    p.beta = 0.9;
    p.blue_exposure = b.exposure;
    p.turnover_multiplier = 0.8;
    p.dividend_probability = 1.0;
    p.blue_chip = true;
    used_codes.insert(std::stoi(p.symbol.substr(0, 6)));
    plans.push_back(std::move(p));
  }

  // Generic stocks.
  for (int32_t i = blue_count; i < config.stocks; ++i) {
    StockPlan p;
    const double u = rng.uniform();
    if (u < 0.35) {
      p.board = Board::ShanghaiMain;
    } else if (u < 0.45) {
      p.board = star_possible ? Board::Star : Board::ShanghaiMain;
    } else if (u < 0.75) {
      p.board = Board::ShenzhenMain;
    } else {
      p.board = Board::ChiNext;
    }
    const bool prelisted = p.board != Board::Star && rng.chance(prelisted_fraction);
    if (prelisted) {
      const Date earliest = Date::from_ymd(p.board == Board::ChiNext ? 2009 : 1991, 11, 1);
      p.list_date = random_weekday(rng, std::min(earliest, start + (-400)), start + (-30));
      const double z = rng.normal();
      double mcap_yi = 9.0 + 50.0 * det_exp(0.95 * z + 0.15 * std::max(z, 0.0) * std::max(z, 0.0));
      mcap_yi = std::min(mcap_yi, 3000.0);
      p.first_price = std::clamp(11.0 * det_exp(0.5 * rng.normal() + 0.2 * z), 2.5, 150.0);
      p.first_price = std::floor(p.first_price * 100 + 0.5) / 100;
      p.total_shares = std::floor(mcap_yi * kYi / p.first_price / 1e4 + 0.5) * 1e4;
      p.float_fraction = rng.uniform(0.6, 1.0);
      p.initial_adj = std::floor(det_exp(rng.uniform(0.0, 1.5)) * 1e4 + 0.5) / 1e4;
      p.starts_st = rng.chance(0.035);
    } else {
      p.ipo_day = (p.board == Board::Star ? star_sampler : main_sampler).sample(rng);
      p.list_date = cal.day(p.ipo_day);
      p.registration_ipo = PriceLimitCalculator::registration_ipo(p.board, p.list_date);
      double price = 0, mcap_yi = 0;
      if (p.registration_ipo) {
        price = std::clamp(lognormal(rng, 28.0, 0.6), 5.0, 200.0);
        mcap_yi = std::clamp(lognormal(rng, 50.0, 0.7), 10.0, 1000.0);
        p.float_fraction = 0.2;
      } else {
        price = std::clamp(lognormal(rng, 11.0, 0.45), 3.0, 60.0);
        mcap_yi = std::clamp(lognormal(rng, 22.0, 0.5), 8.0, 300.0);
        p.float_fraction = 0.25;
      }
      p.first_price = std::floor(price * 100 + 0.5) / 100;
      p.total_shares = std::floor(mcap_yi * kYi / p.first_price / 1e4 + 0.5) * 1e4;
    }
    const double mcap_yi = p.first_price * p.total_shares / kYi;
    p.vol_multiplier = det_exp(0.3 * rng.normal() - 0.045);
    p.beta = std::clamp(1.0 + 0.18 * rng.normal(), 0.5, 1.5);
    p.turnover_multiplier = det_exp(0.4 * rng.normal() - 0.08);
    p.dividend_probability = std::clamp(0.35 + 0.12 * det_log(mcap_yi / 20.0), 0.2, 0.95);
    plans.push_back(std::move(p));
  }

  // Codes: within a board, older listings get the earlier prefixes and lower numbers.
  for (Board board : {Board::ShanghaiMain, Board::Star, Board::ShenzhenMain, Board::ChiNext}) {
    std::vector<size_t> members;
    for (size_t k = blue_count; k < plans.size(); ++k)
      if (plans[k].board == board) members.push_back(k);
    std::stable_sort(members.begin(), members.end(),
                     [&](size_t a, size_t b) { return plans[a].list_date < plans[b].list_date; });
    const std::vector<int> prefixes = prefixes_of(board);
    const size_t P = prefixes.size(), M = members.size();
    for (size_t j = 0; j < M; ++j) {
      const size_t prefix_index = j * P / M;
      const size_t group_begin = (prefix_index * M + P - 1) / P;
      const size_t group_end = ((prefix_index + 1) * M + P - 1) / P;
      const size_t group_size = std::max<size_t>(1, group_end - group_begin);
      int slot = 1 + static_cast<int>((j - group_begin) * 998 / group_size);
      size_t pi = prefix_index;
      int code = prefixes[pi] * 1000 + slot;
      for (int probe = 0; used_codes.count(code) != 0; ++probe) {
        require<ConfigError>(probe < 4000, "synthetic market: ran out of codes for a board");
        if (++slot == 1000) {
          slot = 1;
          pi = (pi + 1) % P;
        }
        code = prefixes[pi] * 1000 + slot;
      }
      used_codes.insert(code);
      plans[members[j]].symbol = make_symbol(code);
    }
  }
  std::sort(plans.begin(), plans.end(),
            [](const StockPlan& a, const StockPlan& b) { return a.symbol < b.symbol; });
  return plans;
}

}  // namespace abt::synth
