#include <gtest/gtest.h>

#include <cmath>

#include "strategies/dual_ma/dual_ma_strategy.hpp"

namespace abt {
namespace {

TEST(DualMa, SignalOnHandComputedPrices) {
  // fast 2, slow 4. Window 10, 10, 10, 13: SMA2 = 11.5 > SMA4 = 10.75 -> long.
  const float up[] = {10, 10, 10, 13};
  EXPECT_EQ(DualMaStrategy::signal(up, nullptr, 4, 2, 4), 1);
  // 13, 13, 10, 10: SMA2 = 10 < SMA4 = 11.5 -> flat.
  const float down[] = {13, 13, 10, 10};
  EXPECT_EQ(DualMaStrategy::signal(down, nullptr, 4, 2, 4), 0);
  // Equal averages are not a cross: flat.
  const float flat[] = {10, 10, 10, 10};
  EXPECT_EQ(DualMaStrategy::signal(flat, nullptr, 4, 2, 4), 0);
  // Too little history -> no signal.
  EXPECT_EQ(DualMaStrategy::signal(up, nullptr, 3, 2, 4), -1);
  // Adjustment: raw prices drop at an ex-date (20 -> 10 with factor 1 -> 2) but adjusted prices are flat
  // then rising: 20, 20, 20, 11*2 = 22 -> long; on raw prices it would be flat.
  const float raw[] = {20, 20, 10, 11};
  const float factor[] = {1, 1, 2, 2};
  EXPECT_EQ(DualMaStrategy::signal(raw, factor, 4, 2, 4), 1);
  EXPECT_EQ(DualMaStrategy::signal(raw, nullptr, 4, 2, 4), 0);
  const float gap[] = {10, NAN, 10, 13};
  EXPECT_EQ(DualMaStrategy::signal(gap, nullptr, 4, 2, 4), -1);
}

TEST(DualMa, ParamsValidation) {
  DualMaStrategy::Params p;
  p.fast = 20;
  p.slow = 20;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
}

}  // namespace
}  // namespace abt
