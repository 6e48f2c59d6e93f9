#pragma once
// The signal prices of dual_ma's last `slow` bars of one instrument, advanced one bar at a time, so that a
// bar costs O(1) reads of the panels instead of copying 2 x slow values (a sweep runs this for every bar of
// every variant). state() is exactly DualMaStrategy::signal over the same prices: the grid units of each
// price are summed in 64-bit integers (exact, so rolling sums equal sums from scratch), and a window holding
// a NaN, negative or absurd price has no state. The prices themselves are kept for the recorded averages,
// which are summed oldest first exactly as a sum over a copied window (the same double bits).
#include <cmath>
#include <cstdint>
#include <vector>

namespace abt {

namespace dual_ma {

/// Signal prices are compared on a grid of 0.0001 (CNY or index points): exact for prices on the 0.01 tick.
constexpr double kPriceGrid = 1e4;
/// Larger grid values are refused (no signal): they are beyond the integers a double holds exactly.
constexpr double kMaxGridValue = 9e15;
/// grid_units() of a price that gives no signal.
constexpr int64_t kNoUnits = -1;

/// The signal price of one bar: close x factor, factor 1 when it is NaN (or not used).
inline double signal_price(float close, double factor) {
  return static_cast<double>(close) * (std::isnan(factor) ? 1.0 : factor);
}

/// `price` on the grid, rounded half up (as std::llround; truncation and the fractional part x - t are exact
/// in double arithmetic), or kNoUnits for a NaN, negative or absurd price.
inline int64_t grid_units(double price) {
  const double scaled = price * kPriceGrid;
  if (!(scaled >= 0 && scaled < kMaxGridValue)) return kNoUnits;
  const auto t = static_cast<int64_t>(scaled);
  return scaled - static_cast<double>(t) >= 0.5 ? t + 1 : t;
}

/// a / b > c / d, exactly, for a, c >= 0 and b, d >= 1: a x d > c x b in 128-bit integers (no overflow for
/// 64-bit sums and window lengths; no division).
inline bool ratio_greater(int64_t a, int64_t b, int64_t c, int64_t d) {
  __extension__ using Wide = __int128;
  return static_cast<Wide>(a) * d > static_cast<Wide>(c) * b;
}

}  // namespace dual_ma

class SmaWindow {
 public:
  /// 1 <= fast < slow.
  SmaWindow(int fast, int slow)
      : fast_(fast), slow_(slow), prices_(static_cast<size_t>(slow)), units_(static_cast<size_t>(slow)) {}

  /// Forgets every bar.
  void clear() {
    count_ = head_ = 0;
    sum_fast_ = sum_slow_ = 0;
    invalid_ = 0;
  }

  /// Appends the newest bar's signal price (dual_ma::signal_price); the oldest leaves once `slow` are held.
  void push(double price) {
    const int64_t units = dual_ma::grid_units(price);
    if (count_ >= fast_) remove_fast(units_[index(count_ - fast_)]);
    if (count_ == slow_) {
      remove_slow(units_[static_cast<size_t>(head_)]);
      head_ = head_ + 1 == slow_ ? 0 : head_ + 1;
      --count_;
    }
    const size_t at = index(count_);
    prices_[at] = price;
    units_[at] = units;
    ++count_;
    if (units == dual_ma::kNoUnits) {
      ++invalid_;
    } else {
      sum_slow_ += units;
      sum_fast_ += units;
    }
  }

  /// Bars held (at most slow).
  int count() const { return count_; }
  /// +1 long, 0 flat, -1 no signal: DualMaStrategy::signal of the held prices.
  int state() const {
    if (count_ < slow_ || invalid_ > 0) return -1;
    return dual_ma::ratio_greater(sum_fast_, fast_, sum_slow_, slow_) ? 1 : 0;
  }
  /// Sum of the last `n` <= count() prices, added oldest first from 0.
  double sum_of_last(int n) const {
    double sum = 0;
    for (int i = count_ - n; i < count_; ++i) sum += prices_[index(i)];
    return sum;
  }

 private:
  /// Storage index of the i-th held bar, oldest first.
  size_t index(int i) const {
    const int at = head_ + i;
    return static_cast<size_t>(at >= slow_ ? at - slow_ : at);
  }
  void remove_fast(int64_t units) {
    if (units != dual_ma::kNoUnits) sum_fast_ -= units;
  }
  void remove_slow(int64_t units) {
    if (units == dual_ma::kNoUnits)
      --invalid_;
    else
      sum_slow_ -= units;
  }

  int fast_, slow_;
  std::vector<double> prices_;  // ring of slow entries, the oldest at head_
  std::vector<int64_t> units_;  // grid units of prices_ (kNoUnits when invalid)
  int count_ = 0, head_ = 0;
  int64_t sum_fast_ = 0, sum_slow_ = 0;  // units of the last fast / slow valid prices
  int invalid_ = 0;                      // invalid prices among the held ones
};

}  // namespace abt
