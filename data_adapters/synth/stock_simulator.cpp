#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/stock_simulator.hpp"

#include <algorithm>
#include <cmath>

#include "data_adapters/synth/intraday_path.hpp"
#include "data_adapters/synth/synth_rng.hpp"
#include "engine/execution/price_limit.hpp"

namespace abt::synth {

namespace {

const double kLnSizePivot = det_log(150e8);    // size exposure 0 at 150 亿 CNY
const double kLnSizeStep = det_log(8.0);       // one unit of exposure per factor 8 in market cap
const double kLnFloorCap = det_log(25e8);      // below 25 亿 a "shell value" drift pulls caps back up
const double kLnCeilingCap = det_log(1.5e12);  // above 1.5 万亿 a drift pulls giants down
constexpr int32_t kArrangementDays = 15;
const double kLnTinyCap = det_log(4e8);     // 20 closes below 4 亿 delist the stock
const double kLnTurnPivot = det_log(50e8);  // turnover reference cap
const double kLnBaseTurnover = det_log(0.012);

int64_t to_cents(double cny) {
  return std::max<int64_t>(1, static_cast<int64_t>(std::floor(cny * 100.0 + 0.5)));
}

/// The price band of a day in cents; unlimited days use [1 cent, huge].
struct Band {
  bool limited = true;
  int64_t up = 0, down = 0;
  int64_t clamp(int64_t cents) const { return std::clamp(cents, down, up); }
};

/// Open/high/low around a given close: open gaps toward the day's move, wicks scale with volatility.
CentBar make_bar(int64_t pre, int64_t close, double r, double sigma, const Band& band, SynthRng& rng) {
  CentBar b;
  const double p = static_cast<double>(pre);
  b.close = close;
  b.open =
      band.clamp(static_cast<int64_t>(std::floor(p * (1.0 + 0.35 * r + 0.5 * sigma * rng.normal()) + 0.5)));
  const double hi =
      static_cast<double>(std::max(b.open, b.close)) * (1.0 + 0.5 * sigma * std::fabs(rng.normal()));
  const double lo =
      static_cast<double>(std::min(b.open, b.close)) * (1.0 - 0.5 * sigma * std::fabs(rng.normal()));
  b.high = std::max({band.clamp(static_cast<int64_t>(std::floor(hi + 0.5))), b.open, b.close});
  b.low = std::min(
      {band.clamp(std::max<int64_t>(1, static_cast<int64_t>(std::floor(lo + 0.5)))), b.open, b.close});
  return b;
}

CentBar one_price_bar(int64_t price) {
  CentBar b;
  b.open = b.high = b.low = b.close = price;
  return b;
}

}  // namespace

StockSimulator::StockSimulator(const TradingCalendar& calendar, const FactorPaths& factors, uint64_t seed,
                               SynthPanels& panels)
    : calendar_(calendar), factors_(factors), seed_(seed), panels_(panels) {
  const int32_t days = calendar.size();
  first_year_ = calendar.day(0).year();
  const int32_t years = calendar.day(days - 1).year() - first_year_ + 1;
  dividend_window_.assign(years, {-1, -1});
  year_of_day_.resize(days);
  idio_scale_.resize(days);
  log_turn_scale_.resize(days);
  for (int32_t t = 0; t < days; ++t) {
    const Date d = calendar.day(t);
    year_of_day_[t] = d.year();
    auto& w = dividend_window_[d.year() - first_year_];
    if (d.month() == 6 || d.month() == 7) {
      if (w.first < 0) w.first = t;
      w.second = t;
    }
    const double mv = factors.market_vol[t];
    idio_scale_[t] = 0.75 + 0.25 * mv / 0.011;
    log_turn_scale_[t] = det_log(std::clamp(mv / 0.011, 0.7, 2.5));
  }
}

StockOutcome StockSimulator::run(const StockPlan& plan, int32_t col) {
  SynthRng rng(seed_, Stream::StockDaily, static_cast<uint64_t>(col));
  SynthRng hour_rng(seed_, Stream::StockHourly, static_cast<uint64_t>(col));
  const int32_t days = calendar_.size();
  const bool hourly = panels_.has_hourly();
  StockOutcome out;
  out.first_day = std::max(plan.ipo_day, 0);
  out.last_day = days - 1;

  int64_t prev_close = to_cents(plan.first_price);
  double adj = plan.initial_adj;
  double total = plan.total_shares;
  double locked = std::floor(total * (1.0 - plan.float_fraction) / 100.0 + 0.5) * 100.0;
  std::vector<std::pair<int32_t, double>> unlocks;  // (day, shares) lock-up expiries
  if (plan.ipo_day >= 0) {
    const double half = std::floor(locked / 200.0) * 100.0;
    unlocks.push_back({plan.ipo_day + 243, half});
    unlocks.push_back({plan.ipo_day + 729, locked - half});
  }
  bool st = plan.starts_st;
  int32_t st_end = st ? out.first_day + 60 + rng.below(300) : -1;
  bool delist_fate = st && rng.chance(0.2);
  int32_t days_listed = plan.ipo_day >= 0 ? 0 : 100000;
  int32_t streak_left = 0;
  bool break_pending = false;
  int32_t suspended_left = 0, below_one = 0, below_tiny = 0, last_limit = 0;
  double log_vol = 0.26 * rng.normal();
  int32_t dividend_day = -1;

  for (int32_t t = out.first_day; t < days; ++t) {
    const Date date = calendar_.day(t);
    // --- Corporate calendar: this year's dividend, lock-up expiries.
    if (t == out.first_day || year_of_day_[t] != year_of_day_[t - 1]) {
      const auto& w = dividend_window_[year_of_day_[t] - first_year_];
      dividend_day = -1;
      if (w.first >= 0 && rng.chance(plan.dividend_probability)) {
        const int32_t day = w.first + rng.below(w.second - w.first + 1);
        if (day > t && (plan.ipo_day < 0 || day - plan.ipo_day > 120)) dividend_day = day;
      }
    }
    for (auto it = unlocks.begin(); it != unlocks.end();) {
      if (it->first <= t) {
        locked = std::max(0.0, locked - it->second);
        it = unlocks.erase(it);
      } else {
        ++it;
      }
    }
    // --- Ex-rights: cash dividend and bonus/transfer shares change PreClose, AdjFactor and shares.
    int64_t pre = prev_close;
    if (t == dividend_day && suspended_left > 0) dividend_day = t + 1;
    if (t == dividend_day) {
      const double close_cny = static_cast<double>(prev_close) / 100.0;
      const double yield = plan.blue_chip ? rng.uniform(0.012, 0.035) : rng.uniform(0.003, 0.025);
      const double cash = std::floor(close_cny * yield * 1000.0 + 0.5) / 1000.0;  // CNY per share
      double ratio = 0.0;
      if (!plan.blue_chip && rng.chance(close_cny > 60.0 ? 0.45 : 0.06)) {
        constexpr double kRatios[5] = {0.2, 0.3, 0.5, 0.8, 1.0};
        ratio = kRatios[rng.below(5)];
      }
      pre = to_cents((close_cny - cash) / (1.0 + ratio));
      adj *= static_cast<double>(prev_close) / static_cast<double>(pre);
      total = std::floor(total * (1.0 + ratio) + 0.5);
      locked = std::floor(locked * (1.0 + ratio) + 0.5);
      for (auto& u : unlocks) u.second = std::floor(u.second * (1.0 + ratio) + 0.5);
    }
    const double float_shares = total - locked;

    CentBar bar;
    Band band;
    bool suspended = false;
    double turnover = 0.0;
    if (suspended_left > 0) {
      suspended = true;
      --suspended_left;
      bar = one_price_bar(pre);
    } else {
      // --- The day's price band.
      const bool ipo_first_day = days_listed == 0;
      if (ipo_first_day && !plan.registration_ipo) {
        band.up = PriceLimitCalculator::up_fen(pre, kIpoDayOneUpPct);
        band.down = PriceLimitCalculator::down_fen(pre, kIpoDayOneDownPct);
      } else if (plan.registration_ipo && days_listed < 5) {
        band.limited = false;
        band.up = pre * 100;
        band.down = 1;
      } else {
        const int32_t pct = PriceLimitCalculator::regular_percent(plan.board, date, st);
        band.up = PriceLimitCalculator::up_fen(pre, pct);
        band.down = PriceLimitCalculator::down_fen(pre, pct);
      }
      const double pre_cny = static_cast<double>(pre) / 100.0;
      const double ln_mcap = det_log(pre_cny * total);
      const double size_exposure = std::clamp((kLnSizePivot - ln_mcap) / kLnSizeStep, -0.3, 1.5);
      log_vol = 0.985 * log_vol + 0.045 * rng.normal();
      const double ipo_boost = days_listed < 60 ? 1.0 + (60 - days_listed) / 60.0 : 1.0;
      const double sigma = plan.vol_multiplier * (0.018 + 0.005 * size_exposure) * det_exp(log_vol) *
                           idio_scale_[t] * ipo_boost;
      const double ln_turn = kLnBaseTurnover + det_log(plan.turnover_multiplier) -
                             0.35 * (ln_mcap - kLnTurnPivot) + 0.35 * rng.normal() + log_turn_scale_[t];
      turnover = det_exp(ln_turn);

      if (ipo_first_day && !plan.registration_ipo) {
        // Older-rule IPO: sealed at +44 % on day one, then a streak of sealed limit-ups (首发连板).
        bar = one_price_bar(band.up);
        streak_left = rng.geometric(date.year() < 2018 ? 0.125 : 0.3, 20);
        break_pending = true;
        turnover = 0.003;
      } else if (streak_left > 0) {
        bar = one_price_bar(band.up);
        --streak_left;
        turnover = 0.004;
      } else if (break_pending) {
        // The streak breaks: opens near the limit, trades down, huge turnover.
        break_pending = false;
        const int64_t close = band.clamp(to_cents(pre_cny * (1.0 + rng.uniform(-0.08, 0.06))));
        bar = make_bar(pre, close, 0.05, 0.03, band, rng);
        bar.high = band.up;
        turnover = 0.45 * rng.uniform(0.7, 1.3);
      } else if (plan.registration_ipo && days_listed == 0) {
        const double r = std::clamp(det_exp(0.7 + 0.6 * rng.normal()) - 1.0, -0.3, 6.0);
        bar = make_bar(pre, to_cents(pre_cny * (1.0 + r)), r, 0.12, band, rng);
        turnover = 0.7 * rng.uniform(0.8, 1.2);
      } else {
        // --- Regular day: factor model + idiosyncratic shock + jumps, clipped by the band.
        // The idiosyncratic part has log-drift 0 (+sigma^2/2), so volatility alone does not shrink a stock.
        double r = plan.beta * factors_.market[t] + size_exposure * factors_.size[t] + 0.5 * sigma * sigma +
                   sigma * rng.fat_normal();
        const double blue = plan.blue_chip ? plan.blue_exposure : (ln_mcap > det_log(8e10) ? 0.4 : 0.0);
        r += blue * factors_.blue[t];
        if (!delist_fate && ln_mcap < kLnFloorCap) r += 0.001 * (kLnFloorCap - ln_mcap);
        if (ln_mcap > kLnCeilingCap) r -= 0.004 * (ln_mcap - kLnCeilingCap);
        if (plan.ipo_day >= 0 && days_listed < 250)
          r -= 0.0008;  // new listings de-rate over their first year
        if (st) r += delist_fate && t >= st_end - 90 ? -0.007 : -0.0003;
        const double small = std::max(0.0, size_exposure);
        const double u = rng.uniform();
        if (last_limit > 0 && u < 0.15 + 0.15 * small) {
          r += rng.uniform(0.06, 0.2);  // limit-up momentum
        } else if (last_limit < 0 && u < 0.15 + 0.15 * small) {
          r -= rng.uniform(0.06, 0.2);
        } else if (u < 0.3 + 0.005 + 0.007 * small && u >= 0.3) {
          r += (rng.chance(0.6) ? 1.0 : -1.0) * rng.uniform(0.05, 0.16);  // news jump
        }
        if (plan.registration_ipo && days_listed < 5) r = 3.0 * sigma * rng.normal() - 0.01;
        r = std::max(r, -0.6);
        const int64_t close = band.clamp(to_cents(pre_cny * (1.0 + r)));
        const double pct = static_cast<double>(band.up - pre) / static_cast<double>(pre);
        const bool far_beyond = std::fabs(r) > pct + 0.03;
        if (band.limited && far_beyond && (close == band.up || close == band.down) && rng.chance(0.5)) {
          bar = one_price_bar(close);
          turnover *= 0.05;
        } else {
          bar =
              make_bar(pre, close, r,
                       std::sqrt(sigma * sigma + factors_.market_vol[t] * factors_.market_vol[t]), band, rng);
          turnover *= 1.0 + 8.0 * std::fabs(static_cast<double>(close - pre) / static_cast<double>(pre));
        }
      }
      turnover = std::clamp(turnover, 0.0003, 0.8);
      bar.volume = quantize_volume(turnover * float_shares);
      bar.amount = bar.volume * static_cast<double>(bar.open + bar.high + bar.low + bar.close) / 400.0;
    }

    // --- Write the day.
    panels_.at(Field::Open, t, col) = cents_to_price(bar.open);
    panels_.at(Field::High, t, col) = cents_to_price(bar.high);
    panels_.at(Field::Low, t, col) = cents_to_price(bar.low);
    panels_.at(Field::Close, t, col) = cents_to_price(bar.close);
    panels_.at(Field::PreClose, t, col) = cents_to_price(pre);
    panels_.at(Field::Volume, t, col) = static_cast<float>(bar.volume);
    panels_.at(Field::Amount, t, col) = static_cast<float>(bar.amount);
    panels_.at(Field::AdjFactor, t, col) = static_cast<float>(adj);
    panels_.at(Field::TotalShares, t, col) = static_cast<float>(total);
    panels_.at(Field::FloatShares, t, col) = static_cast<float>(float_shares);
    // A stock whose ST episode ends in delisting spends its last kArrangementDays in the delisting
    // arrangement (退市整理期, 15 trading days under the 2020 rules).
    const bool arrangement = st && delist_fate && t > st_end - kArrangementDays;
    panels_.at(Field::IsST, t, col) =
        arrangement ? kStatusDelistingArrangement : (st ? kStatusSt : kStatusNormal);
    if (hourly) {
      const auto hours = split_into_hours(bar, hour_rng);
      for (int s = 0; s < kHourlyBarsPerDay; ++s) {
        const int32_t row = t * kHourlyBarsPerDay + s;
        panels_.hour(Field::Open, row, col) = cents_to_price(hours[s].open);
        panels_.hour(Field::High, row, col) = cents_to_price(hours[s].high);
        panels_.hour(Field::Low, row, col) = cents_to_price(hours[s].low);
        panels_.hour(Field::Close, row, col) = cents_to_price(hours[s].close);
        panels_.hour(Field::Volume, row, col) = static_cast<float>(hours[s].volume);
        panels_.hour(Field::Amount, row, col) = static_cast<float>(hours[s].amount);
      }
    }

    // --- End of day: state for tomorrow.
    last_limit =
        suspended || !band.limited ? 0 : (bar.close == band.up ? 1 : (bar.close == band.down ? -1 : 0));
    prev_close = bar.close;
    ++days_listed;
    if (st && t >= st_end) {
      if (delist_fate) {
        out.last_day = t;
        out.delisted = true;
        break;
      }
      st = false;
    } else if (!st && !plan.blue_chip && days_listed > 250 && rng.chance(0.00011)) {
      st = true;
      st_end = t + 120 + rng.below(380);
      delist_fate = rng.chance(0.15);
    }
    below_one = bar.close < 100 ? below_one + 1 : 0;
    const bool tiny = det_log(static_cast<double>(bar.close) / 100.0 * total) < kLnTinyCap;
    below_tiny = tiny ? below_tiny + 1 : 0;
    // Face-value delisting (20 closes below 1 CNY) and market-cap delisting (20 closes below 4 亿 CNY).
    if ((below_one >= 20 || below_tiny >= 20) && !plan.blue_chip) {
      out.last_day = t;
      out.delisted = true;
      break;
    }
    if (!suspended && days_listed > 10 && rng.chance(0.0007)) {
      const double u = rng.uniform();
      suspended_left = u < 0.7 ? 1 : (u < 0.9 ? 2 + rng.below(4) : 5 + rng.below(35));
    }
    if (rng.chance(0.0002)) {  // private placement: new shares, locked for half a year
      const double added = std::floor(total * rng.uniform(0.08, 0.25) / 100.0 + 0.5) * 100.0;
      total += added;
      locked += added;
      unlocks.push_back({t + 126, added});
    }
  }
  return out;
}

}  // namespace abt::synth
