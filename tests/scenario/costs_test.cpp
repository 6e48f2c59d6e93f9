// Itemised fees and slippage inside a run: fills carry their fee items, the minimum fee binds, stamp duty
// follows the date, slippage moves the fill price to the tick and never beyond the day's limit.
#include <gtest/gtest.h>

#include "engine/execution/cost_model.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

/// Buys `shares` at the open of day 0 (placed at SessionOpen), sells everything at day `sell_day`'s close.
ScriptStrategy round_trip(int64_t shares, int32_t sell_day) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.session_open = [=](Context& c) {
    if (c.today_index() == 0) c.target_shares(0, shares);
  };
  s.bar = [=](Context& c, Frequency) {
    if (c.today_index() == sell_day) c.target_shares(0, 0);
  };
  return s;
}

TEST(CostsInARun, MinimumFeeAndStampDutyAroundThe20230828Cut) {
  // Buy 100 @ 10.00 on 2023-08-24: commission 5.00 (minimum), transfer 0.01. Sell at 2023-08-25's close
  // order -> fills at 2023-08-28's open 10.00: stamp duty 0.05 % = 0.50 (0.1 % the day before would be 1.00).
  const MarketData md = TinyMarketBuilder({"2023-08-24", "2023-08-25", "2023-08-28"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 10), bar(10, 10)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.costs = make_cost_model({{"model", "itemised"}}, "costs");
  ScriptStrategy s = round_trip(100, 1);
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_DOUBLE_EQ(r.fills[0].commission, 5.00);
  EXPECT_DOUBLE_EQ(r.fills[0].transfer_fee, 0.01);
  EXPECT_DOUBLE_EQ(r.fills[0].cost, 5.01);
  EXPECT_DOUBLE_EQ(r.daily[0].cash, 1'000'000.0 - 1000.0 - 5.01);
  EXPECT_EQ(r.fills[1].time.to_string(), "2023-08-28 09:30");
  EXPECT_DOUBLE_EQ(r.fills[1].stamp_duty, 0.50);
  EXPECT_DOUBLE_EQ(r.fills[1].cost, 5.51);
  EXPECT_DOUBLE_EQ(r.daily[2].nav, 1'000'000.0 - 5.01 - 5.51);

  // Sold one day earlier (2023-08-25): 0.1 %.
  ScriptStrategy early = round_trip(100, 0);
  const RunResult e = Backtest(md, cfg).run(early);
  ASSERT_EQ(e.fills.size(), 2u);
  EXPECT_DOUBLE_EQ(e.fills[1].stamp_duty, 1.00);
}

TEST(CostsInARun, FixedSlippageMovesThePriceAgainstTheTraderAndStaysInsideTheLimit) {
  // 10 bps: buy 1000 @ 10.00 -> 10.01, sell @ 10.00 -> 9.99; slippage 10.00 CNY each side.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 10), bar(10, 10)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.costs = make_cost_model(
      {{"rate", 0.0}, {"quote", "per_side"}, {"slippage", {{"model", "fixed"}, {"bps", 10}}}}, "costs");
  ScriptStrategy s = round_trip(1000, 0);
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.01);
  EXPECT_DOUBLE_EQ(r.fills[0].slippage, 10.00);
  EXPECT_DOUBLE_EQ(r.fills[1].price, 9.99);
  EXPECT_DOUBLE_EQ(r.daily[2].nav, 1'000'000.0 - 20.0);

  // 50 bps on a buy at 10.99 with limit-up 11.00: 11.045 -> 11.05 is clamped to 11.00.
  const MarketData near_limit = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                                    .stock("600000.SH", {bar(10, 10), bar(10.99, 10.99)})
                                    .build();
  cfg.costs = make_cost_model(
      {{"rate", 0.0}, {"quote", "per_side"}, {"slippage", {{"model", "fixed"}, {"bps", 50}}}}, "costs");
  ScriptStrategy buy;
  buy.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  buy.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
  };
  const RunResult n = Backtest(near_limit, cfg).run(buy);
  ASSERT_EQ(n.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(n.fills[0].price, 11.00);
}

TEST(CostsInARun, VolumeImpactGrowsWithTheShareOfBarVolume) {
  // impact 0.1: 1,000 of 1,000,000 shares -> 0.1 x sqrt(0.001) = 0.316 % -> 10.0316 -> 10.03;
  // 100,000 shares -> 0.1 x sqrt(0.1) = 3.16 % -> 10.3162 -> 10.32.
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03"}).stock("600000.SH", {bar(10, 10), bar(10, 10)}).build();
  auto cfg = config_with(FillMode::NextOpen, 10'000'000.0);
  cfg.costs = make_cost_model({{"rate", 0.0},
                               {"quote", "per_side"},
                               {"slippage", {{"model", "volume"}, {"bps", 0}, {"impact", 0.1}}}},
                              "costs");
  for (const auto& [shares, price] : {std::pair<int64_t, double>{1000, 10.03}, {100000, 10.32}}) {
    ScriptStrategy s;
    s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
    s.bar = [q = shares](Context& c, Frequency) {
      if (c.today_index() == 0) c.target_shares(0, q);
    };
    const RunResult r = Backtest(md, cfg).run(s);
    ASSERT_EQ(r.fills.size(), 1u);
    EXPECT_DOUBLE_EQ(r.fills[0].price, price) << shares;
  }
}

}  // namespace
}  // namespace abt::test
