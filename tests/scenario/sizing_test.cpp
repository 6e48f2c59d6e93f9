// Order sizing (strategies.md section 6): NAV at fill prices, lot rounding, sells first, cash scaling.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "engine/execution/cost_model.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

/// Places `targets` (with exit_others) in on_bar of day `day`.
ScriptStrategy weights_on_day(int32_t day, std::vector<WeightTarget> targets) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [day, targets](Context& c, Frequency) {
    if (c.today_index() == day) c.target_weights(targets);
  };
  return s;
}

TEST(Sizing, HalfOfAMillionAt1037RoundsDownToLots) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10.0, 10.2), bar(10.37, 10.5)})
                            .build();
  ScriptStrategy s = weights_on_day(0, {{0, 0.5}});
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  // 500,000 / 10.37 = 48,216.0 shares -> 48,200.
  EXPECT_EQ(r.fills[0].quantity, 48'200);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.37);
  EXPECT_NEAR(r.daily[1].cash, 1'000'000.0 - 48'200 * 10.37, 1e-6);  // 500,166
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Cash)], 0);
}

TEST(Sizing, BuysScaleDownByOneFactorWhenCashIsShort) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 10)})
                            .stock("600001.SH", {bar(20, 20), bar(20, 20)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen, 100'000.0);
  cfg.costs = std::make_shared<FlatCostModel>(0.001, QuoteBasis::PerSide);
  ScriptStrategy s = weights_on_day(0, {{0, 0.6}, {1, 0.6}});
  const RunResult r = Backtest(md, cfg).run(s);
  // Wanted 6,000 and 3,000 shares: 120,000 CNY + 120 fees > 100,000. Factor 100,000 / 120,120 = 0.8325:
  // 4,995 -> 4,900 and 2,497 -> 2,400 shares.
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].quantity, 4'900);
  EXPECT_DOUBLE_EQ(r.fills[0].cost, 49.0);
  EXPECT_EQ(r.fills[1].quantity, 2'400);
  EXPECT_DOUBLE_EQ(r.fills[1].cost, 48.0);
  EXPECT_NEAR(r.daily[1].cash, 100'000.0 - 49'000 - 49 - 48'000 - 48, 1e-9);  // 2,903
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Scaled)], 2);  // scaled, not refused
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Cash)], 0);
}

TEST(Sizing, SellsExecuteFirstAndFundTheBuys) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 10.5), bar(11, 11)})
                            .stock("600001.SH", {bar(20, 20), bar(20, 20), bar(20, 20)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen, 100'000.0);
  cfg.costs = std::make_shared<FlatCostModel>(0.0013, QuoteBasis::RoundTrip);
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    const WeightTarget a[] = {{0, 1.0}}, b[] = {{1, 1.0}};
    if (c.today_index() == 0) c.target_weights(a);
    if (c.today_index() == 1) c.target_weights(b);  // exit A, all in B
  };
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  // Day 2: 10,000 shares + 65 CNY fees > 100,000 -> scaled: 9,993 -> 9,900 shares, fee 64.35.
  EXPECT_EQ(r.fills[0].quantity, 9'900);
  EXPECT_DOUBLE_EQ(r.fills[0].cost, 64.35);
  // Day 3 at the open: NAV = 935.65 + 9,900 x 11 = 109,835.65. Sell A first (fee 108,900 x 0.065 % = 70.785
  // -> 70.79), then buy B: floor(109,835.65 / 20) = 5,491 -> 5,400 shares, fee 70.20.
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_EQ(r.fills[1].instrument, 0);
  EXPECT_EQ(r.fills[1].quantity, 9'900);
  EXPECT_DOUBLE_EQ(r.fills[1].cost, 70.79);
  EXPECT_EQ(r.fills[2].side, Side::Buy);
  EXPECT_EQ(r.fills[2].instrument, 1);
  EXPECT_EQ(r.fills[2].quantity, 5'400);
  EXPECT_DOUBLE_EQ(r.fills[2].cost, 70.20);
  EXPECT_EQ(r.fills[1].time, r.fills[2].time);
  EXPECT_NEAR(r.daily[2].cash, 100'000.0 - 99'000 - 64.35 + 108'900 - 70.79 - 108'000 - 70.20, 1e-6);
  for (const DailyRecord& d : r.daily) EXPECT_GE(d.cash, 0.0);
}

/// A fee with a large minimum, to exercise the lot-by-lot step-down after scaling.
class MinimumFeeModel final : public CostModel {
 public:
  double cost(const Instrument&, Side, Quantity quantity, double price, Date) const override {
    return round_to_fen(std::max(500.0, quantity * price * 0.001));
  }
  double buy_rate() const override { return 0.001; }
  nlohmann::json describe() const override { return {{"model", "minimum_fee_test"}}; }
};

TEST(Sizing, StepsDownLotByLotWhenScalingStillOvershoots) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .index("A.IDX", {10, 10})
                            .index("B.IDX", {10, 10})
                            .build();
  auto cfg = config_with(FillMode::NextOpen, 10'000.0);
  cfg.costs = std::make_shared<MinimumFeeModel>();
  ScriptStrategy s = weights_on_day(0, {{0, 0.5}, {1, 0.5}});
  const RunResult r = Backtest(md, cfg).run(s);
  // 500 + 500 units need 11,000; factor 10/11 -> 454 each (need 10,080); then one unit at a time from the
  // largest buy until 2 x 450 x 10 + 2 x 500 = 10,000 fits.
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].quantity, 450);
  EXPECT_EQ(r.fills[1].quantity, 450);
  EXPECT_NEAR(r.daily[1].cash, 0.0, 1e-9);
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Scaled)], 2);  // scaled, not refused
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Cash)], 0);
}

TEST(Sizing, LotRulesPerBoardAndOddLotSales) {
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
          .stock("600000.SH", {bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)}, {1.0, 1.0, 1.05, 1.05})
          .stock("688001.SH", {bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)})
          .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    switch (c.today_index()) {
      case 0:
        c.target_shares(0, 1'000);
        c.order_shares(1, 150);  // STAR: below 200 -> Lot reject
        break;
      case 1:
        c.order_shares(1, 250);  // STAR: 250 allowed
        break;
      case 2:
        c.target_shares(0, 1'000);  // holds 1,050 after the 1.05 action: selling 50 rounds to 0 -> Lot
        break;
      default:
        c.target_shares(0, 0);  // the whole position, odd lot included
    }
  };
  auto cfg = config_with(FillMode::Close);
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[0].quantity, 1'000);
  EXPECT_EQ(r.fills[1].instrument, 1);
  EXPECT_EQ(r.fills[1].quantity, 250);
  EXPECT_EQ(r.fills[2].side, Side::Sell);
  EXPECT_EQ(r.fills[2].quantity, 1'050);
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::Lot)], 2);
}

}  // namespace
}  // namespace abt::test
