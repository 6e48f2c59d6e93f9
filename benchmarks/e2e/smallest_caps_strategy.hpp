#pragma once
// The cross-sectional workload of the end-to-end benchmark: every second week, rank all listed, non-ST,
// non-suspended stocks by total market cap (unadjusted close x total shares) and hold the `count` smallest
// with equal weights. It touches the whole cross-section on every rebalance, like the small-cap strategies.
#include <vector>

#include "engine/strategy/strategy.hpp"

namespace abt::bench {

class SmallestCapsStrategy final : public Strategy {
 public:
  explicit SmallestCapsStrategy(int count) : count_(count) {}
  void on_start(Context& ctx) override;
  void on_timer(Context& ctx, TimerId) override;

 private:
  int count_;
  DataHandle close_, shares_, st_, volume_;
  std::vector<std::pair<float, InstrumentId>> ranked_;
  std::vector<WeightTarget> targets_;
};

}  // namespace abt::bench
