// Historical VaR / CVaR, beta and tracking error on hand-computed return series.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/risk/risk_metrics.hpp"

namespace abt {
namespace {

TEST(RiskMetrics, HistoricalVarAndCvarAt95Percent) {
  // 40 returns: -5 %, -4 %, then 38 x +1 %. The tail is ceil(0.05 x 40) = 2 returns: VaR 4 %, CVaR 4.5 %.
  std::vector<double> r(38, 0.01);
  r.push_back(-0.04);
  r.push_back(-0.05);
  const TailRisk t = historical_tail_risk(r);
  EXPECT_DOUBLE_EQ(t.var, 0.04);
  EXPECT_DOUBLE_EQ(t.cvar, 0.045);
  // 100 returns -> tail of exactly 5.
  std::vector<double> h;
  for (int i = 1; i <= 100; ++i) h.push_back(-0.001 * (101 - i));  // -0.100 ... -0.001
  const TailRisk u = historical_tail_risk(h);
  EXPECT_DOUBLE_EQ(u.var, 0.096);
  EXPECT_NEAR(u.cvar, 0.098, 1e-12);
  EXPECT_DOUBLE_EQ(historical_tail_risk({}).var, 0.0);
}

TEST(RiskMetrics, BetaAndTrackingError) {
  const std::vector<double> b = {0.01, -0.02, 0.03, 0.00};
  std::vector<double> twice;
  for (double x : b) twice.push_back(2 * x);
  EXPECT_NEAR(beta(twice, b), 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(tracking_error(b, b, 243), 0.0);
  // r - b = b: std of b (sample) x sqrt(243). mean 0.005; deviations .005 -.025 .025 -.005 -> ss 0.0013.
  EXPECT_NEAR(tracking_error(twice, b, 243), std::sqrt(0.0013 / 3) * std::sqrt(243.0), 1e-12);
  const std::vector<double> one = {0.01};
  EXPECT_DOUBLE_EQ(beta(one, one), 0.0);
}

}  // namespace
}  // namespace abt
