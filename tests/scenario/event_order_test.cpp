// The fixed event order of a trading day and the history a strategy sees at each event.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

MarketData two_days_hourly() {
  std::vector<std::vector<TinyBar>> hours;
  for (int d = 0; d < 2; ++d) {
    std::vector<TinyBar> h;
    for (int s = 0; s < 4; ++s) h.push_back(bar(10 + d + 0.1 * s, 10 + d + 0.1 * s + 0.01, 1000));
    hours.push_back(h);
  }
  return TinyMarketBuilder({"2024-01-02", "2024-01-03"})
      .stock("600000.SH", {bar(10.0, 10.31), bar(11.0, 11.31)})
      .hourly("600000.SH", hours)
      .build();
}

std::string hhmm(Timestamp t) {
  return t.to_string().substr(11);
}

TEST(EventOrder, HourlyThenDailyThenTimerThenSessionClose) {
  const MarketData md = two_days_hourly();
  std::vector<std::string> seen;
  bool checked_1030 = false;
  ScriptStrategy s;
  s.start = [&](Context& c) {
    c.subscribe(Frequency::Daily);
    c.subscribe(Frequency::Min60);
    c.schedule(Schedule::every_n_days(1));
  };
  s.session_open = [&](Context& c) {
    if (c.today_index() == 1) seen.push_back("session_open " + hhmm(c.now()));
  };
  s.bar = [&](Context& c, Frequency f) {
    if (c.today_index() != 1) return;
    seen.push_back(std::string(frequency_name(f)) + " " + hhmm(c.now()));
    if (f == Frequency::Min60 && hhmm(c.now()) == "10:30") {
      const HistoryView daily = c.history(Frequency::Daily, Field::Close, 100);
      const HistoryView hourly = c.history(Frequency::Min60, Field::Close, 100);
      ASSERT_EQ(daily.size(), 1);                // only day 0 has closed
      EXPECT_FLOAT_EQ(daily.at(0, 0), 10.31f);   // day 0's close
      ASSERT_EQ(hourly.size(), 5);               // 4 bars of day 0 + the 10:30 bar
      EXPECT_FLOAT_EQ(hourly.at(0, 0), 11.01f);  // the 10:30 bar of day 1
      EXPECT_FLOAT_EQ(hourly.at(1, 0), 10.31f);  // day 0's 15:00 bar
      EXPECT_THROW((void)daily.at(-1, 0), LookAheadError);
      checked_1030 = true;
    }
    if (f == Frequency::Daily) {
      const HistoryView daily = c.history(Frequency::Daily, Field::Close, 100);
      ASSERT_EQ(daily.size(), 2);
      EXPECT_FLOAT_EQ(daily.at(0, 0), 11.31f);
    }
  };
  s.timer = [&](Context& c, TimerId) {
    if (c.today_index() == 1) seen.push_back("timer " + hhmm(c.now()));
  };
  s.session_close = [&](Context& c) {
    if (c.today_index() == 1) seen.push_back("session_close " + hhmm(c.now()));
  };
  const RunResult r = Backtest(md, config_with(FillMode::NextOpen)).run(s);
  EXPECT_EQ(seen, (std::vector<std::string>{"session_open 09:30", "60m 10:30", "60m 11:30", "60m 14:00",
                                            "60m 15:00", "1d 15:00", "timer 15:00", "session_close 15:00"}));
  EXPECT_TRUE(checked_1030);
  EXPECT_EQ(r.events, 2 * 8);      // 8 events a day
  EXPECT_EQ(r.bars, 2 * (4 + 1));  // (4 hourly + 1 daily) rows x 1 instrument a day
}

TEST(EventOrder, UnsubscribedFrequenciesAreNotDelivered) {
  const MarketData md = two_days_hourly();
  int bars = 0;
  ScriptStrategy s;
  s.start = [&](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [&](Context&, Frequency f) {
    EXPECT_EQ(f, Frequency::Daily);
    ++bars;
  };
  Backtest(md, config_with(FillMode::NextOpen)).run(s);
  EXPECT_EQ(bars, 2);
}

TEST(EventOrder, StartAndEndClipToTheCalendar) {
  const MarketData md = two_days_hourly();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.start = Date::parse("2024-01-03");
  cfg.end = Date::parse("2030-01-01");
  int opens = 0;
  ScriptStrategy s;
  s.start = [&](Context& c) {
    // Before the first event the history holds the warm-up data before the start (day 0).
    EXPECT_EQ(c.history(Frequency::Daily, Field::Close, 10).size(), 1);
  };
  s.session_open = [&](Context&) { ++opens; };
  const RunResult r = Backtest(md, cfg).run(s);
  EXPECT_EQ(opens, 1);
  ASSERT_EQ(r.daily.size(), 1u);
  EXPECT_EQ(r.daily[0].date.to_string(), "2024-01-03");
  cfg.start = Date::parse("2025-01-01");
  EXPECT_THROW(Backtest(md, cfg), ConfigError);
}

/// A view built at day k has exactly k+1 rows and never returns data of day k+1.
TEST(LookAhead, DailyViewsEndAtTheCurrentDay) {
  std::vector<std::string> days;
  std::vector<TinyBar> bars;
  for (int i = 0; i < 20; ++i) {
    days.push_back(Date(Date::from_ymd(2024, 1, 1) + i).to_string());
    bars.push_back(bar(10 + i, 10.5 + i));
  }
  const MarketData md = TinyMarketBuilder(days).stock("600000.SH", bars).build();
  const Panel& close = md.daily.field(Field::Close);
  int checked = 0;
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.session_open = [&](Context& c) {
    EXPECT_EQ(c.history(Frequency::Daily, Field::Close, 1000).size(), c.today_index());
  };
  s.bar = [&](Context& c, Frequency) {
    const int32_t k = c.today_index();
    const HistoryView v = c.history(Frequency::Daily, Field::Close, 1000);
    ASSERT_EQ(v.size(), k + 1);
    std::vector<float> column(static_cast<size_t>(v.size()));
    ASSERT_EQ(v.copy_column(0, column), k + 1);
    for (int32_t i = 0; i <= k; ++i) EXPECT_EQ(column[i], close(i, 0));
    EXPECT_EQ(v.latest()[0], close(k, 0));
    EXPECT_THROW((void)v.at(-1, 0), LookAheadError);
    EXPECT_THROW((void)v.at(k + 1, 0), std::out_of_range);
    const HistoryView w = c.history(Frequency::Daily, Field::Close, 3);
    EXPECT_EQ(w.size(), std::min(3, k + 1));
    ++checked;
  };
  Backtest(md, config_with(FillMode::NextOpen)).run(s);
  EXPECT_EQ(checked, 20);
}

}  // namespace
}  // namespace abt::test
