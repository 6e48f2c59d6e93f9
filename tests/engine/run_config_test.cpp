#include <gtest/gtest.h>

#include <fstream>

#include "engine/core/error.hpp"
#include "engine/execution/cost_model.hpp"
#include "app/run/config_file.hpp"
#include "app/run/run_config.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

nlohmann::json minimal() {
  return {{"strategy", {{"name", "dual_ma"}}}};
}

std::string error_of(const nlohmann::json& j) {
  try {
    parse_run_config(j);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(RunConfig, Defaults) {
  const RunConfig rc = parse_run_config(minimal());
  EXPECT_EQ(rc.strategy_name, "dual_ma");
  EXPECT_EQ(rc.fill, FillMode::NextOpen);
  EXPECT_DOUBLE_EQ(rc.capital, 1e7);
  EXPECT_TRUE(rc.data.is_null());
  EXPECT_DOUBLE_EQ(rc.days_per_year, 243);
}

TEST(RunConfig, RejectsBadValuesWithTheirPath) {
  auto j = minimal();
  j["strat"] = 1;
  EXPECT_EQ(error_of(j).rfind("strat: unknown key", 0), 0u);
  j = minimal();
  j["execution"] = {{"fill", "vwap"}};
  EXPECT_EQ(error_of(j),
            "execution.fill: expected next_open, close, next_close or next_bar_vwap, got 'vwap'");
  j = minimal();
  j["start"] = "2020-02-30";
  EXPECT_EQ(error_of(j), "start: expected a date YYYY-MM-DD, got '2020-02-30'");
  j = minimal();
  j["capital"] = -1;
  EXPECT_EQ(error_of(j), "capital: expected a positive amount of CNY");
  EXPECT_EQ(error_of({{"strategy", {{"name", "x"}, {"parms", {}}}}}).rfind("strategy.parms: unknown key", 0),
            0u);
}

TEST(RunConfig, ExecutionProfilesAndRuleSwitches) {
  const RunConfig def = parse_run_config(minimal());
  EXPECT_EQ(def.profile, "realistic");
  EXPECT_TRUE(def.rules.lots && def.rules.price_limits && def.rules.t_plus_1 && def.rules.block_suspended &&
              def.rules.retry_blocked);
  EXPECT_DOUBLE_EQ(def.rules.participation, 0.0);
  auto j = minimal();
  j["execution"] = {{"profile", "ideal"}};
  const RunConfig ideal = parse_run_config(j);
  EXPECT_FALSE(ideal.rules.lots || ideal.rules.price_limits || ideal.rules.t_plus_1);
  EXPECT_DOUBLE_EQ(ideal.rules.participation, 0.0);
  EXPECT_FALSE(def.rules.fractional_shares);
  EXPECT_TRUE(ideal.rules.fractional_shares);
  j["execution"] = {{"profile", "ideal"}, {"fractional_shares", false}};
  EXPECT_FALSE(parse_run_config(j).rules.fractional_shares);
  j["execution"] = {{"fractional_shares", true}};
  EXPECT_TRUE(parse_run_config(j).rules.fractional_shares);
  EXPECT_TRUE(parse_run_config(j).rules.lots);  // realistic otherwise
  j["execution"] = {{"fractional_shares", 1}};
  EXPECT_EQ(error_of(j), "execution.fractional_shares: expected true or false, got 1");
  j["execution"] = {{"profile", "ideal"}};
  // A per-rule switch overrides the profile.
  j["execution"] = {
      {"profile", "ideal"}, {"t_plus_1", true}, {"participation", 0.05}, {"fill", "next_close"}};
  const RunConfig mixed = parse_run_config(j);
  EXPECT_TRUE(mixed.rules.t_plus_1);
  EXPECT_FALSE(mixed.rules.price_limits);
  EXPECT_DOUBLE_EQ(mixed.rules.participation, 0.05);
  EXPECT_EQ(mixed.fill, FillMode::NextClose);
  j["execution"] = {{"profile", "textbook"}};
  EXPECT_EQ(error_of(j), "execution.profile: expected realistic or ideal, got 'textbook'");
  j["execution"] = {{"participation", 1.5}};
  EXPECT_EQ(error_of(j).rfind("execution.participation: expected a fraction", 0), 0u);
  j["execution"] = {{"price_limits", "yes"}};
  EXPECT_EQ(error_of(j), "execution.price_limits: expected true or false, got \"yes\"");
}

TEST(RunConfig, DelistingRecoveryIsAFractionOfTheLastCloseOrAnAlias) {
  EXPECT_DOUBLE_EQ(parse_run_config(minimal()).rules.delisting_recovery, 1.0);
  auto j = minimal();
  j["execution"] = {{"profile", "ideal"}};
  EXPECT_DOUBLE_EQ(parse_run_config(j).rules.delisting_recovery, 1.0);
  for (const auto& [value, expected] : std::vector<std::pair<nlohmann::json, double>>{
           {0.5, 0.5}, {0, 0.0}, {1, 1.0}, {"last_close", 1.0}, {"zero", 0.0}}) {
    j["execution"] = {{"delisting_recovery", value}};
    EXPECT_DOUBLE_EQ(parse_run_config(j).rules.delisting_recovery, expected) << value;
  }
  const std::string expected =
      "execution.delisting_recovery: expected a fraction of the last close in [0, 1], \"last_close\" (1) or "
      "\"zero\" (0), got ";
  for (const nlohmann::json& bad : {nlohmann::json(1.5), nlohmann::json(-0.1), nlohmann::json("half"),
                                    nlohmann::json(true), nlohmann::json::array()}) {
    j["execution"] = {{"delisting_recovery", bad}};
    EXPECT_EQ(error_of(j), expected + bad.dump());
  }
}

TEST(RunConfig, RiskSection) {
  auto j = minimal();
  j["risk"] = {{"max_weight", 0.1},    {"cash_buffer", 0.05},      {"blacklist", {"600000.SH"}},
               {"drawdown_stop", 0.2}, {"reenter_after_days", 10}, {"vol_target", 0.15},
               {"vol_window", 40},     {"max_turnover", 0.5}};
  const RunConfig rc = parse_run_config(j);
  EXPECT_DOUBLE_EQ(rc.risk.max_weight, 0.1);
  EXPECT_DOUBLE_EQ(rc.risk.cash_buffer, 0.05);
  EXPECT_EQ(rc.blacklist, std::vector<std::string>{"600000.SH"});
  EXPECT_DOUBLE_EQ(rc.risk.drawdown_stop, 0.2);
  EXPECT_EQ(rc.risk.reenter_after_days, 10);
  EXPECT_DOUBLE_EQ(rc.risk.vol_target, 0.15);
  EXPECT_EQ(rc.risk.vol_window, 40);
  EXPECT_TRUE(rc.risk.has_pre_trade_limits());
  EXPECT_FALSE(parse_run_config(minimal()).risk.has_pre_trade_limits());
  j["risk"] = {{"max_weight", 1.5}};
  EXPECT_EQ(error_of(j), "risk.max_weight: expected a number in [0, 1], got 1.5");
  j["risk"] = {{"blacklist", {1}}};
  EXPECT_EQ(error_of(j), "risk.blacklist[0]: expected a symbol string, got 1");
  j["risk"] = {{"reenter_after_days", 0}};
  EXPECT_EQ(error_of(j), "risk.reenter_after_days: expected an integer in [1, 100000], got 0");
  j["risk"] = {{"stop", 0.1}};
  EXPECT_EQ(error_of(j).rfind("risk.stop: unknown key", 0), 0u);
}

TEST(ConfigOverride, SetsDottedPathsWithJsonValues) {
  nlohmann::json j = minimal();
  apply_override(j, "strategy.params.fast=8");
  apply_override(j, "benchmark=BROAD.IDX");
  apply_override(j, "strategy.params.symbols=[\"A\",\"B\"]");
  apply_override(j, "execution.fill=close");
  EXPECT_EQ(j["strategy"]["params"]["fast"], 8);
  EXPECT_EQ(j["benchmark"], "BROAD.IDX");
  EXPECT_EQ(j["strategy"]["params"]["symbols"].size(), 2u);
  EXPECT_EQ(parse_run_config(j).fill, FillMode::Close);
  EXPECT_THROW(apply_override(j, "novalue"), ConfigError);
  EXPECT_THROW(apply_override(j, "benchmark.x=1"), ConfigError);  // benchmark is a string
}

TEST(ConfigFile, ReportsLineAndColumnOfBadJson) {
  const auto dir = test::make_temp_dir("cfg");
  std::ofstream(dir / "bad.json") << "{\n  \"strategy\": {\"name\": \"dual_ma\",}\n}\n";
  try {
    read_json_file(dir / "bad.json");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.json: line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_json_file(dir / "missing.json"), ConfigError);
}

TEST(CostModel, FlatRoundTripQuoteChargesHalfPerSideToTheFen) {
  const auto model = make_cost_model({{"rate", 0.0013}, {"quote", "round_trip"}}, "costs");
  Instrument ins;
  EXPECT_DOUBLE_EQ(model->buy_rate(), 0.00065);
  // 1000 shares at 10.00 = 10,000 CNY -> 6.50 CNY each side.
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Buy, 1000, 10.00, Date{}), 6.50);
  // 300 x 12.35 = 3705 -> 2.40825 -> 2.41 (fen, half-up).
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Sell, 300, 12.35, Date{}), 2.41);
  // per-side quote: 0.13 % of 10,000 = 13.00.
  EXPECT_DOUBLE_EQ(make_cost_model({{"rate", 0.0013}, {"quote", "per_side"}}, "costs")
                       ->cost(ins, Side::Buy, 1000, 10.00, Date{}),
                   13.00);
  EXPECT_DOUBLE_EQ(round_to_fen(1.005), 1.01);
  EXPECT_DOUBLE_EQ(round_to_fen(2.675), 2.68);
  EXPECT_THROW(make_cost_model({{"rate", 0.0013}}, "costs"), ConfigError);  // basis must be explicit
  EXPECT_THROW(make_cost_model({{"rate", 0.0013}, {"quote", "both"}}, "costs"), ConfigError);
}

}  // namespace
}  // namespace abt
