// The strategy API beyond orders (engine/strategy/context.hpp): fill and rejection feedback, pending orders
// and cancel, per-instrument P&L, the market's tradability status, instrument lists, fields and the seed.
#include <gtest/gtest.h>

#include <vector>

#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

/// Day 1 opens at the limit-up 11.00 (10.00 x 1.1): a buy placed at day 0's close is blocked there and
/// retried; day 2 opens at 11.50.
MarketData limit_then_open() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600000.SH", {bar(10, 10), bar(11.00, 10.80), bar(11.50, 11.60)})
      .build();
}

TEST(StrategyApi, FillAndRejectFeedbackWithPendingState) {
  ScriptStrategy s;
  std::vector<std::string> seen;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
  };
  s.reject = [&](Context& c, const Rejection& r) {
    const auto pending = c.pending_order(0);
    ASSERT_TRUE(pending.has_value());  // blocked, still pending: retried at the next bar
    EXPECT_TRUE(pending->blocked());
    EXPECT_EQ(pending->reasons, 1u << static_cast<int>(RejectReason::LimitUp));
    EXPECT_EQ(pending->target, 1000.0);
    seen.push_back(c.now().to_string() + " reject " + std::string(reject_reason_name(r.reason)) + " at " +
                   r.time.to_string());
  };
  s.fill = [&](Context& c, const Fill& f) {
    EXPECT_FALSE(c.pending_order(0).has_value());
    const PositionInfo p = c.position_info(0);
    EXPECT_EQ(p.quantity, 1000);
    EXPECT_DOUBLE_EQ(p.avg_cost, 11.50);
    seen.push_back(c.now().to_string() + " fill " + std::to_string(static_cast<int>(f.quantity)) + " at " +
                   std::to_string(f.price).substr(0, 5));
  };
  s.session_open = [&](Context& c) { seen.push_back(c.now().to_string() + " open"); };
  Backtest(limit_then_open(), config_with(FillMode::NextOpen)).run(s);
  // Feedback of a pass comes right after it, before the event's own callback.
  EXPECT_EQ(seen, (std::vector<std::string>{"2024-01-02 09:30 open",
                                            "2024-01-03 09:30 reject limit_up at "
                                            "2024-01-03 09:30",
                                            "2024-01-03 09:30 open", "2024-01-04 09:30 fill 1000 at 11.50",
                                            "2024-01-04 09:30 open"}));
}

TEST(StrategyApi, CancelDropsABlockedOrder) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
  };
  bool cancelled = false, cancelled_again = true;
  s.reject = [&](Context& c, const Rejection&) {
    cancelled = c.cancel(0);
    cancelled_again = c.cancel(0);
  };
  const RunResult r = Backtest(limit_then_open(), config_with(FillMode::NextOpen)).run(s);
  EXPECT_TRUE(cancelled);
  EXPECT_FALSE(cancelled_again);
  EXPECT_TRUE(r.fills.empty());
}

TEST(StrategyApi, PositionPnlAfterASale) {
  // Buy 1000 at 10.00 (day 1 open), sell 400 at 12.00 (day 2 open), mark 13.00 at day 2's close.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 11), bar(12, 13)})
                            .build();
  ScriptStrategy s;
  PositionInfo last;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [&](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
    if (c.today_index() == 1) c.target_shares(0, 600);
    last = c.position_info(0);
  };
  Backtest(md, config_with(FillMode::NextOpen)).run(s);
  EXPECT_EQ(last.quantity, 600);
  EXPECT_EQ(last.sellable, 600);
  EXPECT_DOUBLE_EQ(last.avg_cost, 10.0);
  EXPECT_DOUBLE_EQ(last.mark, 13.0);
  EXPECT_DOUBLE_EQ(last.realized_pnl, 400 * 2.0);
  EXPECT_DOUBLE_EQ(last.unrealized_pnl, 600 * 3.0);
}

TEST(StrategyApi, TradingStatusIsTheMarketsViewWhateverTheRules) {
  // 2023: A closes at limit-up on day 1 (11.00) and is suspended on day 2; B is ST (5 %) and closes at its
  // limit-down 9.50 on day 1; C lists on day 1 (main board, older rules) without an issue price: sealed.
  const MarketData md = TinyMarketBuilder({"2023-03-01", "2023-03-02", "2023-03-03"})
                            .stock("600000.SH", {bar(10, 10), bar(10.5, 11.00), suspended(11.00)})
                            .stock("600001.SH", {bar(10, 10), bar(9.9, 9.50), bar(9.6, 9.6)})
                            .stock("600002.SH", {absent(), bar(12, 14.40), bar(15.84, 15.84)})
                            .st("600001.SH", {1, 1, 1})
                            .build();
  ScriptStrategy s;
  std::vector<std::vector<TradingStatus>> by_day;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [&](Context& c, Frequency) { by_day.push_back({c.status(0), c.status(1), c.status(2)}); };
  BacktestConfig cfg = config_with(FillMode::NextOpen);
  cfg.rules.price_limits = false;  // the status reports the market, not the run's rules
  Backtest(md, cfg).run(s);
  ASSERT_EQ(by_day.size(), 3u);
  EXPECT_TRUE(by_day[1][0].at_limit_up);
  EXPECT_FALSE(by_day[1][0].suspended);
  EXPECT_TRUE(by_day[2][0].suspended);
  EXPECT_TRUE(by_day[1][1].at_limit_down);
  EXPECT_EQ(by_day[1][1].st, 1.0f);
  EXPECT_FALSE(by_day[0][2].listed);
  EXPECT_TRUE(by_day[1][2].at_limit_up);  // a listing day without an issue price: assumed sealed
  EXPECT_EQ(by_day[1][2].days_listed, 0);
  EXPECT_EQ(by_day[2][2].days_listed, 1);
  EXPECT_TRUE(by_day[2][2].at_limit_up);  // 15.84 = 14.40 x 1.1
  EXPECT_EQ(by_day[1][0].days_listed, TradingStatus::kListedBeforeData);
}

TEST(StrategyApi, InstrumentListsFieldsAndSeed) {
  const MarketData md = TinyMarketBuilder({"2024-01-02"})
                            .stock("600000.SH", {bar(10, 10)})
                            .stock("300001.SZ", {bar(10, 10)}, {}, {1e8})
                            .index("BROAD.IDX", {1000})
                            .build();
  ScriptStrategy s;
  s.start = [](Context& c) {
    EXPECT_EQ(c.instrument_ids(InstrumentKind::Stock).size(), 2u);
    EXPECT_EQ(c.instrument_ids(InstrumentKind::Stock, Board::ChiNext),
              std::vector<InstrumentId>{*c.find_instrument("300001.SZ")});
    EXPECT_EQ(c.instrument_ids(InstrumentKind::Index).size(), 1u);
    EXPECT_TRUE(c.has_field(Frequency::Daily, "total_shares"));
    EXPECT_FALSE(c.has_field(Frequency::Daily, "total_mv"));
    EXPECT_FALSE(c.has_field(Frequency::Min60, "close"));
    EXPECT_EQ(c.seed(), 42u);
  };
  BacktestConfig cfg = config_with(FillMode::NextOpen);
  cfg.seed = 42;
  Backtest(md, cfg).run(s);
}

}  // namespace
}  // namespace abt::test
