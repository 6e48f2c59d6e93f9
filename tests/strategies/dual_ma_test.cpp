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

TEST(DualMa, ExactDecimalTiesAreFlat) {
  // Closes 10.20, 10.10, 10.30, fast 2, slow 3: (10.10 + 10.30) / 2 = 10.20 = (10.20 + 10.10 + 10.30) / 3.
  // In float32 the fast mean is 10.2000003 and the slow one 10.2000001, which a float comparison calls long.
  const float tie[] = {10.20f, 10.10f, 10.30f};
  ASSERT_GT((static_cast<double>(tie[1]) + tie[2]) / 2,
            (static_cast<double>(tie[0]) + tie[1] + tie[2]) / 3);  // the float comparison's verdict
  EXPECT_EQ(DualMaStrategy::signal(tie, nullptr, 3, 2, 3), 0);
  // One fen more on the last close breaks the tie: 10.205 > 10.2033.
  const float above[] = {10.20f, 10.10f, 10.31f};
  EXPECT_EQ(DualMaStrategy::signal(above, nullptr, 3, 2, 3), 1);
  // Adjusted: the same decimal prices as close x factor (5.10 x 2, 10.10 x 1, 10.30 x 1) are still a tie.
  const float raw[] = {5.10f, 10.10f, 10.30f};
  const float factor[] = {2, 1, 1};
  EXPECT_EQ(DualMaStrategy::signal(raw, factor, 3, 2, 3), 0);
  // A window of 20 with fast 5 and a decimal tie: 10.29 .. 10.09 (found to be "long" in float32).
  const float twenty[] = {10.29f, 10.33f, 10.12f, 10.00f, 10.48f, 10.42f, 10.10f, 10.12f, 10.11f, 10.10f,
                          10.09f, 10.01f, 10.36f, 10.20f, 10.42f, 10.24f, 10.37f, 10.02f, 10.33f, 10.09f};
  EXPECT_EQ(DualMaStrategy::signal(twenty, nullptr, 20, 5, 20), 0);
  const float negative[] = {10, -1, 10, 13};
  EXPECT_EQ(DualMaStrategy::signal(negative, nullptr, 4, 2, 4), -1);
}

TEST(DualMa, ParamsValidation) {
  DualMaStrategy::Params p;
  p.fast = 20;
  p.slow = 20;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
}

}  // namespace
}  // namespace abt
