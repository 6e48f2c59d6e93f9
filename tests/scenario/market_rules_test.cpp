// A-share execution rules on hand-computed tiny markets: price limits by board, ST status and date, one-price
// bars, retries of blocked orders, T+1 on hourly bars, the participation cap, ideal vs realistic.
#include <gtest/gtest.h>

#include <memory>

#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

int64_t rejects(const RunResult& r, RejectReason reason) {
  return r.rejects[static_cast<int>(reason)];
}

/// Targets `shares` of instrument 0 at the daily close of day `day`.
ScriptStrategy target_at_close(int32_t day, int64_t shares) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [=](Context& c, Frequency) {
    if (c.today_index() == day) c.target_shares(0, shares);
  };
  return s;
}

/// Buys 1000 shares at the open of day 0 (placed at SessionOpen), then targets 0 at the close of `sell_day`.
ScriptStrategy buy_then_sell(int32_t sell_day) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.session_open = [](Context& c) {
    if (c.today_index() == 0) c.target_shares(0, 1000);
  };
  s.bar = [=](Context& c, Frequency) {
    if (c.today_index() == sell_day) c.target_shares(0, 0);
  };
  return s;
}

TEST(PriceLimits, BuyAtLimitUpIsBlockedAndRetriedNextDay) {
  // Day 1 opens at 11.00 = 10.00 x 1.1 (limit-up); day 2 opens at 11.50 < 12.10.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(11.00, 10.80), bar(11.50, 11.60)})
                            .build();
  ScriptStrategy s = target_at_close(0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-04 09:30");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.50);
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);

  // Without retries the blocked order is dropped; without limits it fills at the limit price.
  auto no_retry = config_with(FillMode::NextOpen);
  no_retry.rules.retry_blocked = false;
  EXPECT_TRUE(Backtest(md, no_retry).run(s).fills.empty());
  auto no_limits = config_with(FillMode::NextOpen);
  no_limits.rules.price_limits = false;
  const RunResult free = Backtest(md, no_limits).run(s);
  ASSERT_EQ(free.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(free.fills[0].price, 11.00);
}

TEST(PriceLimits, CloseModeComparesTheClose) {
  // Day 1 opens at 10.50 but closes at the limit 11.00: a Close-mode buy at day 1's close is blocked and
  // fills at day 2's close.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(10.50, 11.00), bar(11.20, 11.30)})
                            .build();
  ScriptStrategy s = target_at_close(1, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::Close)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-04 15:00");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.30);
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);
}

TEST(PriceLimits, HeldStockAtLimitDownIsSoldOnTheFirstDayItsLimitOpens) {
  // Bought 1000 at 10.00 on day 0; the sell is placed at day 1's close (9.00). Days 2 and 3 are one-price
  // limit-down bars (8.10 = 9.00 x 0.9, 7.29 = 8.10 x 0.9); day 4 opens at 7.50 above its limit 6.56.
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"})
          .stock("600000.SH", {bar(10, 10), bar(10, 9.00), bar(8.10, 8.10), bar(7.29, 7.29), bar(7.50, 7.80)})
          .build();
  ScriptStrategy s = buy_then_sell(1);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-08 09:30");
  EXPECT_DOUBLE_EQ(r.fills[1].price, 7.50);
  EXPECT_EQ(r.fills[1].quantity, 1000);
  EXPECT_EQ(rejects(r, RejectReason::LimitDown), 1);  // counted once for the intent
  ASSERT_EQ(r.rejections.size(), 1u);                 // and recorded once, at the first blocked attempt
  EXPECT_EQ(r.rejections[0].time.to_string(), "2024-01-04 09:30");
  EXPECT_EQ(r.rejections[0].reason, RejectReason::LimitDown);
  EXPECT_EQ(r.daily[3].holdings, 1);
  EXPECT_DOUBLE_EQ(r.daily[3].holdings_value, 7290.0);
}

TEST(PriceLimits, OnePriceLimitUpBarBlocksSellsTooButAnOpenBarDoesNot) {
  // Day 2 is a one-price limit-up bar (9.90 -> 10.89): the sell placed at day 1 waits for day 3.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 9.90), bar(10.89, 10.89), bar(11, 11)})
                            .build();
  ScriptStrategy s = buy_then_sell(1);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-05 09:30");
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);

  // Opening at limit-up with a range (high 10.89, low 10.50) lets the sell through at the limit price.
  const MarketData open_bar = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
                                  .stock("600000.SH", {bar(10, 10), bar(10, 9.90),
                                                       TinyBar{10.89, 10.89, 10.50, 10.60, 1e6}, bar(11, 11)})
                                  .build();
  const RunResult o = Backtest(open_bar, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(o.fills.size(), 2u);
  EXPECT_EQ(o.fills[1].time.to_string(), "2024-01-04 09:30");
  EXPECT_DOUBLE_EQ(o.fills[1].price, 10.89);
  EXPECT_EQ(rejects(o, RejectReason::LimitUp), 0);
}

TEST(PriceLimits, MainBoardStFivePercentUntil20260705ThenTenPercent) {
  // ST all along. Day 1 (2026-07-03) opens at 10.50 = 10.00 x 1.05, the 5 % limit-up: blocked. Day 2
  // (2026-07-06, 10 % from now on; limit 11.55) opens at 11.00: the retried buy fills.
  const MarketData md = TinyMarketBuilder({"2026-07-02", "2026-07-03", "2026-07-06"})
                            .stock("600001.SH", {bar(10, 10), bar(10.50, 10.50), bar(11.00, 11.00)})
                            .st("600001.SH", {1, 1, 1})
                            .build();
  ScriptStrategy s = target_at_close(0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2026-07-06 09:30");
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);

  // From 2026-07-06 the ST limit is 10 %: an open at +5.5 % fills.
  const MarketData after = TinyMarketBuilder({"2026-07-03", "2026-07-06"})
                               .stock("600001.SH", {bar(10, 10), bar(10.55, 10.55)})
                               .st("600001.SH", {1, 1})
                               .build();
  const RunResult a = Backtest(after, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(a.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(a.fills[0].price, 10.55);
}

TEST(PriceLimits, DelistingArrangementTradesWithinTheBoardsNormalLimit) {
  // 2024: a main-board stock in the delisting arrangement (IsST 2) opens at +6 %: within the normal 10 %
  // band, the buy fills; the same open blocks an ST stock (5 %).
  ScriptStrategy s = target_at_close(0, 1000);
  const auto market = [](int status) {
    return TinyMarketBuilder({"2024-01-02", "2024-01-03"})
        .stock("600001.SH", {bar(10, 10), bar(10.60, 10.60)})
        .st("600001.SH", {status, status})
        .build();
  };
  const RunResult arrangement = Backtest(market(2), config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(arrangement.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(arrangement.fills[0].price, 10.60);
  const RunResult st = Backtest(market(1), config_with(FillMode::NextOpen)).run(s);
  EXPECT_TRUE(st.fills.empty());
  EXPECT_EQ(rejects(st, RejectReason::LimitUp), 1);
}

TEST(PriceLimits, BeijingExchangeThirtyPercent) {
  // 830799.BJ (board from the code): an open at +25 % fills, one at +30 % (the limit-up 13.00) is blocked;
  // buys round to 100-share lots like the main boards.
  ScriptStrategy s = target_at_close(0, 1050);
  const auto market = [](double open) {
    return TinyMarketBuilder({"2022-03-01", "2022-03-02"})
        .stock("830799.BJ", {bar(10, 10), bar(open, open)})
        .build();
  };
  const RunResult fills = Backtest(market(12.50), config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(fills.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(fills.fills[0].price, 12.50);
  EXPECT_EQ(fills.fills[0].quantity, 1000);
  const RunResult blocked = Backtest(market(13.00), config_with(FillMode::NextOpen)).run(s);
  EXPECT_TRUE(blocked.fills.empty());
  EXPECT_EQ(rejects(blocked, RejectReason::LimitUp), 1);
}

TEST(PriceLimits, ChiNextTwentyPercentFrom20200824) {
  // +10 % at the open: blocked on 2020-08-21 (10 % limit), fills on 2020-08-24 (20 %).
  ScriptStrategy s = target_at_close(0, 1000);
  const MarketData before = TinyMarketBuilder({"2020-08-20", "2020-08-21"})
                                .stock("300001.SZ", {bar(10, 10), bar(11.00, 11.00)})
                                .build();
  EXPECT_TRUE(Backtest(before, config_with(FillMode::NextOpen)).run(s).fills.empty());
  const MarketData after = TinyMarketBuilder({"2020-08-21", "2020-08-24"})
                               .stock("300001.SZ", {bar(10, 10), bar(11.00, 11.00)})
                               .build();
  const RunResult r = Backtest(after, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.00);
}

TEST(PriceLimits, RegistrationIpoFrom20230410HasNoLimitOnItsFirstDays) {
  // Both list at an open of 14.40 on an issue price (day-1 PreClose) of 10.00. Listed 2023-04-07 (old
  // rules): 14.40 is the +44 % day-1 limit -> the buy placed at the listing open is blocked. Listed
  // 2023-04-10 (registration): no limit, the buy fills.
  ScriptStrategy s;
  s.session_open = [](Context& c) { c.target_shares(0, 1000); };
  const MarketData old_ipo = TinyMarketBuilder({"2023-04-06", "2023-04-07"})
                                 .stock("603999.SH", {absent(), bar(14.40, 14.40)})
                                 .pre_close("603999.SH", 1, 10.0)
                                 .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules.retry_blocked = false;
  const RunResult o = Backtest(old_ipo, cfg).run(s);
  EXPECT_TRUE(o.fills.empty());
  EXPECT_EQ(rejects(o, RejectReason::LimitUp), 1);
  const MarketData new_ipo = TinyMarketBuilder({"2023-04-07", "2023-04-10"})
                                 .stock("603998.SH", {absent(), bar(14.40, 14.40)})
                                 .pre_close("603998.SH", 1, 10.0)
                                 .build();
  const RunResult n = Backtest(new_ipo, cfg).run(s);
  ASSERT_EQ(n.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(n.fills[0].price, 14.40);
}

TEST(PriceLimits, StarIpoHasNoLimitOnDaysOneToFiveThenTwentyPercent) {
  // Listed 2019-07-22 at an issue price of 10.00 (day-1 PreClose), opening at 30.00: no limit on days 1-5.
  // Day 6 (2019-07-29) opens at 24.00 = 20.00 x 1.2, its limit-up: a buy is blocked there.
  const std::vector<std::string> days = {"2019-07-19", "2019-07-22", "2019-07-23", "2019-07-24",
                                         "2019-07-25", "2019-07-26", "2019-07-29"};
  const MarketData md = TinyMarketBuilder(days)
                            .stock("688001.SH", {absent(), bar(30, 25), bar(25, 22), bar(22, 21),
                                                 bar(21, 20.5), bar(20.5, 20), bar(24, 24)})
                            .pre_close("688001.SH", 1, 10.0)
                            .build();
  ScriptStrategy s;
  s.session_open = [](Context& c) {
    if (c.today_index() == 1 || c.today_index() == 6) c.order_shares(0, 200);
  };
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules.retry_blocked = false;
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 30.0);
  EXPECT_EQ(r.fills[0].quantity, 200);  // STAR: at least 200 shares
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);
}

TEST(PriceLimits, TheDaysLimitsApplyToEveryHourlyBarAndRetriesAreHourly) {
  // Day 1's limit-up is 11.00 (pre-close 10.00). The 09:30 bar opens at 11.00: the daily signal's buy is
  // blocked there and retried at the next hourly bar, which opens at 10.80 (stamped 10:30).
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), TinyBar{11.00, 11.00, 10.70, 10.90, 1e6}})
                            .hourly("600000.SH", {{bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)},
                                                  {TinyBar{11.00, 11.00, 10.80, 10.80, 2e5},
                                                   bar(10.80, 10.70), bar(10.70, 10.90), bar(10.90, 10.90)}})
                            .build();
  ScriptStrategy s = target_at_close(0, 1000);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-03 10:30");
  EXPECT_DOUBLE_EQ(r.fills[0].price, 10.80);
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);
}

TEST(TPlus1, BoughtAt1030NotSellableAt1400SellableNextMorning) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 10)})
                            .hourly("600000.SH", {{bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)},
                                                  {bar(10.1, 10), bar(10, 10), bar(10, 10), bar(10, 10)}})
                            .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Min60); };
  auto seen_sellable = std::make_shared<int64_t>(-1);
  s.bar = [seen_sellable](Context& c, Frequency) {
    const int minute = c.now().minute_of_day();
    if (c.today_index() == 0 && minute == 10 * 60 + 30) c.target_shares(0, 1000);
    if (c.today_index() == 0 && minute == 11 * 60 + 30) {
      EXPECT_EQ(c.position(0), 1000);
      *seen_sellable = c.sellable(0);
      c.target_shares(0, 0);
    }
  };
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].time.to_string(), "2024-01-02 10:30");
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-03 09:30");  // tried at 13:00 and 14:00: not sellable
  EXPECT_DOUBLE_EQ(r.fills[1].price, 10.1);
  EXPECT_EQ(*seen_sellable, 0);  // bought at 10:30 today: nothing sellable at 11:30
  EXPECT_EQ(rejects(r, RejectReason::TPlus1), 1);

  auto t0 = config_with(FillMode::NextOpen);
  t0.rules.t_plus_1 = false;
  const RunResult same_day = Backtest(md, t0).run(s);
  ASSERT_EQ(same_day.fills.size(), 2u);
  EXPECT_EQ(same_day.fills[1].time.to_string(), "2024-01-02 13:00");
}

TEST(Participation, FillsAreCappedAtAFractionOfTheBarVolumeAndRetried) {
  // Volume 5,000 shares a day, cap 10 % = 500 shares: a 1,200-share target fills 500 + 500 + 200.
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
          .stock("600000.SH", {bar(10, 10, 5000), bar(10, 10, 5000), bar(10, 10, 5000), bar(10, 10, 5000)})
          .build();
  ScriptStrategy s = target_at_close(0, 1200);
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules.participation = 0.1;
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[0].quantity, 500);
  EXPECT_EQ(r.fills[1].quantity, 500);
  EXPECT_EQ(r.fills[2].quantity, 200);
  EXPECT_EQ(rejects(r, RejectReason::Participation), 1);
  // Off by default: one fill.
  EXPECT_EQ(Backtest(md, config_with(FillMode::NextOpen)).run(s).fills.size(), 1u);
}

TEST(Participation, SharesDeltasShrinkByWhatFilled) {
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10, 5000), bar(10, 10, 5000), bar(10, 10, 5000)})
                            .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) c.order_shares(0, 800);
  };
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules.participation = 0.1;
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].quantity + r.fills[1].quantity, 800);
}

TEST(Profiles, IdealAndRealisticDifferForExplainedReasons) {
  // Half the NAV into a stock that opens at limit-up on day 1 (11.00) and at 11.50 on day 2.
  // ideal: 500,000 / 11.00 = 45,454.54 shares at 11.00 on day 1 (no limits, fractional shares); with
  // fractional_shares off, floor(500,000 / 11.00) = 45,454 (units of 1).
  // realistic: blocked on day 1; on day 2 floor(500,000 / 11.50) = 43,478 -> 43,400 shares (lots).
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(11.00, 11.00), bar(11.50, 12.00)})
                            .build();
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() == 0) {
      const WeightTarget t{0, 0.5};
      c.target_weights({&t, 1});
    }
  };
  auto ideal = config_with(FillMode::NextOpen);
  ideal.rules = ExecutionRules::ideal();
  const RunResult i = Backtest(md, ideal).run(s);
  auto whole = ideal;
  whole.rules.fractional_shares = false;
  const RunResult w = Backtest(md, whole).run(s);
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  ASSERT_EQ(i.fills.size(), 1u);
  ASSERT_EQ(w.fills.size(), 1u);
  ASSERT_EQ(r.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(i.fills[0].quantity, 500'000.0 / 11.0);
  EXPECT_DOUBLE_EQ(i.fills[0].price, 11.00);
  EXPECT_EQ(w.fills[0].quantity, 45454);
  EXPECT_EQ(r.fills[0].quantity, 43400);
  EXPECT_DOUBLE_EQ(r.fills[0].price, 11.50);
  // Final NAV: ideal 1,000,000 + 45,454.54 x (12 - 11); whole shares 1,000,000 + 45,454 x 1 = 1,045,454;
  // realistic 1,000,000 + 43,400 x 0.5.
  EXPECT_DOUBLE_EQ(i.daily.back().nav, 1'000'000.0 + 500'000.0 / 11.0);
  EXPECT_DOUBLE_EQ(w.daily.back().nav, 1'045'454.0);
  EXPECT_DOUBLE_EQ(r.daily.back().nav, 1'021'700.0);
  EXPECT_EQ(rejects(r, RejectReason::LimitUp), 1);
  EXPECT_EQ(rejects(i, RejectReason::LimitUp), 0);
}

TEST(PriceLimits, OlderRuleListingDayWithoutIssuePriceCountsAsSealed) {
  // 2017: a main-board IPO lists on day 1 opening at 12.00 (+20 % of an issue price of 10.00) and closes at
  // 14.40. Without the issue price the day-1 limit is unknown: the listing day counts as sealed and the buy
  // at its open is blocked (LimitUp). With the issue price (day-1 PreClose 10.00) the limit is 14.40 and
  // the buy fills at 12.00. Day 2's limit comes from day 1's close either way: 14.40 x 1.1 = 15.84.
  ScriptStrategy s;
  s.session_open = [](Context& c) {
    if (c.today_index() >= 1 && c.position(0) == 0) c.target_shares(0, 1000);
  };
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules.retry_blocked = false;
  const std::vector<std::string> days = {"2017-03-09", "2017-03-10", "2017-03-13"};
  const auto bars = std::vector<TinyBar>{absent(), bar(12.00, 14.40), bar(15.84, 15.84)};
  const MarketData unknown = TinyMarketBuilder(days).stock("002999.SZ", bars).build();
  ASSERT_TRUE(std::isnan(unknown.daily.field(Field::PreClose)(1, 0)));
  const RunResult u = Backtest(unknown, cfg).run(s);
  EXPECT_TRUE(u.fills.empty());  // day 1 assumed sealed, day 2 a one-price limit-up
  EXPECT_EQ(rejects(u, RejectReason::LimitUp), 2);
  const MarketData known =
      TinyMarketBuilder(days).stock("002999.SZ", bars).pre_close("002999.SZ", 1, 10.0).build();
  const RunResult k = Backtest(known, cfg).run(s);
  ASSERT_EQ(k.fills.size(), 1u);
  EXPECT_DOUBLE_EQ(k.fills[0].price, 12.00);
}

}  // namespace
}  // namespace abt::test
