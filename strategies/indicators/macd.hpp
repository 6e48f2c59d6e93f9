#pragma once
// MACD(fast, slow, signal) on a price stream, incremental and allocation-free after construction.
//   DIF = EMA(fast) - EMA(slow), DEA = EMA(signal) of DIF, histogram = 2 * (DIF - DEA).
// Events of the latest push:
//   golden cross: DIF crossed above DEA (DIF_{t-1} <= DEA_{t-1} and DIF_t > DEA_t);
//   death cross:  DIF crossed below DEA;
//   top divergence [D]: the price makes a new high above every price of the previous `divergence_window`
//     bars, while DIF_t is below the DIF of the bar that held the previous high (price higher, momentum
//     lower).
// Events need `slow` pushes of warm-up; before that they are false.
#include <cstdint>

#include "strategies/indicators/rolling.hpp"

namespace abt::ind {

class Macd {
 public:
  explicit Macd(int32_t fast = 12, int32_t slow = 26, int32_t signal = 9, int32_t divergence_window = 60);
  void push(double price);

  double dif() const { return dif_; }
  double dea() const { return dea_.value(); }
  double histogram() const { return 2 * (dif_ - dea_.value()); }
  bool ready() const { return count_ >= slow_; }
  bool golden_cross() const { return golden_; }
  bool death_cross() const { return death_; }
  bool top_divergence() const { return top_divergence_; }

 private:
  int32_t slow_;
  Ema fast_ema_, slow_ema_, dea_;
  RingWindow prices_, difs_;  // the previous divergence_window bars (before the latest push)
  double dif_ = kNaN;
  int64_t count_ = 0;
  bool golden_ = false, death_ = false, top_divergence_ = false;
};

}  // namespace abt::ind
