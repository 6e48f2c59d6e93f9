// The metric registry (issue 11 §3): every result.json metric is in it with a direction and a format.
#include "engine/analytics/metric_registry.hpp"

#include <gtest/gtest.h>

#include "engine/analytics/performance_metrics.hpp"

namespace abt {
namespace {

TEST(MetricRegistry, EveryResultMetricIsRegistered) {
  PerformanceMetrics m;
  m.benchmark_total_return = m.benchmark_annual_return = m.excess_annual_return = 0.0;
  m.benchmark_annual_volatility = m.tracking_error = m.information_ratio = m.beta = m.alpha = 0.0;
  const nlohmann::json metrics = metrics_to_json(m);
  for (const auto& [key, value] : metrics.items()) EXPECT_NE(find_metric(key), nullptr) << key;
  EXPECT_EQ(find_metric("nonsense"), nullptr);
}

TEST(MetricRegistry, DirectionsRankRiskAsLowerIsBetter) {
  for (const char* lower :
       {"var_95", "cvar_95", "max_drawdown", "annual_volatility", "costs", "tracking_error"})
    EXPECT_EQ(find_metric(lower)->better, Better::Lower) << lower;
  for (const char* higher :
       {"total_return", "annual_return", "sharpe", "sortino", "calmar", "information_ratio"})
    EXPECT_EQ(find_metric(higher)->better, Better::Higher) << higher;
  const MetricInfo& var = *find_metric("var_95");
  EXPECT_TRUE(metric_better(var, 0.02, 0.03));  // the riskier run is not the best one
  EXPECT_FALSE(metric_better(*find_metric("beta"), 1.0, 0.5));
  EXPECT_FALSE(metric_better(var, NAN, 0.01));
}

TEST(MetricRegistry, FormatsForPeople) {
  EXPECT_EQ(format_metric(*find_metric("costs"), 3909552.74), "3,909,552.74 CNY");
  EXPECT_EQ(format_metric(*find_metric("var_95"), 0.0279), "2.79 %");
  EXPECT_EQ(format_metric(*find_metric("sharpe"), 1.4574), "1.457");
  EXPECT_EQ(format_metric(*find_metric("turnover"), 9.444), "9.44x");
  EXPECT_EQ(format_metric(*find_metric("trades"), 12763), "12,763");
  EXPECT_EQ(format_metric(*find_metric("final_nav"), -1234.5), "-1,234.50 CNY");
  EXPECT_EQ(format_metric(*find_metric("sharpe"), NAN), "-");
}

}  // namespace
}  // namespace abt

#include "engine/analytics/drawdown_periods.hpp"

namespace abt {
namespace {

TEST(DrawdownPeriods, WorstFirstWithRecoveryAndOpenEnd) {
  // 100 -> 80 (-20 %) recovers at index 3; 120 -> 90 (-25 %) never recovers.
  const std::vector<double> nav = {100, 90, 80, 100, 120, 110, 90, 95};
  const auto worst = worst_drawdowns(nav, 5);
  ASSERT_EQ(worst.size(), 2u);
  EXPECT_EQ(worst[0].peak, 4);
  EXPECT_EQ(worst[0].trough, 6);
  EXPECT_EQ(worst[0].recovery, -1);
  EXPECT_DOUBLE_EQ(worst[0].depth, 0.25);
  EXPECT_EQ(worst[1].peak, 0);
  EXPECT_EQ(worst[1].trough, 2);
  EXPECT_EQ(worst[1].recovery, 3);
  EXPECT_EQ(worst[1].length(), 3);
  EXPECT_EQ(worst_drawdowns(nav, 1).size(), 1u);
}

}  // namespace
}  // namespace abt
