#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/index_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace abt::synth {

namespace {

constexpr double kBaseLevel = 1000.0;

/// Cap-weighted sums of a bar's price returns relative to PreClose, plus volume/amount sums.
struct WeightedBar {
  double open = 0, high = 0, low = 0, close = 0, volume = 0, amount = 0;
  void add(double w, double pre, float o, float h, float l, float c, float v, float a) {
    open += w * (o / pre - 1.0);
    high += w * (h / pre - 1.0);
    low += w * (l / pre - 1.0);
    close += w * (c / pre - 1.0);
    volume += v;
    amount += a;
  }
};

bool is_quarter_start(const TradingCalendar& cal, int32_t t) {
  return t > 0 && cal.day(t).month() != cal.day(t - 1).month() && (cal.day(t).month() - 1) % 3 == 0;
}

/// The `k` stocks with the largest total market cap at the close of day `t` (ties: lower column).
std::vector<int32_t> top_by_cap(const SynthPanels& p, int32_t stock_count, int32_t t, int32_t k) {
  std::vector<std::pair<double, int32_t>> caps;
  for (int32_t i = 0; i < stock_count; ++i) {
    const float c = p.at(Field::Close, t, i);
    if (std::isnan(c)) continue;
    caps.push_back({-static_cast<double>(c) * p.at(Field::TotalShares, t, i), i});
  }
  const size_t n = std::min<size_t>(caps.size(), static_cast<size_t>(k));
  std::partial_sort(caps.begin(), caps.begin() + n, caps.end());
  std::vector<int32_t> out;
  for (size_t j = 0; j < n; ++j) out.push_back(caps[j].second);
  return out;
}

}  // namespace

void build_index(SynthPanels& p, const TradingCalendar& cal, int32_t stock_count, int32_t col,
                 bool top_basket) {
  const bool hourly = p.has_hourly();
  std::vector<int32_t> members;
  if (!top_basket)
    for (int32_t i = 0; i < stock_count; ++i) members.push_back(i);
  double level = kBaseLevel;
  for (int32_t t = 0; t < p.days; ++t) {
    if (top_basket && (t == 1 || is_quarter_start(cal, t)))
      members = top_by_cap(p, stock_count, t - 1, kMaotaiIndexSize);
    WeightedBar day;
    std::array<WeightedBar, kHourlyBarsPerDay> hours{};
    double weight = 0;
    for (int32_t i : members) {
      const float pre = p.at(Field::PreClose, t, i);
      if (std::isnan(pre)) continue;  // not listed
      const double prev_close = t == 0 ? NAN : p.at(Field::Close, t - 1, i);
      if (std::isnan(prev_close)) {  // first day in the data: trades, but joins the weights tomorrow
        day.volume += p.at(Field::Volume, t, i);
        day.amount += p.at(Field::Amount, t, i);
        for (int s = 0; hourly && s < kHourlyBarsPerDay; ++s) {
          hours[s].volume += p.hour(Field::Volume, t * kHourlyBarsPerDay + s, i);
          hours[s].amount += p.hour(Field::Amount, t * kHourlyBarsPerDay + s, i);
        }
        continue;
      }
      const double w = prev_close * p.at(Field::TotalShares, t - 1, i);
      weight += w;
      day.add(w, pre, p.at(Field::Open, t, i), p.at(Field::High, t, i), p.at(Field::Low, t, i),
              p.at(Field::Close, t, i), p.at(Field::Volume, t, i), p.at(Field::Amount, t, i));
      for (int s = 0; hourly && s < kHourlyBarsPerDay; ++s) {
        const int32_t r = t * kHourlyBarsPerDay + s;
        hours[s].add(w, pre, p.hour(Field::Open, r, i), p.hour(Field::High, r, i), p.hour(Field::Low, r, i),
                     p.hour(Field::Close, r, i), p.hour(Field::Volume, r, i), p.hour(Field::Amount, r, i));
      }
    }
    auto level_of = [&](double weighted_return) {
      return weight > 0 ? level * (1.0 + weighted_return / weight) : level;
    };
    // Daily bar (as floats, so that the hourly bars can reproduce the exact values).
    const float open = static_cast<float>(level_of(day.open));
    const float close = static_cast<float>(level_of(day.close));
    std::array<float, kHourlyBarsPerDay> ho{}, hh{}, hl{}, hc{};
    float high = std::max({static_cast<float>(level_of(day.high)), open, close});
    float low = std::min({static_cast<float>(level_of(day.low)), open, close});
    if (hourly) {
      for (int s = 0; s < kHourlyBarsPerDay; ++s) {
        hc[s] = s == kHourlyBarsPerDay - 1 ? close : static_cast<float>(level_of(hours[s].close));
        ho[s] = s == 0 ? open : hc[s - 1];
        hh[s] = std::max({static_cast<float>(level_of(hours[s].high)), ho[s], hc[s]});
        hl[s] = std::min({static_cast<float>(level_of(hours[s].low)), ho[s], hc[s]});
      }
      high = std::max(high, *std::max_element(hh.begin(), hh.end()));
      low = std::min(low, *std::min_element(hl.begin(), hl.end()));
      hh[std::max_element(hh.begin(), hh.end()) - hh.begin()] = high;
      hl[std::min_element(hl.begin(), hl.end()) - hl.begin()] = low;
      for (int s = 0; s < kHourlyBarsPerDay; ++s) {
        const int32_t r = t * kHourlyBarsPerDay + s;
        p.hour(Field::Open, r, col) = ho[s];
        p.hour(Field::High, r, col) = hh[s];
        p.hour(Field::Low, r, col) = hl[s];
        p.hour(Field::Close, r, col) = hc[s];
        p.hour(Field::Volume, r, col) = static_cast<float>(hours[s].volume);
        p.hour(Field::Amount, r, col) = static_cast<float>(hours[s].amount);
      }
    }
    p.at(Field::Open, t, col) = open;
    p.at(Field::High, t, col) = high;
    p.at(Field::Low, t, col) = low;
    p.at(Field::Close, t, col) = close;
    p.at(Field::PreClose, t, col) = static_cast<float>(level);
    p.at(Field::Volume, t, col) = static_cast<float>(day.volume);
    p.at(Field::Amount, t, col) = static_cast<float>(day.amount);
    p.at(Field::AdjFactor, t, col) = 1.0f;
    p.at(Field::IsST, t, col) = 0.0f;
    level = close;
  }
}

}  // namespace abt::synth
