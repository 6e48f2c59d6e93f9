#include "strategies/dual_ma/dual_ma_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/core/error.hpp"
#include "engine/data/market_data.hpp"
#include "strategies/common/param_lookup.hpp"
#include "strategies/dual_ma/window_sums.hpp"

namespace abt {
namespace {
double ind_nan() {
  return std::numeric_limits<double>::quiet_NaN();
}
}  // namespace

void DualMaStrategy::Params::validate(const std::string& path) const {
  if (fast >= slow)
    throw ConfigError(path + ".fast: must be smaller than slow (" + std::to_string(fast) +
                      " >= " + std::to_string(slow) + ")");
  if (symbols.empty()) throw ConfigError(path + ".symbols: expected at least one symbol");
}

DualMaStrategy::DualMaStrategy(Params params) : params_(std::move(params)) {}

void DualMaStrategy::on_start(Context& ctx) {
  frequency_ = *parse_frequency(params_.frequency);
  if (!ctx.has_frequency(frequency_))
    throw ConfigError("strategy.params.frequency: " + params_.frequency +
                      " bars are not loaded (generate or import 60-minute data)");
  const Params defaults;
  for (size_t k = 0; k < params_.symbols.size(); ++k)
    ids_.push_back(param_instrument(ctx, params_.symbols[k], "symbols[" + std::to_string(k) + "]",
                                    defaults.symbols.front(), "e.g. 000001.SH"));
  long_.assign(ids_.size(), false);
  changes_.reserve(ids_.size());
  windows_.assign(ids_.size(), SmaWindow(params_.fast, params_.slow));
  close_ = ctx.field(frequency_, "close");
  adjusted_ = params_.price == "adjusted";
  if (adjusted_) adj_ = ctx.field(frequency_, "adj_factor");
  ctx.subscribe(frequency_);
  const MarketData* data = ctx.market_data();
  const BarData* bars = data ? data->bars(frequency_) : nullptr;
  // The recorded sums are shared (window_sums.hpp) when the views read the data's own panels.
  const bool shared = bars && bars->find_field("close") == close_.panel &&
                      (!adjusted_ || bars->find_field("adj_factor") == adj_.panel);
  for (size_t k = 0; k < std::min(params_.symbols.size(), kRecordedSymbols); ++k) {
    sig_fast_.push_back(ctx.declare_signal(params_.symbols[k] + "_fast", frequency_));
    sig_slow_.push_back(ctx.declare_signal(params_.symbols[k] + "_slow", frequency_));
    sig_long_.push_back(ctx.declare_signal(params_.symbols[k] + "_long", frequency_));
    fast_sums_.push_back(shared ? shared_window_sums(*data, frequency_, adjusted_, ids_[k], params_.fast)
                                : nullptr);
    slow_sums_.push_back(shared ? shared_window_sums(*data, frequency_, adjusted_, ids_[k], params_.slow)
                                : nullptr);
  }
}

int DualMaStrategy::signal(const float* closes, const float* factors, int count, int fast, int slow) {
  if (count < slow) return -1;
  int64_t sum_fast = 0, sum_slow = 0;
  for (int i = count - slow; i < count; ++i) {
    const int64_t units =
        dual_ma::grid_units(dual_ma::signal_price(closes[i], factors ? factors[i] : ind_nan()));
    if (units == dual_ma::kNoUnits) return -1;  // NaN, negative or absurd
    sum_slow += units;
    if (i >= count - fast) sum_fast += units;
  }
  return dual_ma::ratio_greater(sum_fast, fast, sum_slow, slow) ? 1 : 0;
}

void DualMaStrategy::record_averages(Context& ctx, size_t k) {
  const SmaWindow& window = windows_[k];
  const bool full = window.count() >= params_.slow;
  double fast = ind_nan(), slow = ind_nan();
  if (full && fast_sums_[k] && slow_sums_[k]) {  // the same sums, added once for every run on the data
    fast = fast_sums_[k]->at(bars_seen_ - 1);
    slow = slow_sums_[k]->at(bars_seen_ - 1);
  } else if (full) {
    fast = window.sum_of_last(params_.fast);
    slow = window.sum_of_last(params_.slow);
  }
  ctx.record(sig_fast_[k], full ? fast / params_.fast : ind_nan());
  ctx.record(sig_slow_[k], full ? slow / params_.slow : ind_nan());
  ctx.record(sig_long_[k], long_[k] ? 1.0 : 0.0);
}

void DualMaStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency != frequency_) return;
  // Every bar closed so far (a view clips its length at the first row): its size is the count of bars. The
  // windows hold the bars up to the previous call: the bars since then are appended, or the windows refilled
  // with the last `slow` when they are further back.
  constexpr int32_t kAll = std::numeric_limits<int32_t>::max();
  const HistoryView closes = ctx.history(close_, kAll);
  const HistoryView factors = adjusted_ ? ctx.history(adj_, kAll) : HistoryView();
  const int32_t bars = closes.size(), held = std::min(bars, params_.slow);
  const bool advance = bars_seen_ > 0 && bars > bars_seen_ && bars - bars_seen_ <= held;
  const int32_t first_lag = advance ? bars - bars_seen_ - 1 : held - 1;
  bars_seen_ = bars;
  const double weight = params_.weight > 0 ? params_.weight : 1.0 / static_cast<double>(ids_.size());
  changes_.clear();
  for (size_t k = 0; k < ids_.size(); ++k) {
    SmaWindow& window = windows_[k];
    if (!advance) window.clear();
    for (int32_t lag = first_lag; lag >= 0; --lag)
      window.push(
          dual_ma::signal_price(closes.at(lag, ids_[k]), adjusted_ ? factors.at(lag, ids_[k]) : ind_nan()));
    const int s = window.state();
    const bool want_long = s == 1;
    if (!(s < 0 && !long_[k]) && want_long != long_[k]) {
      long_[k] = want_long;
      changes_.push_back({ids_[k], want_long ? weight : 0.0});
    }
    if (k < sig_fast_.size()) record_averages(ctx, k);  // the averages and the state decided
  }
  if (!changes_.empty()) ctx.target_weights(changes_, /*exit_others=*/false);
}

}  // namespace abt
