#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "strategies/dual_ma/dual_ma_strategy.hpp"
#include "strategies/dual_ma/sma_window.hpp"

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

TEST(DualMa, SignalEqualsTheLlroundDefinitionOnRandomPricesAndHalfUnits) {
  // The grid rounding is done inline (no libm call); it must be llround's, half away from zero.
  const auto reference = [](const std::vector<float>& c, const std::vector<float>& f, int fast, int slow) {
    const int n = static_cast<int>(c.size());
    int64_t sf = 0, ss = 0;
    for (int i = n - slow; i < n; ++i) {
      const int64_t u = std::llround(static_cast<double>(c[i]) * f[i] * 1e4);
      ss += u;
      if (i >= n - fast) sf += u;
    }
    // sf / fast > ss / slow  <=>  sf * slow > ss * fast (small sums: no overflow here)
    return sf * slow > ss * fast ? 1 : 0;
  };
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> price(1, 3000), factor(0.5f, 40);
  for (int trial = 0; trial < 20000; ++trial) {
    const int slow = 2 + trial % 30, fast = 1 + trial % (slow - 1);
    std::vector<float> c(static_cast<size_t>(slow)), f(static_cast<size_t>(slow));
    for (int i = 0; i < slow; ++i) {
      c[i] = trial % 4 == 0 ? std::round(price(rng) * 100) / 100 : price(rng);  // on the tick, or anywhere
      f[i] = trial % 3 == 0 ? 1.0f : factor(rng);
    }
    if (trial % 5 == 0) c[0] = 0.00005f * static_cast<float>(1 + trial % 7);  // near half grid units
    ASSERT_EQ(DualMaStrategy::signal(c.data(), f.data(), slow, fast, slow), reference(c, f, fast, slow))
        << "trial " << trial;
  }
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

TEST(DualMa, RollingWindowEqualsTheSignalAndSumsOfACopiedWindow) {
  // SmaWindow (advanced one bar at a time) against DualMaStrategy::signal and the oldest-first sums over
  // the last `slow` prices, with NaN, negative and absurd prices entering and leaving the window.
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> price(1, 3000), factor(0.5f, 40);
  for (int trial = 0; trial < 300; ++trial) {
    const int slow = 2 + trial % 40, fast = 1 + trial % (slow - 1);
    SmaWindow window(fast, slow);
    std::vector<float> c, f;
    for (int bar = 0; bar < 400; ++bar) {
      float close = trial % 4 == 0 ? std::round(price(rng) * 100) / 100 : price(rng);
      if (bar % 97 == 13) close = std::nanf("");
      if (bar % 131 == 7) close = -1;
      if (bar % 173 == 50) close = 1e13f;
      const float fac = trial % 3 == 0 ? std::nanf("") : factor(rng);
      c.push_back(close);
      f.push_back(fac);
      window.push(dual_ma::signal_price(close, fac));
      const int n = static_cast<int>(c.size()), count = std::min(n, slow);
      ASSERT_EQ(window.count(), count);
      ASSERT_EQ(window.state(),
                DualMaStrategy::signal(c.data() + n - count, f.data() + n - count, count, fast, slow))
          << "trial " << trial << " bar " << bar;
      double sum_fast = 0, sum_slow = 0;
      for (int i = n - count; i < n; ++i) {
        const double p = double{c[i]} * (std::isnan(f[i]) ? 1.0 : double{f[i]});
        sum_slow += p;
        if (i >= n - fast) sum_fast += p;
      }
      if (count == slow) {
        const double got_slow = window.sum_of_last(slow), got_fast = window.sum_of_last(fast);
        ASSERT_TRUE(got_slow == sum_slow || (std::isnan(got_slow) && std::isnan(sum_slow)));
        ASSERT_TRUE(got_fast == sum_fast || (std::isnan(got_fast) && std::isnan(sum_fast)));
      }
    }
  }
}

TEST(DualMa, ParamsValidation) {
  DualMaStrategy::Params p;
  p.fast = 20;
  p.slow = 20;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
}

}  // namespace
}  // namespace abt
