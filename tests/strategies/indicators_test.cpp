#include <gtest/gtest.h>

#include <cmath>

#include "strategies/indicators/bottom_k.hpp"
#include "strategies/indicators/macd.hpp"
#include "strategies/indicators/rolling.hpp"

namespace abt {
namespace {

TEST(Indicators, SmaEmaStdOnHandComputedValues) {
  ind::Sma sma(3);
  sma.push(1);
  sma.push(2);
  EXPECT_TRUE(std::isnan(sma.value()));  // not ready
  sma.push(3);
  EXPECT_DOUBLE_EQ(sma.value(), 2.0);
  sma.push(10);  // window 2, 3, 10
  EXPECT_DOUBLE_EQ(sma.value(), 5.0);

  ind::Ema ema(3);  // alpha = 0.5
  ema.push(1);
  ema.push(3);
  EXPECT_DOUBLE_EQ(ema.value(), 2.0);
  ema.push(4);
  EXPECT_DOUBLE_EQ(ema.value(), 3.0);

  ind::RollingStd sd(3);
  sd.push(100);
  sd.push(1);
  sd.push(2);
  sd.push(3);  // window 1, 2, 3: mean 2, ss 2, / (3 - 1) -> 1
  EXPECT_DOUBLE_EQ(sd.value(), 1.0);

  const double with_gap[] = {0.1, NAN, 0.0};  // mean 0.05, ss 0.005, / 1
  EXPECT_NEAR(ind::sample_std(with_gap, 3, 2), std::sqrt(0.005), 1e-15);
  EXPECT_TRUE(std::isnan(ind::sample_std(with_gap, 3, 3)));
}

TEST(Indicators, NormalizedSlope) {
  const double y[] = {1, 2, 3};  // slope 1 per step, mean 2 -> 0.5
  EXPECT_DOUBLE_EQ(ind::normalized_slope(y, 3), 0.5);
  const double down[] = {4, 3, 2, 1};  // slope -1, mean 2.5 -> -0.4
  EXPECT_DOUBLE_EQ(ind::normalized_slope(down, 4), -0.4);
  ind::RingWindow ring(3);
  for (double v : {9.0, 1.0, 2.0, 3.0}) ring.push(v);
  EXPECT_DOUBLE_EQ(ind::normalized_slope(ring), 0.5);
  const double gap[] = {1, NAN, 3};
  EXPECT_TRUE(std::isnan(ind::normalized_slope(gap, 3)));
}

TEST(Indicators, BottomKBreaksTiesByCode) {
  // Five stocks; ids 1 and 3 tie on the smallest key, and id 3 has the smaller code.
  const std::vector<std::string_view> symbols = {"600003.SH", "600002.SH", "000009.SZ", "000001.SZ",
                                                 "300001.SZ"};
  ind::BottomK bottom(ind::code_ranks(symbols));
  const std::vector<double> key = {3, 1, 2, 1, 5};
  const std::vector<int32_t> all = {0, 1, 2, 3, 4};
  std::vector<int32_t> out;
  EXPECT_EQ(bottom.select(all, key, 3, out), 3);
  EXPECT_EQ(out, (std::vector<int32_t>{3, 1, 2}));
  // NaN keys are skipped; k larger than the candidates returns all valid ones in order.
  const std::vector<double> with_nan = {3, NAN, 2, 1, 5};
  EXPECT_EQ(bottom.select(all, with_nan, 10, out), 4);
  EXPECT_EQ(out, (std::vector<int32_t>{3, 2, 0, 4}));
  // Only the listed candidates are considered.
  const std::vector<int32_t> some = {0, 4};
  bottom.select(some, key, 1, out);
  EXPECT_EQ(out, (std::vector<int32_t>{0}));
}

TEST(Indicators, MacdGoldenCrossAfterATurn) {
  ind::Macd macd(12, 26, 9);
  int golden = 0, golden_day = -1;
  for (int t = 0; t < 120; ++t) {
    const double price = t < 60 ? 100.0 - 0.5 * t : 70.0 + 0.8 * (t - 60);  // fall, then rise
    macd.push(price);
    if (macd.golden_cross()) {
      ++golden;
      golden_day = t;
    }
  }
  EXPECT_EQ(golden, 1);
  EXPECT_GT(golden_day, 60);
  EXPECT_LT(golden_day, 75);
  EXPECT_GT(macd.dif(), macd.dea());
  EXPECT_GT(macd.dif(), 0);
}

TEST(Indicators, MacdTopDivergenceOnAWeakerNewHigh) {
  // A steep rally to 150, a pull-back, then a slow grind to a marginally higher high: price makes a new high
  // while DIF stays below its value at the first peak.
  ind::Macd macd(12, 26, 9, 60);
  bool during_rally = false, on_grind = false;
  for (int t = 0; t < 130; ++t) {
    double price;
    if (t < 40)
      price = 100;
    else if (t < 70)
      price = 100 + 50.0 * (t - 40) / 30.0;  // peak 148.33 at t = 69
    else if (t < 80)
      price = 148 - 1.0 * (t - 70);  // pull-back to 139
    else
      price = 139 + 0.5 * (t - 80);  // new high from t = 99
    macd.push(price);
    if (macd.top_divergence()) (t < 70 ? during_rally : on_grind) = true;
  }
  EXPECT_FALSE(during_rally);
  EXPECT_TRUE(on_grind);
}

}  // namespace
}  // namespace abt
