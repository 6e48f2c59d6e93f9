#include "strategies/dual_ma/dual_ma_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/core/error.hpp"
#include "strategies/common/param_lookup.hpp"

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
  closes_.resize(params_.slow);
  factors_.resize(params_.slow);
  close_ = ctx.field(frequency_, "close");
  adjusted_ = params_.price == "adjusted";
  if (adjusted_) adj_ = ctx.field(frequency_, "adj_factor");
  ctx.subscribe(frequency_);
  for (size_t k = 0; k < std::min(params_.symbols.size(), kRecordedSymbols); ++k) {
    sig_fast_.push_back(ctx.declare_signal(params_.symbols[k] + "_fast", frequency_));
    sig_slow_.push_back(ctx.declare_signal(params_.symbols[k] + "_slow", frequency_));
    sig_long_.push_back(ctx.declare_signal(params_.symbols[k] + "_long", frequency_));
  }
}

namespace {

/// Signal prices are compared on a grid of 0.0001 (CNY or index points): exact for prices on the 0.01 tick.
constexpr double kPriceGrid = 1e4;
/// Larger grid values are refused (no signal): they are beyond the integers a double holds exactly.
constexpr double kMaxGridValue = 9e15;

/// a / b > c / d, exactly, for a, c >= 0 and b, d >= 1 (integer parts first, then the remainders, whose
/// cross products stay below b x d: no overflow).
bool ratio_greater(int64_t a, int64_t b, int64_t c, int64_t d) {
  const int64_t qa = a / b, qc = c / d;
  if (qa != qc) return qa > qc;
  return (a % b) * d > (c % d) * b;
}

}  // namespace

int DualMaStrategy::signal(const float* closes, const float* factors, int count, int fast, int slow) {
  if (count < slow) return -1;
  int64_t sum_fast = 0, sum_slow = 0;
  for (int i = count - slow; i < count; ++i) {
    const double factor = factors ? (std::isnan(factors[i]) ? 1.0 : factors[i]) : 1.0;
    const double scaled = static_cast<double>(closes[i]) * factor * kPriceGrid;
    if (!(scaled >= 0 && scaled < kMaxGridValue)) return -1;  // NaN, negative or absurd
    const int64_t units = std::llround(scaled);
    sum_slow += units;
    if (i >= count - fast) sum_fast += units;
  }
  return ratio_greater(sum_fast, fast, sum_slow, slow) ? 1 : 0;
}

void DualMaStrategy::record_averages(Context& ctx, size_t k, int count) {
  double fast = 0, slow = 0;
  for (int i = count - params_.slow; i >= 0 && i < count; ++i) {
    const double factor =
        adjusted_ && !std::isnan(factors_[static_cast<size_t>(i)]) ? factors_[static_cast<size_t>(i)] : 1.0;
    const double price = double{closes_[static_cast<size_t>(i)]} * factor;
    slow += price;
    if (i >= count - params_.fast) fast += price;
  }
  const bool full = count >= params_.slow;
  ctx.record(sig_fast_[k], full ? fast / params_.fast : ind_nan());
  ctx.record(sig_slow_[k], full ? slow / params_.slow : ind_nan());
  ctx.record(sig_long_[k], long_[k] ? 1.0 : 0.0);
}

void DualMaStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency != frequency_) return;
  const HistoryView closes = ctx.history(close_, params_.slow);
  const HistoryView factors = adjusted_ ? ctx.history(adj_, params_.slow) : HistoryView();
  const double weight = params_.weight > 0 ? params_.weight : 1.0 / static_cast<double>(ids_.size());
  changes_.clear();
  for (size_t k = 0; k < ids_.size(); ++k) {
    const int count = closes.copy_column(ids_[k], closes_);
    if (adjusted_) factors.copy_column(ids_[k], factors_);
    const int s =
        signal(closes_.data(), adjusted_ ? factors_.data() : nullptr, count, params_.fast, params_.slow);
    const bool want_long = s == 1;
    if (!(s < 0 && !long_[k]) && want_long != long_[k]) {
      long_[k] = want_long;
      changes_.push_back({ids_[k], want_long ? weight : 0.0});
    }
    if (k < sig_fast_.size()) record_averages(ctx, k, count);  // the averages and the state decided
  }
  if (!changes_.empty()) ctx.target_weights(changes_, /*exit_others=*/false);
}

}  // namespace abt
