#include <gtest/gtest.h>

#include <cmath>

#include "scenario/script_strategy.hpp"
#include "strategies/smallcap_lowvol/smallcap_lowvol_strategy.hpp"

namespace abt {
namespace {

using test::bar;
using test::TinyBar;

TEST(SmallcapLowvol, WindowVolatilityOnHandComputedPrices) {
  double scratch[8];
  const double adjusted[] = {100, 110, 99, 99};  // returns 0.1, -0.1, 0: mean 0, ss 0.02 / 2 -> std 0.1
  const bool traded[] = {true, true, true, true};
  EXPECT_NEAR(LowvolSelector::window_volatility(adjusted, traded, 4, 3, scratch), 0.1, 1e-12);
  // A day without a trade voids the return ending on it: 0.1, 0 -> std sqrt(0.005).
  const bool gap[] = {true, true, false, true};
  EXPECT_NEAR(LowvolSelector::window_volatility(adjusted, gap, 4, 2, scratch), std::sqrt(0.005), 1e-12);
  EXPECT_TRUE(std::isnan(LowvolSelector::window_volatility(adjusted, gap, 4, 3, scratch)));
}

// Five stocks over six days of 2022, shares 1e8, caps on the last day (x 1e8): S1 11, S2 12, S3 13.13, S4 14,
// S5 50. index_size 4 -> members S1..S4; candidates 3; holdings 2; volatility over 5 returns.
//   S1 swings 10 <-> 11 (high volatility; +10 % = limit-up on the last day),
//   S2 and S4 are flat (volatility 0), S3 swings 1 %.
MarketData five_stock_market(bool suspend_s2_last_day) {
  const std::vector<double> shares(6, 1e8);
  auto swing = [](double lo, double hi) {
    return std::vector<TinyBar>{bar(lo, lo), bar(lo, hi), bar(hi, lo), bar(lo, hi), bar(hi, lo), bar(lo, hi)};
  };
  std::vector<TinyBar> s2(6, bar(12, 12));
  if (suspend_s2_last_day) s2[5] = test::suspended(12);
  return test::TinyMarketBuilder(
             {"2022-01-04", "2022-01-05", "2022-01-06", "2022-01-07", "2022-01-10", "2022-01-11"})
      .stock("000001.SZ", swing(10, 11), {}, shares)
      .stock("000002.SZ", s2, {}, shares)
      .stock("000003.SZ", swing(13, 13.13), {}, shares)
      .stock("000004.SZ", std::vector<TinyBar>(6, bar(14, 14)), {}, shares)
      .stock("000005.SZ", std::vector<TinyBar>(6, bar(50, 50)), {}, shares)
      .build();
}

std::vector<int32_t> select_on_last_day(const MarketData& md, bool skip_untradable = true) {
  SmallcapLowvolStrategy::Params p;
  p.skip_untradable = skip_untradable;
  p.index_size = 4;
  p.candidates = 3;
  p.holdings = 2;
  p.vol_window = 5;
  p.rebalance = "every:100";
  SmallcapLowvolStrategy strategy(p);
  BacktestConfig bc = test::config_with(FillMode::Close);
  bc.start = md.calendar.day(5);
  const RunResult result = Backtest(md, bc).run(strategy);
  EXPECT_FALSE(result.fills.empty());
  return strategy.selection();
}

TEST(SmallcapLowvol, SmallestThenLowestVolatility) {
  // Without the tradability filter: candidates S1, S2, S3 (S4 is 4th smallest); the two calmest: S2 (0), S3.
  EXPECT_EQ(select_on_last_day(five_stock_market(false), false), (std::vector<int32_t>{1, 2}));
  // With it S1 (at limit-up) is dropped: candidates S2, S3, S4; S2 and S4 tie at 0 -> by code.
  EXPECT_EQ(select_on_last_day(five_stock_market(false)), (std::vector<int32_t>{1, 3}));
}

TEST(SmallcapLowvol, DropsNamesThatCannotBeBought) {
  // S2 suspended and S1 at limit-up on the signal day: candidates S3, S4 -> S4 (flat) first, then S3.
  EXPECT_EQ(select_on_last_day(five_stock_market(true)), (std::vector<int32_t>{3, 2}));
}

TEST(SmallcapLowvol, ParamsValidation) {
  SmallcapLowvolStrategy::Params p;
  p.holdings = 120;
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  p = decltype(p)();
  p.cash_months = {13};
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  p = decltype(p)();
  p.rebalance = "fortnightly";
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  // The phase: as a parameter or in the schedule text, once, and only for schedules that have one.
  p = decltype(p)();
  p.rebalance_phase = 1;
  EXPECT_NO_THROW(p.validate("strategy.params"));
  EXPECT_EQ(schedule_name(p.schedule()), "biweekly:1");
  p.rebalance = "biweekly:1";
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  p.rebalance = "month_end";
  EXPECT_THROW(p.validate("strategy.params"), ConfigError);
  p.rebalance_phase = 0;
  p.rebalance = "biweekly:1";
  EXPECT_NO_THROW(p.validate("strategy.params"));
  EXPECT_EQ(p.schedule().offset, 1);
}

// Three flat stocks on the trading days of 2022-02-28 .. 2022-03-31 (March 2022 has no exchange holiday).
// Returns the date of the first fill (the first rebalance, close fills) of a biweekly run from `start`.
std::string first_rebalance(const std::string& start, int phase, const std::string& rebalance = "biweekly") {
  std::vector<std::string> days;
  for (Date d = Date::from_ymd(2022, 2, 28); d <= Date::from_ymd(2022, 3, 31); d = d + 1)
    if (d.weekday() < 5) days.push_back(d.to_string());
  const std::vector<double> shares(days.size(), 1e8);
  const MarketData md = test::TinyMarketBuilder(days)
                            .stock("000001.SZ", std::vector<TinyBar>(days.size(), bar(10, 10)), {}, shares)
                            .stock("000002.SZ", std::vector<TinyBar>(days.size(), bar(11, 11)), {}, shares)
                            .stock("000003.SZ", std::vector<TinyBar>(days.size(), bar(12, 12)), {}, shares)
                            .build();
  SmallcapLowvolStrategy::Params p;
  p.index_size = 3;
  p.candidates = 3;
  p.holdings = 2;
  p.vol_window = 2;
  p.rebalance = rebalance;
  p.rebalance_phase = phase;
  p.validate("strategy.params");
  SmallcapLowvolStrategy strategy(p);
  BacktestConfig bc = test::config_with(FillMode::Close);
  bc.start = Date::parse(start);
  const RunResult result = Backtest(md, bc).run(strategy);
  return result.fills.empty() ? "" : result.fills.front().time.to_string();
}

TEST(SmallcapLowvol, BiweeklyPhaseAndAMidWeekStart) {
  // Monday 2022-03-07: phase 0 rebalances that day (and 03-21), phase 1 a week later (and 03-28).
  EXPECT_EQ(first_rebalance("2022-03-07", 0), "2022-03-07 15:00");
  EXPECT_EQ(first_rebalance("2022-03-07", 1), "2022-03-14 15:00");
  EXPECT_EQ(first_rebalance("2022-03-07", 0, "biweekly:1"), "2022-03-14 15:00");
  // Wednesday 2022-03-02 is not the first trading day of its week: the run's first week is that of 03-07,
  // so the strategy holds cash on 03-02 .. 03-04 and first rebalances on 03-07 (phase 1: 03-14).
  EXPECT_EQ(first_rebalance("2022-03-02", 0), "2022-03-07 15:00");
  EXPECT_EQ(first_rebalance("2022-03-02", 1), "2022-03-14 15:00");
}

}  // namespace
}  // namespace abt

namespace abt {
namespace {

TEST(SmallcapLowvol, CashMonthsSellEverythingAndRebuildAfterwards) {
  // Three flat stocks; rebalancing only on the first day of the run (2022-01-31); February is a cash month.
  const std::vector<double> shares(6, 1e8);
  const std::vector<std::string> days = {"2022-01-27", "2022-01-28", "2022-01-31",
                                         "2022-02-01", "2022-02-02", "2022-03-01"};
  const MarketData md = test::TinyMarketBuilder(days)
                            .stock("000001.SZ", std::vector<TinyBar>(6, bar(10, 10)), {}, shares)
                            .stock("000002.SZ", std::vector<TinyBar>(6, bar(11, 11)), {}, shares)
                            .stock("000003.SZ", std::vector<TinyBar>(6, bar(12, 12)), {}, shares)
                            .build();
  SmallcapLowvolStrategy::Params p;
  p.index_size = 3;
  p.candidates = 3;
  p.holdings = 2;
  p.vol_window = 2;
  p.rebalance = "every:100";
  p.cash_months = {2};
  SmallcapLowvolStrategy strategy(p);
  BacktestConfig bc = test::config_with(FillMode::Close);
  bc.start = md.calendar.day(2);
  const RunResult result = Backtest(md, bc).run(strategy);
  ASSERT_EQ(result.daily.size(), 4u);
  EXPECT_EQ(result.daily[0].holdings, 2);  // 2022-01-31: bought the two smallest (all equally calm)
  EXPECT_EQ(result.daily[1].holdings, 0);  // 2022-02-01: cash month
  EXPECT_EQ(result.daily[2].holdings, 0);
  EXPECT_EQ(result.daily[3].holdings, 2);  // 2022-03-01: rebuilt at once
  EXPECT_EQ(strategy.selection(), (std::vector<int32_t>{0, 1}));
}

}  // namespace
}  // namespace abt
