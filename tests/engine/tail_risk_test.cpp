// Historical VaR / CVaR on hand-computed return series (beta and tracking error: analytics_test.cpp).
#include <gtest/gtest.h>

#include <vector>

#include "engine/analytics/risk_statistics.hpp"

namespace abt {
namespace {

TEST(TailRisk, HistoricalVarAndCvarAt95Percent) {
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

}  // namespace
}  // namespace abt
