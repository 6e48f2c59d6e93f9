// Suspension retries, corporate actions, delisting and listing checks.
#include <gtest/gtest.h>

#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

ScriptStrategy target_on_day(int32_t day, InstrumentId id, int64_t shares) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [=](Context& c, Frequency) {
    if (c.today_index() == day) c.target_shares(id, shares);
  };
  return s;
}

TEST(Suspension, OrderIsRetriedAndFillsOnTheFirstDayAfterTheSuspension) {
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"})
          .stock("600000.SH", {bar(10, 10), bar(10, 10.2), suspended(10.2), suspended(10.2), bar(10.4, 10.6)})
          .build();
  ScriptStrategy s = target_on_day(1, 0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-08 09:30");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.4);
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Suspended)], 1);  // once per intent

  // Close mode: placed at day 1's close (tradeable) fills at once; placed at day 2 (suspended) waits for
  // day 4.
  ScriptStrategy later = target_on_day(2, 0, 1000);
  const RunResult c = Backtest(md, config_with(FillMode::Close)).run(later);
  ASSERT_EQ(c.fills.size(), 1u);
  EXPECT_EQ(c.fills[0].time.to_string(), "2024-01-08 15:00");
  EXPECT_DOUBLE_EQ(c.fills[0].price, 10.6);
}

TEST(Suspension, ANewerTargetReplacesTheBlockedOne) {
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"})
          .stock("600000.SH", {bar(10, 10), bar(10, 10.2), suspended(10.2), suspended(10.2), bar(10.4, 10.6)})
          .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 1) c.target_shares(0, 1000);
    if (c.today_index() == 2) c.target_shares(0, 500);
  };
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].quantity, 500);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-08 09:30");
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Suspended)], 2);  // each intent blocked once
}

TEST(Suspension, HoldingsAreValuedAtTheirLastClose) {
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
          .stock("600000.SH", {bar(10, 10), bar(10, 10.5), TinyBar{kNaN, kNaN, kNaN, kNaN, 0}})
          .build();
  ScriptStrategy s = target_on_day(0, 0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::Close, 100'000)).run(s);
  ASSERT_EQ(r.daily.size(), 3u);
  EXPECT_DOUBLE_EQ(r.daily[2].holdings_value, 10'500.0);  // no price on day 2: last close 10.5
  ASSERT_FALSE(r.positions.empty());
  EXPECT_DOUBLE_EQ(r.positions.back().price, 10.5);
}

TEST(CorporateAction, AdjFactorStepKeepsNavUnchanged) {
  // Day 1: adj 1.0 -> 1.1, PreClose = 11 / 1.1 = 10.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(11, 11), bar(10, 10)}, {1.0, 1.1})
                            .build();
  ScriptStrategy s = target_on_day(0, 0, 1000);
  double nav_at_open = 0;
  int64_t quantity_at_open = 0;
  s.session_open = [&](Context& c) {
    if (c.today_index() != 1) return;
    nav_at_open = c.nav();
    quantity_at_open = c.position(0);
  };
  const RunResult r = Backtest(md, config_with(FillMode::Close, 100'000)).run(s);
  EXPECT_EQ(quantity_at_open, 1100);
  EXPECT_DOUBLE_EQ(nav_at_open, 100'000.0);
  ASSERT_EQ(r.daily.size(), 2u);
  EXPECT_DOUBLE_EQ(r.daily[1].nav, 100'000.0);  // 89,000 + 1,100 x 10
  EXPECT_EQ(r.positions.back().quantity, 1100);
}

TEST(CorporateAction, FractionalRemainderIsPaidInCashAtPreClose) {
  // adj 1.0 -> 1.25, PreClose 10 / 1.25 = 8: 1002 shares -> 1252.5 -> 1252 shares + 0.5 x 8 = 4 CNY.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), bar(8, 8)}, {1.0, 1.25})
                            .build();
  ScriptStrategy s = target_on_day(0, 0, 1002);
  auto cfg = config_with(FillMode::Close, 20'000);
  cfg.rules.lots = false;
  const RunResult r = Backtest(md, cfg).run(s);
  EXPECT_EQ(r.positions.back().quantity, 1252);
  EXPECT_DOUBLE_EQ(r.daily[1].cash, 20'000.0 - 10'020.0 + 4.0);
  EXPECT_DOUBLE_EQ(r.daily[1].nav, 20'000.0);
}

TEST(Delisting, HoldingIsLiquidatedAtItsLastCloseWithAWarning) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600001.SH", {bar(10, 10), bar(9, 9.5), absent()})
                            .delist("600001.SH", "2024-01-03")
                            .build();
  ScriptStrategy s = target_on_day(0, 0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::Close, 100'000)).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_EQ(r.fills[1].quantity, 1000);
  EXPECT_DOUBLE_EQ(r.fills[1].price, 9.5);
  EXPECT_DOUBLE_EQ(r.fills[1].cost, 0.0);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-04 09:30");
  ASSERT_EQ(r.warnings.entries().size(), 1u);
  EXPECT_NE(r.warnings.entries()[0].message.find("600001.SH"), std::string::npos);
  EXPECT_NE(r.warnings.entries()[0].message.find("2024-01-04"), std::string::npos);
  EXPECT_DOUBLE_EQ(r.daily[2].nav, 100'000.0 - 10'000.0 + 9'500.0);
  EXPECT_EQ(r.daily[2].holdings, 0);
}

TEST(Delisting, AHoldingWhosePricesStopBeforeItsDelistDateIsLiquidated) {
  // The data says delisted after 2024-01-05, but the bars stop after 2024-01-03: liquidated at 09:30 on
  // 2024-01-04 at the last close 9.50, with a warning naming the last priced day.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
                            .stock("600001.SH", {bar(10, 10), bar(9, 9.5), absent(), absent()})
                            .delist("600001.SH", "2024-01-05")
                            .build();
  ScriptStrategy s = target_on_day(0, 0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::Close, 100'000)).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-04 09:30");
  EXPECT_DOUBLE_EQ(r.fills[1].price, 9.5);
  ASSERT_EQ(r.warnings.entries().size(), 1u);
  EXPECT_NE(r.warnings.entries()[0].message.find(
                "no prices after 2024-01-03 although its delist date is 2024-01-05"),
            std::string::npos)
      << r.warnings.entries()[0].message;
  EXPECT_EQ(r.daily[3].holdings, 0);
  EXPECT_DOUBLE_EQ(r.daily[3].nav, 99'500.0);
}

TEST(Delisting, WithoutADelistDatePricesMissingForTwentyDaysToTheEndMeanDelisted) {
  // 2 priced days, then `missing` days without bars up to the end of the data. 20 or more: delisted on the
  // first missing day; fewer: a suspension, the holding keeps its mark.
  for (const int missing : {19, 20}) {
    std::vector<std::string> days;
    std::vector<TinyBar> bars = {bar(10, 10), bar(9, 9.5)};
    for (int i = 0; i < 2 + missing; ++i) days.push_back((Date::parse("2024-01-01") + i).to_string());
    bars.resize(days.size(), absent());
    const MarketData md = TinyMarketBuilder(days).stock("600001.SH", bars).build();
    ScriptStrategy s = target_on_day(0, 0, 1000);
    const RunResult r = Backtest(md, config_with(FillMode::Close, 100'000)).run(s);
    if (missing < 20) {
      EXPECT_EQ(r.fills.size(), 1u);
      EXPECT_EQ(r.daily.back().holdings, 1);
      continue;
    }
    ASSERT_EQ(r.fills.size(), 2u);
    EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-03 09:30");
    ASSERT_EQ(r.warnings.entries().size(), 1u);
    EXPECT_NE(r.warnings.entries()[0].message.find("no prices after 2024-01-02 and no delist date"),
              std::string::npos);
  }
}

TEST(Listing, OrdersForUnlistedInstrumentsAreRejectedAndDropped) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600002.SH", {absent(), absent(), bar(10, 10)})
                            .build();
  ScriptStrategy s = target_on_day(0, 0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  EXPECT_TRUE(r.fills.empty());  // dropped, not retried when the stock lists on day 2
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::NotListed)], 1);
}

}  // namespace
}  // namespace abt::test
