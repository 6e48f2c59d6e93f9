// Extension points (issue 12 §4): a plugin registers a cost model and a slippage model by name, and a run
// config chooses them exactly like the built-in ones.
#include <gtest/gtest.h>

#include "app/run/backtest_runner.hpp"
#include "app/run/plugin_loader.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"

namespace abt {
namespace {

MarketData two_days() {
  return test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600000.SH", {test::bar(10, 10), test::bar(10.00, 10.50), test::bar(10.50, 10.50)})
      .build();
}

TEST(PluginModels, ConfigChoosesAPluginCostAndSlippageModel) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  plugins.load(ABT_TEST_MODEL_PLUGIN, registry, "--plugin");
  const auto model = make_cost_model({{"model", "per_share"},
                                      {"per_share", 0.01},
                                      {"minimum", 5},
                                      {"slippage", {{"model", "half_spread"}, {"spread_bps", 20}}}},
                                     "costs", &registry);
  // 1000 shares: max(5, 0.01 x 1000) = 10 CNY; 100 shares: the 5 CNY minimum.
  EXPECT_DOUBLE_EQ(model->cost(Instrument{}, Side::Buy, 1000, 10.0, Date::from_ymd(2024, 1, 2)), 10.0);
  EXPECT_DOUBLE_EQ(model->cost(Instrument{}, Side::Buy, 100, 10.0, Date::from_ymd(2024, 1, 2)), 5.0);
  EXPECT_EQ(model->describe()["model"], "per_share");
  EXPECT_EQ(model->describe()["slippage"]["model"], "half_spread");

  // In a backtest: a 1000-share buy at day 1's open 10.00 fills at 10.01 (+10 bps, on the tick), fee 10.
  test::ScriptStrategy s;
  s.session_open = [](Context& c) {
    if (c.today_index() == 1) c.target_shares(0, 1000);
  };
  BacktestConfig bc = test::config_with(FillMode::NextOpen);
  bc.costs = model;
  const RunResult r = Backtest(two_days(), bc).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.01);
  EXPECT_DOUBLE_EQ(r.fills[0].cost, 10.0);
  EXPECT_NEAR(r.fills[0].slippage, 10.0, 1e-9);

  // Through the run layer, the resolved config echoes the plugin model.
  RunConfig c;
  c.strategy_name = "dual_ma";
  c.strategy_params = {{"symbols", {"600000.SH"}}, {"fast", 1}, {"slow", 2}};
  c.costs = {{"model", "per_share"}, {"per_share", 0.01}};
  const RunOutput out = run_backtest(c, two_days(), registry);
  EXPECT_EQ(out.resolved_config["costs"]["model"], "per_share");
}

TEST(PluginModels, ErrorsNameTheJsonPathAndTheKnownModels) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  plugins.load(ABT_TEST_MODEL_PLUGIN, registry, "--plugin");
  try {
    make_cost_model({{"model", "per_share"}, {"per_share", 0.01}, {"per_lot", 1}}, "costs", &registry);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "costs.per_lot: unknown key");
  }
  try {
    make_cost_model({{"model", "tiered"}}, "costs", &registry);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "costs.model: unknown cost model 'tiered' (expected flat, itemised, per_share)");
  }
  EXPECT_THROW(registry.add_cost_model({"flat", "", nullptr}), ConfigError);  // built-in names are taken
  EXPECT_THROW(make_cost_model({{"model", "per_share"}}, "costs", nullptr), ConfigError);  // not loaded
}

}  // namespace
}  // namespace abt
