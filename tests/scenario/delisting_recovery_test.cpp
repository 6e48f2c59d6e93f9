// execution.delisting_recovery: a held stock that delists is liquidated at a fraction of its last close, and
// the loss is reported (RunResult::delistings, result.json "delistings") and realised.
#include <gtest/gtest.h>

#include <memory>

#include "app/run/backtest_runner.hpp"
#include "app/run/result_writer.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

// 600001.SH closes at 10.00 and 9.55 and is delisted after 2024-01-03; 600002.SH keeps trading at 20, 20,
// 21, 22. The strategy buys 1,000 and 500 shares at the first close (fill mode close, no costs): cash
// 100,000 - 10,000 - 10,000 = 80,000.
MarketData delisting_market() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
      .stock("600001.SH", {bar(10, 10), bar(9, 9.55), absent(), absent()})
      .stock("600002.SH", {bar(20, 20), bar(20, 20), bar(21, 21), bar(22, 22)})
      .delist("600001.SH", "2024-01-03")
      .build();
}

std::unique_ptr<ScriptStrategy> buy_both_on_day_0() {
  auto s = std::make_unique<ScriptStrategy>();
  s->start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s->bar = [](Context& c, Frequency) {
    if (c.today_index() != 0) return;
    c.target_shares(0, 1000);
    c.target_shares(1, 500);
  };
  return s;
}

struct Expected {
  double recovery, price, loss;
};

TEST(DelistingRecovery, TheHoldingIsLiquidatedAtTheRecoveryFractionOfItsLastClose) {
  const MarketData md = delisting_market();
  // recovery 0.5: 0.5 x 9.55 = 4.775 -> 4.78 (half-up to the fen); loss 1,000 x (9.55 - 4.78) = 4,770.
  for (const Expected& e :
       {Expected{1.0, 9.55, 0.0}, Expected{0.5, 4.78, 4'770.0}, Expected{0.0, 0.0, 9'550.0}}) {
    SCOPED_TRACE(e.recovery);
    BacktestConfig cfg = config_with(FillMode::Close, 100'000);
    cfg.rules.delisting_recovery = e.recovery;
    auto s = buy_both_on_day_0();
    const RunResult r = Backtest(md, cfg).run(*s);

    ASSERT_EQ(r.fills.size(), 3u);
    EXPECT_EQ(r.fills[2].time.to_string(), "2024-01-04 09:30");
    EXPECT_EQ(r.fills[2].side, Side::Sell);
    EXPECT_EQ(r.fills[2].quantity, 1000);
    EXPECT_DOUBLE_EQ(r.fills[2].price, e.price);
    EXPECT_DOUBLE_EQ(r.fills[2].cost, 0.0);

    const double cash = 80'000.0 + 1'000.0 * e.price;
    ASSERT_EQ(r.daily.size(), 4u);
    EXPECT_DOUBLE_EQ(r.daily[1].nav, 80'000.0 + 9'550.0 + 10'000.0);  // before the delisting
    EXPECT_DOUBLE_EQ(r.daily[2].cash, cash);
    EXPECT_DOUBLE_EQ(r.daily[2].nav, cash + 500 * 21.0);
    EXPECT_DOUBLE_EQ(r.daily[3].nav, cash + 500 * 22.0);
    EXPECT_DOUBLE_EQ(r.daily[1].nav - r.daily[2].nav, e.loss - 500.0);  // the loss; 600002.SH gains 500
    EXPECT_EQ(r.daily[2].holdings, 1);

    ASSERT_EQ(r.delistings.size(), 1u);
    const DelistingRecord& d = r.delistings[0];
    EXPECT_EQ(d.date.to_string(), "2024-01-04");
    EXPECT_EQ(d.symbol, "600001.SH");
    EXPECT_EQ(d.instrument, 0);
    EXPECT_EQ(d.quantity, 1000);
    EXPECT_DOUBLE_EQ(d.last_close, 9.55);
    EXPECT_DOUBLE_EQ(d.recovery_price, e.price);
    EXPECT_NEAR(d.loss, e.loss, 1e-9);

    // The loss is realised: 600001.SH realises 1,000 x (price - 10), 600002.SH holds 500 x (22 - 20).
    EXPECT_NEAR(r.realized_pnl, 1'000.0 * (e.price - 10.0), 1e-9);
    EXPECT_NEAR(r.unrealized_pnl, 1'000.0, 1e-9);
    EXPECT_NEAR(r.realized_pnl + r.unrealized_pnl, r.daily.back().nav - 100'000.0, 1e-9);

    ASSERT_EQ(r.warnings.entries().size(), 1u);
    const std::string w = r.warnings.entries()[0].message;
    EXPECT_EQ(w.rfind("2024-01-04 09:30: 600001.SH delisted (last trading day 2024-01-03); liquidated 1000 "
                      "shares without costs ",
                      0),
              0u)
        << w;
    if (e.recovery == 1.0)
      EXPECT_NE(w.find("at its last close 9.55"), std::string::npos) << w;
    else if (e.recovery == 0.5)
      EXPECT_NE(w.find("at the recovery price 4.78 (0.5 x its last close 9.55): a loss of 4770.00 CNY"),
                std::string::npos)
          << w;
    else
      EXPECT_NE(w.find("at the recovery price 0.00 (0 x its last close 9.55): a loss of 9550.00 CNY"),
                std::string::npos)
          << w;
  }
}

StrategyRegistry registry_buying_both() {
  StrategyInfo info;
  info.name = "buy_both";
  info.summary = "buys 1,000 shares of instrument 0 and 500 of instrument 1 at the first close";
  info.create = [](const nlohmann::json&, const std::string&) -> std::unique_ptr<Strategy> {
    return buy_both_on_day_0();
  };
  info.resolve = [](const nlohmann::json&, const std::string&) { return nlohmann::json::object(); };
  StrategyRegistry r;
  r.add(info);
  return r;
}

TEST(DelistingRecovery, ResultJsonReportsTheDelistingsAndEchoesTheRecovery) {
  const MarketData md = delisting_market();
  const StrategyRegistry registry = registry_buying_both();
  nlohmann::json j = {{"strategy", {{"name", "buy_both"}}},
                      {"capital", 100'000},
                      {"execution", {{"fill", "close"}, {"delisting_recovery", 0.5}}}};
  const nlohmann::json half = result_document(run_backtest(parse_run_config(j), md, registry));
  EXPECT_DOUBLE_EQ(half["config"]["execution"]["delisting_recovery"].get<double>(), 0.5);
  const nlohmann::json& d = half["delistings"];
  EXPECT_EQ(d["count"], 1);
  EXPECT_DOUBLE_EQ(d["loss"].get<double>(), 4'770.0);
  ASSERT_EQ(d["items"].size(), 1u);
  EXPECT_EQ(d["items"][0]["symbol"], "600001.SH");
  EXPECT_EQ(d["items"][0]["date"], "2024-01-04");
  EXPECT_TRUE(d["items"][0]["quantity"].is_number_integer());
  EXPECT_EQ(d["items"][0]["quantity"], 1000);
  EXPECT_DOUBLE_EQ(d["items"][0]["last_close"].get<double>(), 9.55);
  EXPECT_DOUBLE_EQ(d["items"][0]["recovery_price"].get<double>(), 4.78);
  EXPECT_DOUBLE_EQ(d["items"][0]["loss"].get<double>(), 4'770.0);
  // realised -5,220 (sold at 4.78 what cost 10.00) + unrealised 1,000 - fees 0 = final NAV - capital.
  EXPECT_DOUBLE_EQ(half["pnl"]["realized"].get<double>(), -5'220.0);
  EXPECT_DOUBLE_EQ(half["pnl"]["unrealized"].get<double>(), 1'000.0);

  // The aliases: "zero" writes the holding off, "last_close" (the default) loses nothing.
  j["execution"]["delisting_recovery"] = "zero";
  const nlohmann::json zero = result_document(run_backtest(parse_run_config(j), md, registry));
  EXPECT_DOUBLE_EQ(zero["config"]["execution"]["delisting_recovery"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(zero["delistings"]["loss"].get<double>(), 9'550.0);
  EXPECT_DOUBLE_EQ(zero["pnl"]["realized"].get<double>(), -10'000.0);
  j["execution"].erase("delisting_recovery");
  const nlohmann::json full = result_document(run_backtest(parse_run_config(j), md, registry));
  EXPECT_DOUBLE_EQ(full["config"]["execution"]["delisting_recovery"].get<double>(), 1.0);
  EXPECT_EQ(full["delistings"]["count"], 1);
  EXPECT_DOUBLE_EQ(full["delistings"]["loss"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(full["delistings"]["items"][0]["recovery_price"].get<double>(), 9.55);
}

}  // namespace
}  // namespace abt::test
