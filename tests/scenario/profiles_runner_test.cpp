// The same JSON config run with execution.profile realistic and ideal through the run layer: different,
// hand-explained results, echoed rules, itemised cost totals and rejection counts in result.json.
#include <gtest/gtest.h>

#include <memory>

#include "app/run/backtest_runner.hpp"
#include "app/run/result_writer.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

StrategyRegistry registry_with_half_in_stock_0() {
  StrategyInfo info;
  info.name = "half_in_first";
  info.summary = "targets 50 % of NAV in instrument 0 at the first daily close";
  info.create = [](const nlohmann::json&, const std::string&) -> std::unique_ptr<Strategy> {
    auto s = std::make_unique<ScriptStrategy>();
    s->start = [](Context& c) { c.subscribe(Frequency::Daily); };
    s->bar = [](Context& c, Frequency) {
      if (c.today_index() != 0) return;
      const WeightTarget t{0, 0.5};
      c.target_weights({&t, 1});
    };
    return s;
  };
  info.resolve = [](const nlohmann::json&, const std::string&) { return nlohmann::json::object(); };
  StrategyRegistry r;
  r.add(info);
  return r;
}

TEST(Profiles, RealisticAndIdealThroughTheRunLayer) {
  // Day 1 opens at limit-up 11.00; day 2 opens at 11.50 and closes at 12.00.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(11.00, 11.00), bar(11.50, 12.00)})
                            .build();
  const StrategyRegistry registry = registry_with_half_in_stock_0();
  nlohmann::json j = {
      {"strategy", {{"name", "half_in_first"}}}, {"capital", 1'000'000}, {"costs", {{"model", "itemised"}}}};
  const RunOutput realistic = run_backtest(parse_run_config(j), md, registry);
  j["execution"] = {{"profile", "ideal"}};
  const RunOutput ideal = run_backtest(parse_run_config(j), md, registry);

  // ideal: 500,000 / 11 = 45,454.54 shares @ 11.00 on day 1 = 500,000.00 (fractional shares): commission
  // 125.00, transfer fee 5.00.
  // realistic: blocked on day 1; 43,400 @ 11.50 on day 2 = 499,100: commission 124.78, transfer fee 4.99.
  EXPECT_DOUBLE_EQ(ideal.metrics.final_nav, 1'000'000.0 - 130.00 + 500'000.0 / 11.0 * 1.0);
  EXPECT_DOUBLE_EQ(realistic.metrics.final_nav, 1'000'000.0 - 129.77 + 43'400.0 * 0.5);
  const nlohmann::json doc_r = result_document(realistic), doc_i = result_document(ideal);
  EXPECT_EQ(doc_r["config"]["execution"]["profile"], "realistic");
  EXPECT_EQ(doc_i["config"]["execution"]["profile"], "ideal");
  EXPECT_EQ(doc_i["config"]["execution"]["lots"], false);
  EXPECT_EQ(doc_i["config"]["execution"]["fractional_shares"], true);
  EXPECT_EQ(doc_r["config"]["execution"]["fractional_shares"], false);
  EXPECT_EQ(doc_r["rejected_orders"]["limit_up"], 1);
  EXPECT_EQ(doc_i["rejected_orders"]["limit_up"], 0);
  EXPECT_DOUBLE_EQ(doc_r["costs"]["commission"].get<double>(), 124.78);
  EXPECT_DOUBLE_EQ(doc_r["costs"]["transfer_fee"].get<double>(), 4.99);
  EXPECT_DOUBLE_EQ(doc_r["costs"]["total"].get<double>(), 129.77);
  EXPECT_DOUBLE_EQ(doc_i["costs"]["total"].get<double>(), 130.00);
}

}  // namespace
}  // namespace abt::test
