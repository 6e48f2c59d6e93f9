#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

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

TEST(Indicators, BottomKEqualsAFullSortOverDriftingAndJumpingKeys) {
  // BottomK narrows each call to keys near the previous k-th one; the result must stay exactly the k
  // smallest by (key, code): slow drift (the bound holds), jumps up and down (it falls back), ties, NaNs,
  // and candidate subsets.
  std::mt19937_64 rng(7);
  const int n = 600;
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(std::to_string(100000 + (i * 7919) % n));
  const std::vector<std::string_view> symbols(names.begin(), names.end());
  const auto ranks = ind::code_ranks(symbols);
  ind::BottomK bottom(ranks);
  std::vector<double> key(n);
  for (auto& v : key) v = std::uniform_real_distribution<double>(1, 100)(rng);
  std::vector<int32_t> out;
  for (int call = 0; call < 400; ++call) {
    for (auto& v : key) v *= std::uniform_real_distribution<double>(0.97, 1.03)(rng);
    if (call % 50 == 10)
      for (auto& v : key) v *= 3;  // everything jumps above the bound
    if (call % 50 == 30) key[static_cast<size_t>(call % n)] = NAN;
    if (call % 7 == 0) key[3] = key[4];  // a tie
    std::vector<int32_t> candidates;
    for (int32_t id = 0; id < n; ++id)
      if (call % 3 != 0 || id % 5 != 0) candidates.push_back(id);
    const int32_t k = call % 11 == 0 ? 700 : 40 + call % 60;
    std::vector<int32_t> expected;
    for (const int32_t id : candidates)
      if (!std::isnan(key[static_cast<size_t>(id)])) expected.push_back(id);
    std::sort(expected.begin(), expected.end(),
              [&](int32_t a, int32_t b) { return key[a] != key[b] ? key[a] < key[b] : ranks[a] < ranks[b]; });
    if (expected.size() > static_cast<size_t>(k)) expected.resize(static_cast<size_t>(k));
    ASSERT_EQ(bottom.select(candidates, key, k, out), static_cast<int32_t>(expected.size())) << call;
    ASSERT_EQ(out, expected) << "call " << call;
  }
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
