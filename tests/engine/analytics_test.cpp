// Issue 6 metrics on hand-computed series: risk ratios, benchmark-relative statistics, FIFO round trips, and
// the yearly/monthly/calendar tables.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/analytics/performance_metrics.hpp"
#include "engine/analytics/period_tables.hpp"
#include "engine/analytics/risk_statistics.hpp"
#include "engine/analytics/round_trips.hpp"

namespace abt {
namespace {

TEST(RiskStatistics, SortinoCalmarWinRate) {
  const std::vector<double> r = {0.1, -0.1, 0.2};
  // mean 0.0666..; downside deviation sqrt(0.01 / 3) with one year = one day.
  EXPECT_NEAR(sortino_ratio(r, 1, 0), (0.2 / 3) / std::sqrt(0.01 / 3), 1e-12);
  EXPECT_EQ(sortino_ratio(std::vector<double>{0.1, 0.2}, 243, 0), 0.0);  // no downside
  EXPECT_NEAR(calmar_ratio(0.12, 0.3), 0.4, 1e-12);
  EXPECT_EQ(calmar_ratio(0.12, 0.0), 0.0);
  EXPECT_NEAR(win_rate(r), 2.0 / 3, 1e-12);
  EXPECT_NEAR(win_rate(std::vector<double>{0.0, -0.1, 0.1, 0.2}), 0.5, 1e-12);  // zero is not a win
}

TEST(RiskStatistics, RelativeToBenchmark) {
  const std::vector<double> b = {0.01, -0.02, 0.02, 0.005};
  // Strategy = benchmark + 1 % a day: beta 1, no tracking error, alpha = 1 % x days_per_year.
  std::vector<double> r;
  for (double v : b) r.push_back(v + 0.01);
  RelativeStatistics s = relative_statistics(r, b, 243, 0);
  EXPECT_NEAR(s.beta, 1.0, 1e-12);
  EXPECT_NEAR(s.tracking_error, 0.0, 1e-12);
  EXPECT_EQ(s.information_ratio, 0.0);
  EXPECT_NEAR(s.alpha, 0.01 * 243, 1e-9);
  // Strategy = 2 x benchmark: beta 2, alpha 0; active return = benchmark, so TE = benchmark volatility.
  r.clear();
  for (double v : b) r.push_back(2 * v);
  s = relative_statistics(r, b, 243, 0);
  EXPECT_NEAR(s.beta, 2.0, 1e-12);
  EXPECT_NEAR(s.alpha, 0.0, 1e-12);
  const double mb = (0.01 - 0.02 + 0.02 + 0.005) / 4;
  double ss = 0;
  for (double v : b) ss += (v - mb) * (v - mb);
  const double te = std::sqrt(ss / 3) * std::sqrt(243.0);
  EXPECT_NEAR(s.tracking_error, te, 1e-12);
  EXPECT_NEAR(s.information_ratio, mb * 243 / te, 1e-12);
  // With a risk-free rate, alpha = (mr - rf_d - beta (mb - rf_d)) x dpy = (2 mb - rf_d - 2 mb + 2 rf_d) dpy =
  // rf.
  s = relative_statistics(r, b, 243, 0.0243);
  EXPECT_NEAR(s.alpha, 0.0243, 1e-12);
}

Fill fill(int day, InstrumentId id, Side side, int64_t qty, double price, double cost) {
  Fill f;
  f.time = Timestamp::of(Date::from_ymd(2024, 1, day), 9, 30);
  f.instrument = id;
  f.side = side;
  f.quantity = qty;
  f.price = price;
  f.cost = cost;
  return f;
}

TEST(RoundTrips, FifoPairingPerInstrumentWithProRataCosts) {
  const std::vector<Fill> fills = {
      fill(2, 0, Side::Buy, 100, 10.0, 10.0),   // lot A: 0.10 / share cost
      fill(3, 1, Side::Buy, 200, 5.0, 0.0),     // other instrument
      fill(3, 0, Side::Buy, 100, 12.0, 12.0),   // lot B: 0.12 / share
      fill(4, 0, Side::Sell, 150, 11.0, 15.0),  // 0.10 / share: closes A fully, half of B
      fill(5, 1, Side::Sell, 200, 6.0, 0.0),
  };
  const RoundTripSummary s = pair_round_trips(fills);
  ASSERT_EQ(s.trips.size(), 3u);
  EXPECT_EQ(s.trips[0].quantity, 100);
  EXPECT_NEAR(s.trips[0].pnl, 100 * (11 - 10 - 0.10 - 0.10), 1e-9);  // +80
  EXPECT_EQ(s.trips[1].quantity, 50);
  EXPECT_NEAR(s.trips[1].pnl, 50 * (11 - 12 - 0.12 - 0.10), 1e-9);  // -61
  EXPECT_EQ(s.trips[1].opened.date(), Date::from_ymd(2024, 1, 3));
  EXPECT_NEAR(s.trips[2].pnl, 200.0, 1e-9);
  EXPECT_NEAR(s.win_rate(), 2.0 / 3, 1e-12);
  ASSERT_TRUE(s.profit_factor().has_value());
  EXPECT_NEAR(*s.profit_factor(), 280.0 / 61.0, 1e-12);
  EXPECT_EQ(s.unmatched_sold, 0);
  // Only winners: no profit factor; a sell without an open buy is counted, not paired.
  const std::vector<Fill> winners = {fill(2, 0, Side::Buy, 100, 10, 0), fill(3, 0, Side::Sell, 150, 11, 0)};
  const RoundTripSummary w = pair_round_trips(winners);
  EXPECT_FALSE(w.profit_factor().has_value());
  EXPECT_EQ(w.unmatched_sold, 50);
}

TEST(PeriodTables, YearlyMonthlyAndCalendarEffects) {
  // Thu 2023-12-28, Fri 2023-12-29, Tue 2024-01-02, Wed 2024-01-03; daily returns +10 %, -10 %, +10 %, +10 %.
  const std::vector<Date> dates = {Date::from_ymd(2023, 12, 28), Date::from_ymd(2023, 12, 29),
                                   Date::from_ymd(2024, 1, 2), Date::from_ymd(2024, 1, 3)};
  const std::vector<double> navs = {110, 99, 108.9, 119.79};
  const std::vector<double> bench = {100, 100, 100, 110, 110};  // benchmark: 0, 0, +10 %, 0
  const PerformanceTables t = compute_tables(dates, navs, 100, bench);
  ASSERT_EQ(t.yearly.size(), 2u);
  EXPECT_EQ(t.yearly[0].period, "2023");
  EXPECT_NEAR(t.yearly[0].strategy, -0.01, 1e-12);
  EXPECT_NEAR(*t.yearly[0].benchmark, 0.0, 1e-12);
  EXPECT_NEAR(*t.yearly[0].excess, -0.01, 1e-12);
  EXPECT_EQ(t.yearly[1].period, "2024");
  EXPECT_NEAR(t.yearly[1].strategy, 0.21, 1e-12);
  EXPECT_NEAR(*t.yearly[1].benchmark, 0.10, 1e-12);
  EXPECT_NEAR(*t.yearly[1].excess, 0.11, 1e-12);
  ASSERT_EQ(t.monthly.size(), 2u);
  EXPECT_EQ(t.monthly[0].period, "2023-12");
  EXPECT_EQ(t.monthly[1].period, "2024-01");
  EXPECT_NEAR(t.monthly[1].strategy, 0.21, 1e-12);

  ASSERT_EQ(t.weekday.size(), 4u);  // Tue, Wed, Thu, Fri (in weekday order)
  EXPECT_EQ(t.weekday[0].label, "Tue");
  EXPECT_NEAR(t.weekday[0].mean_return, 0.1, 1e-12);
  EXPECT_NEAR(*t.weekday[0].mean_excess, 0.0, 1e-12);  // the benchmark also rose 10 %
  EXPECT_EQ(*t.weekday[0].excess_win_rate, 0.0);
  EXPECT_EQ(t.weekday[3].label, "Fri");
  EXPECT_NEAR(t.weekday[3].mean_return, -0.1, 1e-12);
  EXPECT_EQ(t.weekday[3].win_rate, 0.0);

  ASSERT_EQ(t.month.size(), 2u);  // Jan, Dec
  EXPECT_EQ(t.month[0].label, "Jan");
  EXPECT_EQ(t.month[0].count, 1);
  EXPECT_NEAR(t.month[0].mean_return, 0.21, 1e-12);
  EXPECT_EQ(t.month[0].win_rate, 1.0);
  EXPECT_EQ(t.month[1].label, "Dec");
  EXPECT_NEAR(*t.month[1].mean_excess, -0.01, 1e-12);

  const nlohmann::json j = tables_to_json(t);
  EXPECT_EQ(j["yearly"][1]["period"], "2024");
  EXPECT_EQ(j["weekday_effect"].size(), 4u);
  // Without a benchmark the benchmark and excess columns are null.
  const nlohmann::json plain = tables_to_json(compute_tables(dates, navs, 100, {}));
  EXPECT_TRUE(plain["monthly"][0]["benchmark"].is_null());
  EXPECT_TRUE(plain["month_effect"][0]["excess_win_rate"].is_null());
}

TEST(PerformanceMetrics, ExtendedMetricsFromDailyRecords) {
  RunResult rr;
  const double navs[] = {100, 120, 90, 60, 100, 125, 110};  // drawdown 120 -> 60, recovered on day 5
  for (int i = 0; i < 7; ++i) {
    DailyRecord d;
    d.date = Date::from_ymd(2024, 1, 1 + i);
    d.nav = navs[i];
    rr.daily.push_back(d);
  }
  rr.fills = {fill(2, 0, Side::Buy, 10, 10, 0), fill(3, 0, Side::Sell, 10, 9, 0)};
  MetricsOptions o;
  o.initial_cash = 100;
  const std::vector<double> bench = {50, 50, 60, 45, 30, 50, 62.5, 55};  // exactly half the NAV
  const PerformanceMetrics m = compute_metrics(rr, bench, o);
  EXPECT_EQ(m.max_drawdown_duration, 4);  // peak day 1 -> recovery day 5
  EXPECT_NEAR(m.calmar, m.annual_return / 0.5, 1e-12);
  EXPECT_NEAR(m.daily_win_rate, 3.0 / 7, 1e-12);  // +20 %, +66.7 %, +25 %; day 0 is flat
  EXPECT_EQ(m.round_trips, 1);
  EXPECT_EQ(m.trade_win_rate, 0.0);
  ASSERT_TRUE(m.profit_factor.has_value());  // one losing trip (-10), no profit
  EXPECT_EQ(*m.profit_factor, 0.0);
  ASSERT_TRUE(m.beta.has_value());
  EXPECT_NEAR(*m.beta, 1.0, 1e-12);  // identical returns
  EXPECT_NEAR(*m.tracking_error, 0.0, 1e-12);
  EXPECT_NEAR(*m.alpha, 0.0, 1e-12);
  EXPECT_NEAR(*m.benchmark_annual_volatility, m.annual_volatility, 1e-12);
  const nlohmann::json j = metrics_to_json(m);
  for (const char* key : {"sortino", "calmar", "max_drawdown_duration", "daily_win_rate", "round_trips",
                          "trade_win_rate", "profit_factor", "tracking_error", "information_ratio", "beta",
                          "alpha", "benchmark_annual_volatility"})
    EXPECT_TRUE(j.contains(key)) << key;
}

}  // namespace
}  // namespace abt
