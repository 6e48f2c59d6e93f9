#include <gtest/gtest.h>

#include <cmath>

#include "engine/analytics/performance_metrics.hpp"
#include "engine/analytics/return_statistics.hpp"

namespace abt {
namespace {

TEST(ReturnStatistics, HandComputedSeries) {
  const std::vector<double> navs = {110, 99, 121};
  const auto r = daily_returns(navs, 100);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_NEAR(r[0], 0.10, 1e-12);
  EXPECT_NEAR(r[1], -0.10, 1e-12);
  EXPECT_NEAR(r[2], 121.0 / 99.0 - 1, 1e-12);
  // mean = (0.1 - 0.1 + 0.2222..)/3 = 0.074074; sample std of the three returns:
  const double m = (0.1 - 0.1 + (121.0 / 99.0 - 1)) / 3;
  const double var =
      ((0.1 - m) * (0.1 - m) + (-0.1 - m) * (-0.1 - m) + (121.0 / 99.0 - 1 - m) * (121.0 / 99.0 - 1 - m)) / 2;
  EXPECT_NEAR(annualized_volatility(r, 243), std::sqrt(var) * std::sqrt(243.0), 1e-12);
  EXPECT_NEAR(sharpe_ratio(r, 243, 0), m * 243 / (std::sqrt(var) * std::sqrt(243.0)), 1e-12);
  // 21 % over 243 days is 21 % a year; over 486 days it is 10 % a year.
  EXPECT_NEAR(annualized_return(0.21, 243, 243), 0.21, 1e-12);
  EXPECT_NEAR(annualized_return(0.21, 486, 243), 0.10, 1e-12);
}

TEST(ReturnStatistics, MaxDrawdownPeakTroughRecovery) {
  const std::vector<double> navs = {100, 120, 90, 60, 100, 125, 110};
  const Drawdown dd = max_drawdown(navs, 100);
  EXPECT_NEAR(dd.depth, 0.5, 1e-12);  // 120 -> 60
  EXPECT_EQ(dd.peak, 1);
  EXPECT_EQ(dd.trough, 3);
  EXPECT_EQ(dd.recovery, 5);
  EXPECT_EQ(max_drawdown(std::vector<double>{101, 102}, 100).trough, -1);
}

TEST(PerformanceMetrics, FromDailyRecords) {
  RunResult rr;
  const double navs[] = {1'000'000, 1'010'000, 990'000, 1'020'000};
  for (int i = 0; i < 4; ++i) {
    DailyRecord d;
    d.date = Date::from_ymd(2024, 1, 2 + i);
    d.nav = navs[i];
    d.holdings_value = navs[i] / 2;
    d.cash = navs[i] / 2;
    d.bought = i == 0 ? 500'000 : 0;
    d.costs = i == 0 ? 325 : 0;
    rr.daily.push_back(d);
  }
  rr.fills.resize(3);
  MetricsOptions o;
  o.initial_cash = 1'000'000;
  const std::vector<double> bench = {100, 101, 102, 103, 104};
  const auto m = compute_metrics(rr, bench, o);
  EXPECT_EQ(m.days, 4);
  EXPECT_EQ(m.trades, 3);
  EXPECT_NEAR(m.total_return, 0.02, 1e-12);
  EXPECT_NEAR(m.annual_return, std::pow(1.02, 243.0 / 4) - 1, 1e-12);
  EXPECT_NEAR(m.max_drawdown, 1 - 990'000.0 / 1'010'000.0, 1e-12);
  EXPECT_EQ(m.max_drawdown_peak, "2024-01-03");
  EXPECT_EQ(m.max_drawdown_trough, "2024-01-04");
  EXPECT_EQ(m.max_drawdown_recovery, "2024-01-05");
  EXPECT_DOUBLE_EQ(m.costs, 325);
  EXPECT_NEAR(m.exposure, 0.5, 1e-12);
  // 500,000 traded over a mean NAV of 1,005,000 in 4/243 years.
  EXPECT_NEAR(m.turnover, 500'000.0 / 1'005'000.0 / (4.0 / 243), 1e-9);
  ASSERT_TRUE(m.benchmark_total_return.has_value());
  EXPECT_NEAR(*m.benchmark_total_return, 0.04, 1e-12);
  EXPECT_NEAR(*m.excess_annual_return, m.annual_return - (std::pow(1.04, 243.0 / 4) - 1), 1e-12);
}

}  // namespace
}  // namespace abt
