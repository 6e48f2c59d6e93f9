// The reality-gap attribution (app/run/attribution_*.hpp) on a tiny market worked out by hand: every step's
// NAV, the steps adding up to realistic - ideal, the last step equal to the realistic run; the plan's steps
// for flat, itemised and no costs; the table files; bad orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "app/run/attribution_plan.hpp"
#include "app/run/attribution_report.hpp"
#include "app/run/attribution_runner.hpp"
#include "app/run/attribution_table.hpp"
#include "app/run/backtest_runner.hpp"
#include "engine/core/error.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

/// Targets 50 % of NAV in instrument 0 and 30 % in instrument 1 at the first daily close.
StrategyRegistry registry_with_two_targets() {
  StrategyInfo info;
  info.name = "two_targets";
  info.summary = "50 % in instrument 0, 30 % in instrument 1, at the first daily close";
  info.create = [](const nlohmann::json&, const std::string&) -> std::unique_ptr<Strategy> {
    auto s = std::make_unique<ScriptStrategy>();
    s->start = [](Context& c) { c.subscribe(Frequency::Daily); };
    s->bar = [](Context& c, Frequency) {
      if (c.today_index() != 0) return;
      const WeightTarget t[2] = {{0, 0.5}, {1, 0.3}};
      c.target_weights({t, 2});
    };
    return s;
  };
  info.resolve = [](const nlohmann::json&, const std::string&) { return nlohmann::json::object(); };
  StrategyRegistry r;
  r.add(info);
  return r;
}

// A (600000.SH) opens day 1 at its limit-up 11.00 and trades at 11.50 -> 12.00 on day 2; B (000001.SZ) is
// suspended on day 1 (at 10.00) and trades at 10.50 -> 11.00 on day 2. Volume 1,000,000 shares a day.
MarketData two_stock_market() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600000.SH", {bar(10, 10), bar(11.00, 11.00), bar(11.50, 12.00)})
      .stock("000001.SZ", {bar(10, 10), suspended(10), bar(10.50, 11.00)})
      .build();
}

nlohmann::json attribute(const nlohmann::json& config, const MarketData& md, const StrategyRegistry& registry,
                         const std::vector<std::string>& order = default_attribution_order(),
                         unsigned jobs = 2) {
  AttributionHooks hooks;
  hooks.parse = [](const nlohmann::json& c) { return parse_run_config(c); };
  hooks.data = [&md](RunConfig&) -> const MarketData& { return md; };
  hooks.run = [&registry](const RunConfig& c, const MarketData& d) { return run_backtest(c, d, registry); };
  return run_attribution(config, order, jobs, hooks);
}

const nlohmann::json kConfig = {
    {"strategy", {{"name", "two_targets"}}},
    {"capital", 1'000'000},
    {"execution", {{"participation", 0.02}}},
    {"costs", {{"model", "itemised"}, {"slippage", {{"model", "fixed"}, {"bps", 10}}}}}};

TEST(Attribution, EveryStepOfATinyMarketByHand) {
  const MarketData md = two_stock_market();
  const StrategyRegistry registry = registry_with_two_targets();
  const nlohmann::json doc = attribute(kConfig, md, registry);
  const auto& steps = doc["steps"];
  ASSERT_EQ(steps.size(), 10u);  // ideal + 9 rule steps, no "other"
  auto nav = [&](size_t i) { return steps[i]["metrics"]["final_nav"].get<double>(); };
  auto delta_nav = [&](size_t i) { return steps[i]["delta"]["final_nav"].get<double>(); };
  const std::vector<std::string> names = {"ideal",        "lots",          "price_limits", "t_plus_1",
                                          "suspensions",  "participation", "commission",   "stamp_duty",
                                          "transfer_fee", "slippage"};
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(steps[i]["step"], names[i]);
  // ideal: A 500,000 / 11 shares at 11.00 (+1.00 each), B 30,000 at the suspended 10.00 (+1.00).
  EXPECT_NEAR(nav(0), 1'000'000.0 + 500'000.0 / 11.0 + 30'000.0, 1e-6);
  // lots: A 45,400 shares.
  EXPECT_DOUBLE_EQ(nav(1), 1'075'400.0);
  // price limits: A blocked at limit-up on day 1, 43,400 at 11.50 on day 2 (+0.50 each).
  EXPECT_DOUBLE_EQ(nav(2), 1'000'000.0 + 21'700.0 + 30'000.0);
  // T+1: nothing is sold, the step takes nothing (and is run).
  EXPECT_EQ(steps[3]["ran"], true);
  EXPECT_DOUBLE_EQ(delta_nav(3), 0.0);
  // suspensions: B blocked on day 1, 28,500 at 10.50 on day 2 (+0.50 each).
  EXPECT_DOUBLE_EQ(nav(4), 1'000'000.0 + 21'700.0 + 14'250.0);
  // participation 2 % of 1,000,000 shares: 20,000 of each on day 2.
  EXPECT_DOUBLE_EQ(nav(5), 1'000'000.0 + 10'000.0 + 10'000.0);
  // commission 0.025 %: 57.50 on 230,000 (A) and 52.50 on 210,000 (B).
  EXPECT_NEAR(delta_nav(6), -110.00, 1e-6);
  // stamp duty: no sells.
  EXPECT_DOUBLE_EQ(delta_nav(7), 0.0);
  // transfer fee 0.001 %: 2.30 + 2.10.
  EXPECT_NEAR(delta_nav(8), -4.40, 1e-6);
  // slippage 10 bps: 11.50 -> 11.51 and 10.50 -> 10.51 on 20,000 shares each, and 0.05 + 0.05 more
  // commission on the moved prices.
  EXPECT_NEAR(delta_nav(9), -400.10, 1e-6);
  EXPECT_NEAR(steps[9]["metrics"]["slippage"].get<double>(), 400.0, 1e-9);

  // Costs never add return; every rule here takes some or nothing.
  for (size_t i = 1; i < steps.size(); ++i)
    EXPECT_LE(steps[i]["delta"]["total_return"].get<double>(), 0.0) << steps[i]["step"];
  // The steps telescope: the sum is realistic - ideal, and the last step is the realistic run.
  const auto& realistic = doc["realistic"]["metrics"];
  EXPECT_DOUBLE_EQ(realistic["final_nav"].get<double>(), 1'019'485.50);
  EXPECT_EQ(steps[9]["metrics"], realistic);
  EXPECT_EQ(doc["last_step_equals_realistic"], true);
  for (const char* m : {"total_return", "annual_return", "final_nav", "fees"})
    EXPECT_NEAR(doc["sum_of_steps"][m].get<double>(), doc["gap"][m].get<double>(), 1e-9) << m;
  EXPECT_EQ(doc["gap"]["fills"],
            realistic["fills"].get<int64_t>() - steps[0]["metrics"]["fills"].get<int64_t>());
}

TEST(Attribution, IdenticalForAnyJobCountAndOrderDependentOnlyInItsSteps) {
  const MarketData md = two_stock_market();
  const StrategyRegistry registry = registry_with_two_targets();
  const nlohmann::json one = attribute(kConfig, md, registry, default_attribution_order(), 1);
  const nlohmann::json two = attribute(kConfig, md, registry, default_attribution_order(), 2);
  EXPECT_EQ(one.dump(), two.dump());
  EXPECT_EQ(attribution_csv(one), attribution_csv(two));
  EXPECT_EQ(attribution_html(one), attribution_html(two));
  // Costs first, then the rules: other steps, the same end points.
  const std::vector<std::string> costs_first = parse_attribution_order(
      "commission,stamp_duty,transfer_fee,slippage,lots,price_limits,t_plus_1,suspensions,participation");
  const nlohmann::json other = attribute(kConfig, md, registry, costs_first, 2);
  EXPECT_EQ(other["steps"][1]["step"], "commission");
  EXPECT_EQ(other["steps"][0]["metrics"], one["steps"][0]["metrics"]);
  EXPECT_EQ(other["realistic"], one["realistic"]);
  EXPECT_EQ(other["steps"].back()["metrics"], one["realistic"]["metrics"]);
  // Commission on the ideal trades (A 500,000, B 300,000) is not commission on the realistic ones.
  EXPECT_NEAR(other["steps"][1]["delta"]["fees"].get<double>(), 125.00 + 75.00, 1e-9);
  EXPECT_NE(other["steps"][1]["delta"]["final_nav"], one["steps"][6]["delta"]["final_nav"]);
}

TEST(Attribution, PlanStepsForFlatItemisedAndNoCosts) {
  nlohmann::json c = kConfig;
  c["costs"] = {{"rate", 0.0013}, {"quote", "round_trip"}};
  AttributionPlan flat = make_attribution_plan(parse_run_config(c), default_attribution_order());
  ASSERT_EQ(flat.steps.size(), 10u);
  EXPECT_FALSE(flat.steps[6].unchanged);                   // commission = the whole flat fee
  EXPECT_EQ(flat.steps[6].switches["costs"], c["costs"]);  // the config's own spec
  EXPECT_TRUE(flat.steps[7].unchanged);                    // stamp duty
  EXPECT_TRUE(flat.steps[8].unchanged);                    // transfer fee
  EXPECT_TRUE(flat.steps[9].unchanged);                    // no slippage
  EXPECT_EQ(flat.steps[9].note, "the config has no slippage");
  EXPECT_EQ(flat.steps[0].variant.overrides["costs"], nullptr);  // the start has no costs
  EXPECT_EQ(flat.steps[0].variant.overrides["execution.block_suspended"], false);

  c.erase("costs");
  c["execution"] = {{"t_plus_1", false}};
  const AttributionPlan none = make_attribution_plan(parse_run_config(c), default_attribution_order());
  for (size_t i = 6; i < 10; ++i) EXPECT_TRUE(none.steps[i].unchanged) << none.steps[i].name;
  EXPECT_EQ(none.steps[6].note, "the config has no costs");
  EXPECT_TRUE(none.steps[3].unchanged);  // T+1 is off in the config
  EXPECT_TRUE(none.steps[5].unchanged);  // no participation cap
  EXPECT_EQ(none.steps[3].note, "off in the config");

  // Itemised: each item on its own; the commission step drops stamp duty and transfer fee.
  const AttributionPlan itemised =
      make_attribution_plan(parse_run_config(kConfig), default_attribution_order());
  EXPECT_EQ(itemised.steps[6].switches["costs"],
            (nlohmann::json{{"model", "itemised"}, {"stamp_duty", false}, {"transfer_fee", false}}));
  EXPECT_EQ(itemised.steps[7].switches["costs"],
            (nlohmann::json{{"model", "itemised"}, {"transfer_fee", false}}));
  EXPECT_EQ(itemised.steps[9].switches["costs"], kConfig["costs"]);
}

TEST(Attribution, TheLastStepRunsTheRealisticExecutionAndOtherTakesTheRest) {
  const RunConfig realistic = parse_run_config(kConfig);
  const AttributionPlan plan = make_attribution_plan(realistic, default_attribution_order());
  const RunConfig last = parse_run_config(apply_variant(kConfig, plan.steps.back().variant));
  EXPECT_EQ(last.profile, "ideal");  // the switches are explicit, the profile name stays
  EXPECT_TRUE(same_execution(last, realistic));
  RunConfig different = last;
  different.rules.retry_blocked = false;
  EXPECT_FALSE(same_execution(different, realistic));
  const AttributionStep other = other_attribution_step(plan);
  EXPECT_EQ(other.name, "other");
  EXPECT_EQ(other.variant.overrides, (nlohmann::json{{"execution.profile", "realistic"}}));
  EXPECT_TRUE(same_execution(parse_run_config(apply_variant(kConfig, other.variant)), realistic));
}

TEST(Attribution, CsvAndTextOfTheDocument) {
  const MarketData md = two_stock_market();
  const StrategyRegistry registry = registry_with_two_targets();
  const nlohmann::json doc = attribute(kConfig, md, registry);
  const std::string csv = attribution_csv(doc);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "step,label,ran,total_return,d_total_return,annual_return,d_annual_return,sharpe,d_sharpe,"
            "max_drawdown,d_max_drawdown,final_nav,d_final_nav,fees,d_fees,slippage,d_slippage,fills,d_fills,"
            "blocked,d_blocked,note");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 12);  // header, 10 steps, realistic
  EXPECT_NE(csv.find("\nlots,board lots and whole shares,true,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nrealistic,the config under the realistic profile,true,"), std::string::npos);
  EXPECT_NE(csv.find(",1019485.5,"), std::string::npos) << csv;
  const std::string text = attribution_text(doc);
  EXPECT_NE(text.find("the steps add up to the gap"), std::string::npos) << text;
  const std::string html = attribution_html(doc);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);  // self-contained: no external files
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_NE(html.find("Total return, ideal to realistic"), std::string::npos);
}

TEST(Attribution, BadOrdersAndConfigsAreErrors) {
  EXPECT_THROW(parse_attribution_order("lots,price_limits"), ConfigError);
  EXPECT_THROW(
      parse_attribution_order(
          "lots,lots,t_plus_1,suspensions,participation,commission,stamp_duty,transfer_fee,slippage"),
      ConfigError);
  try {
    parse_attribution_order(
        "lots,price_limit,t_plus_1,suspensions,participation,commission,stamp_duty,transfer_fee,slippage");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown step 'price_limit'"), std::string::npos) << e.what();
  }
  const MarketData md = two_stock_market();
  const StrategyRegistry registry = registry_with_two_targets();
  nlohmann::json bad = kConfig;
  bad["execution"]["participation"] = 2;
  try {
    attribute(bad, md, registry);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("execution.participation"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace abt::test
