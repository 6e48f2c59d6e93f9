#pragma once
// Incremental, allocation-free indicators over a stream of doubles (one value per bar, oldest first).
// Every indicator allocates its fixed window once, at construction; push() never allocates. A value is
// "ready" once the window is full (count() >= window); before that the accessors return NaN.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace abt::ind {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Fixed-capacity ring buffer of the last `capacity` values.
class RingWindow {
 public:
  explicit RingWindow(int32_t capacity = 1) : values_(static_cast<size_t>(capacity < 1 ? 1 : capacity)) {}
  int32_t capacity() const { return static_cast<int32_t>(values_.size()); }
  int32_t size() const { return size_; }
  bool full() const { return size_ == capacity(); }
  /// Appends v; returns the value that fell out of the window (NaN when the window was not full).
  double push(double v) {
    double out = kNaN;
    if (full()) out = values_[head_];
    values_[head_] = v;
    head_ = (head_ + 1) % capacity();
    if (size_ < capacity()) ++size_;
    return out;
  }
  /// Value `lag` pushes ago (0 = the latest); lag < size().
  double at(int32_t lag) const {
    int32_t i = head_ - 1 - lag;
    while (i < 0) i += capacity();
    return values_[static_cast<size_t>(i)];
  }
  void clear() { size_ = head_ = 0; }

 private:
  std::vector<double> values_;
  int32_t size_ = 0;
  int32_t head_ = 0;
};

/// Simple moving average of the last `window` values.
class Sma {
 public:
  explicit Sma(int32_t window = 1) : ring_(window) {}
  void push(double v) {
    const double out = ring_.push(v);
    sum_ += v;
    if (!std::isnan(out)) sum_ -= out;
    // Refresh the running sum from scratch once per window to bound floating drift.
    if (++since_refresh_ >= ring_.capacity() && ring_.full()) {
      since_refresh_ = 0;
      double s = 0;
      for (int32_t k = ring_.size() - 1; k >= 0; --k) s += ring_.at(k);
      sum_ = s;
    }
  }
  bool ready() const { return ring_.full(); }
  double value() const { return ready() ? sum_ / ring_.capacity() : kNaN; }
  int32_t count() const { return ring_.size(); }

 private:
  RingWindow ring_;
  double sum_ = 0;
  int32_t since_refresh_ = 0;
};

/// Exponential moving average with alpha = 2 / (span + 1), seeded with the first value.
class Ema {
 public:
  explicit Ema(int32_t span = 1) : alpha_(2.0 / (span + 1.0)) {}
  void push(double v) {
    value_ = count_ == 0 ? v : value_ + alpha_ * (v - value_);
    ++count_;
  }
  bool ready() const { return count_ > 0; }
  double value() const { return count_ > 0 ? value_ : kNaN; }
  int64_t count() const { return count_; }

 private:
  double alpha_;
  double value_ = 0;
  int64_t count_ = 0;
};

/// Sample standard deviation (divisor n - 1) of the last `window` values (two-pass over the ring, exact).
class RollingStd {
 public:
  explicit RollingStd(int32_t window = 2) : ring_(window < 2 ? 2 : window) {}
  void push(double v) { ring_.push(v); }
  bool ready() const { return ring_.full(); }
  double value() const {
    if (!ready()) return kNaN;
    double mean = 0;
    for (int32_t k = 0; k < ring_.size(); ++k) mean += ring_.at(k);
    mean /= ring_.size();
    double ss = 0;
    for (int32_t k = 0; k < ring_.size(); ++k) ss += (ring_.at(k) - mean) * (ring_.at(k) - mean);
    return std::sqrt(ss / (ring_.size() - 1));
  }
  const RingWindow& window() const { return ring_; }

 private:
  RingWindow ring_;
};

/// Sample standard deviation of values[0..n) ignoring NaN; NaN when fewer than `min_valid` finite values
/// (min_valid >= 2).
double sample_std(const double* values, int32_t n, int32_t min_valid);

/// Least-squares slope of y[0..n) against x = 0..n-1 divided by the mean of y: the fitted relative change
/// per step (0.003 = +0.3 % a day). NaN when n < 2, a value is NaN or the mean is 0.
double normalized_slope(const double* y, int32_t n);

/// Least-squares slope of the last `window` values of a ring (oldest first), normalised by their mean.
double normalized_slope(const RingWindow& ring);

}  // namespace abt::ind
