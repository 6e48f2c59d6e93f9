// execution.fractional_shares (on in the ideal profile): target weights buy exactly w x NAV / price shares,
// costs are charged on that notional, and whole shares and lots come back as soon as the rules ask for them.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/execution/cost_model.hpp"
#include "app/run/backtest_runner.hpp"
#include "app/run/result_writer.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

/// Targets weight `w0` of instrument 0 at day 0's close and `w1` at day 1's close (negative: nothing).
ScriptStrategy weights_on_days(double w0, double w1) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [=](Context& c, Frequency) {
    const double w = c.today_index() == 0 ? w0 : c.today_index() == 1 ? w1 : -1;
    if (w < 0) return;
    const WeightTarget t{0, w};
    c.target_weights({&t, 1});
  };
  return s;
}

BacktestConfig ideal_with_flat_costs() {
  BacktestConfig cfg = config_with(FillMode::NextOpen, 1'000'000);
  cfg.rules = ExecutionRules::ideal();
  cfg.costs = std::make_shared<FlatCostModel>(0.0013, QuoteBasis::RoundTrip);  // 0.065 % per side
  return cfg;
}

// Opens 10.37 on day 1 and 11.00 on day 2; closes 10.50 and 11.20.
MarketData one_stock() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600000.SH", {bar(10, 10), bar(10.37, 10.50), bar(11.00, 11.20)})
      .build();
}

TEST(FractionalShares, AWeightBuysExactlyWTimesNavOverPriceAndPaysCostsOnThatNotional) {
  // Day 1 open: 0.5 x 1,000,000 / 10.37 = 48,216.0077 shares for 500,000.00, fee 0.065 % = 325.00.
  ScriptStrategy s = weights_on_days(0.5, 0.5);
  const RunResult r = Backtest(one_stock(), ideal_with_flat_costs()).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  const double q1 = 0.5 * 1'000'000.0 / 10.37;
  EXPECT_DOUBLE_EQ(r.fills[0].quantity, q1);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.37);
  EXPECT_DOUBLE_EQ(r.fills[0].cost, 325.00);
  const double cash1 = 1'000'000.0 - 500'000.0 - 325.00;
  EXPECT_NEAR(r.daily[1].cash, cash1, 1e-6);
  EXPECT_NEAR(r.daily[1].nav, cash1 + q1 * 10.50, 1e-6);

  // Day 2 open 11.00: NAV = 499,675 + q1 x 11 = 1,030,051.08; the target 0.5 wants NAV / 22 shares, so
  // q1 - NAV / 22 = 1,395.5039 shares are sold (15,350.54 CNY, fee 9.98).
  const double nav2 = cash1 + q1 * 11.00;
  const double q2 = 0.5 * nav2 / 11.00;
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_NEAR(r.fills[1].quantity, q1 - q2, 1e-9);
  EXPECT_DOUBLE_EQ(r.fills[1].cost, round_to_fen((q1 - q2) * 11.00 * 0.00065));
  EXPECT_DOUBLE_EQ(r.fills[1].cost, 9.98);
  ASSERT_FALSE(r.positions.empty());
  EXPECT_NEAR(r.positions.back().quantity, q2, 1e-9);
  EXPECT_NEAR(r.daily[2].nav, nav2 - 9.98 + q2 * (11.20 - 11.00), 1e-6);
}

TEST(FractionalShares, AFullWeightIsScaledToTheCashAndCashStaysNonNegative) {
  // Weight 1: 1,000,000 / 10.37 shares would need 1,000,000 + 650 fees; one factor scales the buy to the
  // cash, then the fen rounding of the fee is absorbed by a fraction of a share: nothing is left over.
  ScriptStrategy s = weights_on_days(1.0, -1);
  const RunResult r = Backtest(one_stock(), ideal_with_flat_costs()).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  const Fill& f = r.fills[0];
  const double notional = f.quantity * f.price;
  EXPECT_NEAR(notional, 1'000'000.0 * 1'000'000.0 / 1'000'650.0, 0.01);
  EXPECT_DOUBLE_EQ(f.cost, round_to_fen(notional * 0.00065));
  EXPECT_DOUBLE_EQ(f.cost, 649.58);
  EXPECT_GE(r.daily[1].cash, 0.0);
  EXPECT_LT(r.daily[1].cash, 0.01);
  EXPECT_NEAR(r.daily[1].cash, 1'000'000.0 - notional - f.cost, 1e-6);
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Scaled)], 1);
}

TEST(FractionalShares, WholeSharesWhenOffAndLotsWhenLotsAreOn) {
  ScriptStrategy s = weights_on_days(0.5, -1);
  BacktestConfig whole = ideal_with_flat_costs();
  whole.rules.fractional_shares = false;  // ideal, units of 1: floor(48,216.0077) = 48,216 shares
  const RunResult w = Backtest(one_stock(), whole).run(s);
  ASSERT_EQ(w.fills.size(), 1u);
  EXPECT_EQ(w.fills[0].quantity, 48216);
  EXPECT_DOUBLE_EQ(w.fills[0].cost, round_to_fen(48'216 * 10.37 * 0.00065));

  // Lots on with fractional shares: the stock trades in lots of 100, an index-kind instrument unrounded.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), bar(10.37, 10.50)})
                            .index("BROAD.IDX", {1000.0, 1234.5678})
                            .build();
  BacktestConfig lots = ideal_with_flat_costs();
  lots.rules.lots = true;
  ScriptStrategy both;
  both.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  both.bar = [](Context& c, Frequency) {
    if (c.today_index() != 0) return;
    const WeightTarget t[] = {{0, 0.4}, {1, 0.4}};
    c.target_weights(t);
  };
  const RunResult l = Backtest(md, lots).run(both);
  ASSERT_EQ(l.fills.size(), 2u);
  EXPECT_EQ(l.fills[0].quantity, 38500);  // floor(400,000 / 10.37 = 38,572.8) to lots
  EXPECT_DOUBLE_EQ(l.fills[1].quantity, 400'000.0 / static_cast<double>(1234.5678f));  // the stored level
}

TEST(FractionalShares, CorporateActionsConvertFractionalHoldingsExactly) {
  // adj 1.0 -> 1.25 with PreClose 8: 1,002.5 shares -> 1,253.125 shares exactly, no cash remainder.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), bar(8, 8)}, {1.0, 1.25})
                            .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1002.5);
  };
  BacktestConfig cfg = config_with(FillMode::Close, 20'000);
  cfg.rules = ExecutionRules::ideal();
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(r.fills[0].quantity, 1002.5);
  EXPECT_DOUBLE_EQ(r.positions.back().quantity, 1253.125);
  EXPECT_DOUBLE_EQ(r.daily[1].cash, 20'000.0 - 10'025.0);
  EXPECT_DOUBLE_EQ(r.daily[1].nav, 20'000.0);
  // Whole shares: 1,002.5 rounds down to 1,002 -> 1,252 shares + 0.5 x 8 = 4 CNY.
  cfg.rules.fractional_shares = false;
  const RunResult w = Backtest(md, cfg).run(s);
  EXPECT_EQ(w.positions.back().quantity, 1252);
  EXPECT_DOUBLE_EQ(w.daily[1].cash, 20'000.0 - 10'020.0 + 4.0);
}

StrategyRegistry registry_with_half_in_stock_0() {
  StrategyInfo info;
  info.name = "half_in_first";
  info.summary = "targets 50 % of NAV in instrument 0 at the first daily close";
  info.create = [](const nlohmann::json&, const std::string&) -> std::unique_ptr<Strategy> {
    return std::make_unique<ScriptStrategy>(weights_on_days(0.5, -1));
  };
  info.resolve = [](const nlohmann::json&, const std::string&) { return nlohmann::json::object(); };
  StrategyRegistry r;
  r.add(info);
  return r;
}

TEST(FractionalShares, TradesAndPositionsCsvShowTheFractionExactly) {
  const MarketData md = one_stock();
  const StrategyRegistry registry = registry_with_half_in_stock_0();
  nlohmann::json j = {{"strategy", {{"name", "half_in_first"}}},
                      {"capital", 1'000'000},
                      {"execution", {{"profile", "ideal"}}},
                      {"costs", {{"rate", 0.0013}, {"quote", "round_trip"}}}};
  const RunOutput ideal = run_backtest(parse_run_config(j), md, registry);
  EXPECT_EQ(result_document(ideal)["config"]["execution"]["fractional_shares"], true);
  const std::string trades = trades_csv(ideal, md);
  const std::string expected_row = "2024-01-03 09:30,600000.SH,buy," + format_quantity(500'000.0 / 10.37) +
                                   ",10.37,325.00,325.00,0.00,0.00,0.00\n";
  EXPECT_NE(trades.find(expected_row), std::string::npos) << trades;
  EXPECT_EQ(format_quantity(500'000.0 / 10.37).substr(0, 11), "48216.00771");
  EXPECT_DOUBLE_EQ(std::stod(format_quantity(500'000.0 / 10.37)), 500'000.0 / 10.37);
  EXPECT_NE(positions_csv(ideal, md).find(",600000.SH," + format_quantity(500'000.0 / 10.37) + ","),
            std::string::npos);

  // The same with whole shares: the quantity column prints integers as before.
  j["execution"]["fractional_shares"] = false;
  const RunOutput whole = run_backtest(parse_run_config(j), md, registry);
  EXPECT_NE(trades_csv(whole, md).find(",buy,48216,10.37,"), std::string::npos);
  EXPECT_EQ(format_quantity(1000), "1000");
  EXPECT_EQ(format_quantity(1e7), "10000000");
}

}  // namespace
}  // namespace abt::test
