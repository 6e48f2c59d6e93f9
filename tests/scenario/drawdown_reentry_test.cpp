// The drawdown stop's re-entry rules (risk.reenter_on: days, benchmark_sma, strategy) and the restore of the
// stop day's weights, on a hand-computed market.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "app/run/backtest_runner.hpp"
#include "app/run/run_config.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"

namespace abt::test {
namespace {

// 600000.SH (id 0): bought in full at day 1's open 10 (100,000 shares); day 1 closes 8.50, NAV 850,000 is
// 15 % below the peak (threshold 10 %): the stop triggers at day 1's close and sells at day 2's open 8.50.
// BENCH.IDX (id 1) closes 100, 90, 85, 86, 95, 96, 97: with a 3-day SMA the first close above it after the
// stop is day 4's (95 > (85 + 86 + 95) / 3 = 88.67; day 3: 86 < 87, day 2: 85 < 91.67).
MarketData stopped_market() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08",
                            "2024-01-09", "2024-01-10"})
      .stock("600000.SH",
             {bar(10, 10), bar(10, 8.5), bar(8.5, 8), bar(8, 8), bar(8, 8.5), bar(9, 9), bar(9, 9)})
      .index("BENCH.IDX", {100, 90, 85, 86, 95, 96, 97})
      .build();
}

BacktestConfig stop_config(RiskConfig::Reentry on) {
  BacktestConfig cfg = config_with(FillMode::NextOpen);
  cfg.rules = ExecutionRules::ideal();
  cfg.risk.drawdown_stop = 0.1;
  cfg.risk.reenter_on = on;
  cfg.risk.reenter_after_days = 3;
  return cfg;
}

/// Targets all of instrument 0 at day 0's close only; calls request_reentry() on the days listed.
ScriptStrategy buy_once(std::vector<int32_t> reentry_days = {}) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [reentry_days](Context& c, Frequency) {
    for (int32_t d : reentry_days)
      if (c.today_index() == d) c.request_reentry();
    if (c.today_index() != 0) return;
    const WeightTarget t{0, 1.0};
    c.target_weights({&t, 1});
  };
  return s;
}

TEST(DrawdownReentry, BenchmarkAboveItsSmaLiftsTheStopAndRestoresTheWeights) {
  BacktestConfig cfg = stop_config(RiskConfig::Reentry::BenchmarkAboveSma);
  cfg.risk.reenter_sma = 3;
  cfg.risk.reentry_benchmark = {100, 90, 85, 86, 95, 96, 97};
  ScriptStrategy s = buy_once();
  const RunResult r = Backtest(stopped_market(), cfg).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-04 09:30");
  // Signal at day 4's close -> lifted at day 5's open: weight 1.0 of NAV 850,000 at 9 = 94,444.44 shares
  // (the ideal profile holds fractional shares).
  EXPECT_EQ(r.fills[2].side, Side::Buy);
  EXPECT_EQ(r.fills[2].time.to_string(), "2024-01-09 09:30");
  EXPECT_DOUBLE_EQ(r.fills[2].quantity, 850'000.0 / 9.0);
  bool signalled = false;
  for (const auto& entry : r.warnings.entries())
    signalled |= entry.message.find("2024-01-08 15:00: drawdown stop: re-entry signal") == 0;
  EXPECT_TRUE(signalled);
}

TEST(DrawdownReentry, StrategySignalCountsOnlyAfterTheStop) {
  // request_reentry() on day 1 (before the stop at day 1's close) is ignored; the call on day 3 lifts the
  // stop at day 4's open (8): 850,000 / 8 = 106,250 shares.
  ScriptStrategy s = buy_once({1, 3});
  const RunResult r = Backtest(stopped_market(), stop_config(RiskConfig::Reentry::Strategy)).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[2].time.to_string(), "2024-01-08 09:30");
  EXPECT_EQ(r.fills[2].quantity, 106250);
}

TEST(DrawdownReentry, WithoutRestoreTheStrategysNextOrdersReenter) {
  // Days rule (3 days: lifted at day 4's open); the strategy never orders again, so nothing is bought.
  BacktestConfig cfg = stop_config(RiskConfig::Reentry::Days);
  cfg.risk.restore_on_reentry = false;
  ScriptStrategy s = buy_once();
  const RunResult r = Backtest(stopped_market(), cfg).run(s);
  EXPECT_EQ(r.fills.size(), 2u);
  // With the default restore, the days rule re-enters at day 4's open.
  ScriptStrategy again = buy_once();
  const RunResult restored = Backtest(stopped_market(), stop_config(RiskConfig::Reentry::Days)).run(again);
  ASSERT_EQ(restored.fills.size(), 3u);
  EXPECT_EQ(restored.fills[2].time.to_string(), "2024-01-08 09:30");
}

TEST(DrawdownReentry, ConfigKeysAreValidatedWithTheirPath) {
  const auto error_of = [](const std::string& text) {
    try {
      const RunConfig config = parse_run_config(nlohmann::json::parse(text), "");
      StrategyRegistry registry;
      register_builtin_strategies(registry);
      run_backtest(config, stopped_market(), registry);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string strategy = R"("strategy": {"name": "dual_ma", "params": {"symbols": ["BENCH.IDX"]}})";
  EXPECT_NE(error_of("{" + strategy + R"(, "risk": {"drawdown_stop": 0.1, "reenter_on": "soon"}})")
                .find("risk.reenter_on: expected days, benchmark_sma or strategy"),
            std::string::npos);
  EXPECT_NE(error_of("{" + strategy + R"(, "risk": {"drawdown_stop": 0.1, "reenter_on": "benchmark_sma"}})")
                .find("needs a \"benchmark\""),
            std::string::npos);
  EXPECT_EQ(error_of("{" + strategy + R"(, "benchmark": "BENCH.IDX",
                                          "risk": {"drawdown_stop": 0.1, "reenter_on": "benchmark_sma"}})"),
            "no error");
}

}  // namespace
}  // namespace abt::test
