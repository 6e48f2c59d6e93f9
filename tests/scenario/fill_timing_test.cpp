// When orders fill and at which price and time, per fill mode and execution frequency.
#include <gtest/gtest.h>

#include <memory>

#include "engine/execution/cost_model.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

MarketData four_days() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
      .stock("600000.SH", {bar(9.80, 10.50), bar(10.00, 11.50), bar(12.00, 12.50), bar(13.00, 13.00)})
      .build();
}

/// Buys 1000 shares at the first daily close.
ScriptStrategy buy_at_first_close() {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
  };
  return s;
}

TEST(FillTiming, NextOpenFillsAtTheNextDaysOpenStamped0930) {
  const MarketData md = four_days();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.costs = std::make_shared<FlatCostModel>(0.0013, QuoteBasis::RoundTrip);
  ScriptStrategy s = buy_at_first_close();
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  const Fill& f = r.fills[0];
  EXPECT_EQ(f.time.to_string(), "2024-01-03 09:30");
  EXPECT_EQ(f.side, Side::Buy);
  EXPECT_EQ(f.quantity, 1000);
  EXPECT_DOUBLE_EQ(f.price, 10.00);
  EXPECT_DOUBLE_EQ(f.cost, 6.50);  // 10,000 CNY x 0.13 % / 2
  ASSERT_EQ(r.daily.size(), 4u);
  EXPECT_DOUBLE_EQ(r.daily[0].nav, 1'000'000.0);
  EXPECT_DOUBLE_EQ(r.daily[1].cash, 1'000'000.0 - 10'000.0 - 6.50);
  EXPECT_DOUBLE_EQ(r.daily[1].holdings_value, 11'500.0);  // marked at day 2's close
  EXPECT_DOUBLE_EQ(r.daily[1].bought, 10'000.0);
  EXPECT_DOUBLE_EQ(r.daily[1].costs, 6.50);
  EXPECT_EQ(r.daily[1].holdings, 1);
}

TEST(FillTiming, CloseFillsAtTheSignalBarsCloseStamped1500) {
  const MarketData md = four_days();
  ScriptStrategy s = buy_at_first_close();
  const RunResult r = Backtest(md, config_with(FillMode::Close)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-02 15:00");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.50);
  EXPECT_DOUBLE_EQ(r.daily[0].cash, 1'000'000.0 - 10'500.0);
  EXPECT_DOUBLE_EQ(r.daily[0].nav, 1'000'000.0);
}

TEST(FillTiming, SessionOpenOrdersFillAtTodaysOpenOrYesterdaysClose) {
  const MarketData md = four_days();
  ScriptStrategy s;
  s.session_open = [](Context& c) {
    if (c.today_index() == 1) c.order_shares(0, 300);
  };
  const RunResult next = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(next.fills.size(), 1u);
  EXPECT_EQ(next.fills[0].time.to_string(), "2024-01-03 09:30");
  EXPECT_DOUBLE_EQ(next.fills[0].price, 10.00);
  const RunResult close = Backtest(md, config_with(FillMode::Close)).run(s);
  ASSERT_EQ(close.fills.size(), 1u);
  EXPECT_EQ(close.fills[0].time.to_string(), "2024-01-03 09:30");
  EXPECT_DOUBLE_EQ(close.fills[0].price, 10.50);  // the latest closed bar: day 1's close
}

TEST(FillTiming, TimerOrdersFillNextOpenOrAtTheDailyClose) {
  const MarketData md = four_days();
  ScriptStrategy s;
  s.start = [](Context& c) { c.schedule(Schedule::every_n_days(1)); };
  s.timer = [](Context& c, TimerId) {
    if (c.today_index() == 2) c.target_shares(0, 200);
  };
  const RunResult next = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(next.fills.size(), 1u);
  EXPECT_EQ(next.fills[0].time.to_string(), "2024-01-05 09:30");
  EXPECT_DOUBLE_EQ(next.fills[0].price, 13.00);
  const RunResult close = Backtest(md, config_with(FillMode::Close)).run(s);
  ASSERT_EQ(close.fills.size(), 1u);
  EXPECT_EQ(close.fills[0].time.to_string(), "2024-01-04 15:00");
  EXPECT_DOUBLE_EQ(close.fills[0].price, 12.50);
}

/// Two days with distinct hourly bars (open = slot price, close = slot price + 0.05).
MarketData hourly_market() {
  std::vector<std::vector<TinyBar>> hours;
  for (int d = 0; d < 2; ++d) {
    std::vector<TinyBar> h;
    for (int s = 0; s < 4; ++s) {
      const double p = 10.0 + d + 0.1 * s;
      h.push_back(bar(p, p + 0.05, 1000));
    }
    hours.push_back(h);
  }
  return TinyMarketBuilder({"2024-01-02", "2024-01-03"})
      .stock("600000.SH", {bar(10.0, 10.35), bar(11.0, 11.35)})
      .hourly("600000.SH", hours)
      .build();
}

TEST(FillTiming, HourlyExecutionFillsAtTheNextHourlyBarsOpen) {
  const MarketData md = hourly_market();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Min60); };
  s.bar = [](Context& c, Frequency) {
    const int minute = c.now().minute_of_day();
    if (c.today_index() == 1 && minute == 10 * 60 + 30) c.order_shares(0, 100);  // -> 10:30 bar's open
    if (c.today_index() == 1 && minute == 11 * 60 + 30) c.order_shares(0, 200);  // -> 13:00 bar's open
    if (c.today_index() == 0 && minute == 15 * 60) c.order_shares(0, 300);       // -> next day 09:30
  };
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-03 09:30");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.0);
  EXPECT_EQ(r.fills[0].quantity, 300);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-03 10:30");
  EXPECT_DOUBLE_EQ(r.fills[1].price, 11.1);
  EXPECT_EQ(r.fills[2].time.to_string(), "2024-01-03 13:00");
  EXPECT_DOUBLE_EQ(r.fills[2].price, 11.2);

  const RunResult c = Backtest(md, config_with(FillMode::Close)).run(s);
  ASSERT_EQ(c.fills.size(), 3u);
  EXPECT_EQ(c.fills[0].time.to_string(), "2024-01-02 15:00");
  EXPECT_DOUBLE_EQ(c.fills[0].price, 10.35);
  EXPECT_EQ(c.fills[1].time.to_string(), "2024-01-03 10:30");
  EXPECT_DOUBLE_EQ(c.fills[1].price, 11.05);
  EXPECT_EQ(c.fills[2].time.to_string(), "2024-01-03 11:30");
  EXPECT_DOUBLE_EQ(c.fills[2].price, 11.15);
}

TEST(FillTiming, NextCloseFillsAtTheNextBarsCloseStamped1500) {
  const MarketData md = four_days();
  ScriptStrategy s = buy_at_first_close();
  const RunResult r = Backtest(md, config_with(FillMode::NextClose)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-03 15:00");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.50);
}

TEST(FillTiming, NextBarVwapOnHourlyBarsUsesTheTypicalPriceWithoutAmounts) {
  // A daily signal executes on the first 60-minute bar of the next day. Its bar has no amount field (the
  // tiny hourly bars carry OHLCV only): the VWAP proxy is (10.20 + 10.00 + 10.05) / 3 = 10.0833 -> 10.08.
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03"})
          .stock("600000.SH", {bar(10, 10), bar(10.1, 10)})
          .hourly("600000.SH",
                  {{bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)},
                   {TinyBar{10.1, 10.2, 10.0, 10.05, 1e5}, bar(10, 10), bar(10, 10), bar(10, 10)}})
          .build();
  ScriptStrategy s = buy_at_first_close();
  const RunResult r = Backtest(md, config_with(FillMode::NextBarVwap)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-03 10:30");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.08);
}

}  // namespace
}  // namespace abt::test
