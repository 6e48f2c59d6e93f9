#include <gtest/gtest.h>

#include <cmath>

#include "scenario/script_strategy.hpp"
#include "strategies/diffusion_timing/diffusion_timing_strategy.hpp"

namespace abt {
namespace {

using S = DiffusionTimingStrategy;

TEST(DiffusionTiming, DelayedThresholdIsACrossingRule) {
  // Flat, DI jumps from 0.08 to 0.18 in one day: it crossed 0.1 upwards -> long.
  EXPECT_TRUE(S::delayed_threshold(false, 0.08, 0.18, 0.1, 0.9));
  // Staying below 0.1 (0.05 -> 0.08) is no crossing: stay flat (the first-threshold rule would go long).
  EXPECT_FALSE(S::delayed_threshold(false, 0.05, 0.08, 0.1, 0.9));
  EXPECT_TRUE(S::first_threshold(false, 0.08, 0.1, 0.9));
  // Long, DI 0.95 -> 0.8975 crosses 0.9 downwards -> flat; 0.95 -> 0.93 keeps long.
  EXPECT_FALSE(S::delayed_threshold(true, 0.95, 0.8975, 0.1, 0.9));
  EXPECT_TRUE(S::delayed_threshold(true, 0.95, 0.93, 0.1, 0.9));
  // Exactly at the threshold counts as crossed (DI_{t-1} > 0.9 >= DI_t).
  EXPECT_FALSE(S::delayed_threshold(true, 0.91, 0.9, 0.1, 0.9));
  // Unknown previous DI: keep.
  EXPECT_FALSE(S::delayed_threshold(false, NAN, 0.18, 0.1, 0.9));
}

TEST(DiffusionTiming, FirstThresholdLeftSide) {
  EXPECT_FALSE(S::first_threshold(true, 0.95, 0.1, 0.9));  // long and DI > 0.9 -> flat
  EXPECT_TRUE(S::first_threshold(true, 0.5, 0.1, 0.9));    // keep
  EXPECT_TRUE(S::first_threshold(false, 0.0225, 0.1, 0.9));
  EXPECT_FALSE(S::first_threshold(false, 0.1, 0.1, 0.9));  // not strictly below
}

TEST(DiffusionTiming, DualMaOfDi) {
  EXPECT_TRUE(S::dual_ma(false, 0.6, 0.5));
  EXPECT_FALSE(S::dual_ma(true, 0.5, 0.5));
  EXPECT_TRUE(S::dual_ma(true, NAN, 0.5));  // not ready: keep
}

TEST(DiffusionTiming, DiffusionIndexOnAHandMadeWindow) {
  // Lookback 2 over 3 days. A rises (10 -> 12), B falls (10 -> 9), C lists on day 1 (11 -> 12: compares with
  // its first price), D lists today (no rise), E doubles its adj factor at flat raw price (adjusted rise).
  const auto b = [](double open, double close) { return test::bar(open, close); };
  const MarketData md = test::TinyMarketBuilder({"2022-01-04", "2022-01-05", "2022-01-06"})
                            .stock("000001.SZ", {b(10, 10), b(10, 11), b(11, 12)})
                            .stock("000002.SZ", {b(10, 10), b(10, 10), b(10, 9)})
                            .stock("000003.SZ", {test::absent(), b(11, 11), b(11, 12)})
                            .stock("000004.SZ", {test::absent(), test::absent(), b(5, 5)})
                            .stock("000005.SZ", {b(10, 10), b(10, 10), b(10, 10)}, {1, 1, 2})
                            .build();
  const Panel& close = md.daily.field(Field::Close);
  const Panel& adj = md.daily.field(Field::AdjFactor);
  const HistoryView closes(close, 2, 3), factors(adj, 2, 3);
  const std::vector<int32_t> all = {0, 1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(S::diffusion_index(all, closes, &factors, 2), 3.0 / 5.0);  // A, C, E
  EXPECT_DOUBLE_EQ(S::diffusion_index(all, closes, nullptr, 2), 2.0 / 5.0);   // raw: A, C
  EXPECT_TRUE(std::isnan(S::diffusion_index({}, closes, &factors, 2)));
}

TEST(DiffusionTiming, ParamsValidation) {
  S::Params p;
  p.lower = 0.95;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  p = decltype(p)();
  p.fast = 30;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
}

}  // namespace
}  // namespace abt
