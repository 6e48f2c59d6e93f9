#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/sim/timer_set.hpp"

namespace abt {
namespace {

// Weekdays 2024-01-29 (Mon) .. 2024-03-08 (Fri) without the Spring Festival closure (02-09 .. 02-16, so the
// week of 02-12 has no trading day) and without Monday 03-04.
TradingCalendar hand_calendar() {
  std::vector<Date> days;
  for (Date d = Date::from_ymd(2024, 1, 29); d <= Date::from_ymd(2024, 3, 8); d = d + 1) {
    if (d.weekday() >= 5) continue;
    if (d >= Date::from_ymd(2024, 2, 9) && d <= Date::from_ymd(2024, 2, 16)) continue;
    if (d == Date::from_ymd(2024, 3, 4)) continue;
    days.push_back(d);
  }
  return TradingCalendar(days);
}

std::vector<std::string> fire_days(const TradingCalendar& cal, int32_t first_day, const Schedule& s) {
  TimerSet timers(cal, first_day);
  const TimerId id = timers.add(s);
  std::vector<std::string> out;
  for (int32_t d = first_day; d < cal.size(); ++d)
    if (timers.due(id, d)) out.push_back(cal.day(d).to_string().substr(5));
  return out;
}

using V = std::vector<std::string>;

TEST(TimerSet, EveryThreeTradingDays) {
  const auto cal = hand_calendar();
  ASSERT_EQ(cal.size(), 23);
  EXPECT_EQ(fire_days(cal, 0, Schedule::every_n_days(3)),
            (V{"01-29", "02-01", "02-06", "02-19", "02-22", "02-27", "03-01", "03-07"}));
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("every:3")), fire_days(cal, 0, Schedule::every_n_days(3)));
  // Phase 1: the first firing is day 1 of the run.
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("every:3:1")),
            (V{"01-30", "02-02", "02-07", "02-20", "02-23", "02-28", "03-05", "03-08"}));
}

TEST(TimerSet, WeeklyFiresOnTheFirstTradingDayOfEachWeek) {
  const auto cal = hand_calendar();
  EXPECT_EQ(fire_days(cal, 0, Schedule::weekly()), (V{"01-29", "02-05", "02-19", "02-26", "03-05"}));
  // A run starting on a Wednesday does not fire on that Wednesday (not the first trading day of its week):
  // the first firing is the next week's first trading day.
  EXPECT_EQ(fire_days(cal, 2, Schedule::weekly()), (V{"02-05", "02-19", "02-26", "03-05"}));
  // Tuesday 03-05 is the first trading day of its week (Monday 03-04 is closed).
  EXPECT_EQ(fire_days(cal, 19, Schedule::weekly()), (V{"03-05"}));
  EXPECT_EQ(fire_days(cal, 20, Schedule::weekly()), V{});
}

TEST(TimerSet, BiweeklyCountsCalendarWeeksFromTheRunsFirstWeek) {
  const auto cal = hand_calendar();
  // Weeks since the first: 01-29 -> 0, 02-05 -> 1, (02-12 -> 2, no trading), 02-19 -> 3, 02-26 -> 4, 03-05
  // -> 5.
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("biweekly")), (V{"01-29", "02-26"}));
  // Starting in the week of 02-05: weeks 0 (02-05), 2 (02-19), 4 (03-05).
  EXPECT_EQ(fire_days(cal, 5, *parse_schedule("biweekly")), (V{"02-05", "02-19", "03-05"}));
}

TEST(TimerSet, BiweeklyPhaseSkipsWeeks) {
  const auto cal = hand_calendar();
  // Phase 1: weeks 1 (02-05), 3 (02-19), 5 (03-05) of a run starting on Monday 01-29.
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("biweekly:1")), (V{"02-05", "02-19", "03-05"}));
  EXPECT_EQ(fire_days(cal, 0, Schedule::weekly(2, 1)), fire_days(cal, 0, *parse_schedule("biweekly:1")));
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("biweekly:0")), (V{"01-29", "02-26"}));
  // weeks:3 from 01-29: weeks 0 and 3; with phase 2: weeks 2 (02-12, no trading) and 5 (03-05).
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("weeks:3")), (V{"01-29", "02-19"}));
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("weeks:3:2")), (V{"03-05"}));
}

TEST(TimerSet, BiweeklyStartingMidWeekCountsFromTheNextWeek) {
  const auto cal = hand_calendar();
  // Start on Wednesday 01-31: the run's first week is the week of 02-05 (week 0), so phase 0 fires on 02-05,
  // 02-19 (week 2), 03-05 (week 4) and the two days 01-31 .. 02-02 pass without a rebalance.
  EXPECT_EQ(fire_days(cal, 2, *parse_schedule("biweekly")), (V{"02-05", "02-19", "03-05"}));
  EXPECT_EQ(fire_days(cal, 2, *parse_schedule("biweekly:1")), (V{"02-26"}));
  // Start on Thursday 02-08: the next week (02-12) has no trading day, so the first week is that of 02-19.
  EXPECT_EQ(fire_days(cal, 8, *parse_schedule("biweekly")), (V{"02-19", "03-05"}));
}

TEST(Schedule, ParsesPhasesAndNamesRoundTrip) {
  for (const char* text : {"daily", "every:5", "every:5:2", "weekly", "weekly:1", "biweekly", "biweekly:1",
                           "weeks:3", "weeks:3:2", "month_start", "month_end", "daily:3"}) {
    const auto s = parse_schedule(text);
    ASSERT_TRUE(s) << text;
    EXPECT_EQ(schedule_name(*s), text);
  }
  const Schedule b = *parse_schedule("biweekly:1");
  EXPECT_EQ(b.kind, Schedule::Kind::Weekly);
  EXPECT_EQ(b.n, 2);
  EXPECT_EQ(b.offset, 1);
  EXPECT_EQ(parse_schedule("every:5:2")->offset, 2);
  EXPECT_EQ(schedule_name(*parse_schedule("biweekly:0")), "biweekly");
  for (const char* bad : {"biweekly:", "biweekly:-1", "biweekly:x", "every:0", "every:5:", "every:5:1:2",
                          "weeks:0", "month_start:1", "fortnightly", "every"})
    EXPECT_FALSE(parse_schedule(bad)) << bad;
  EXPECT_TRUE(Schedule::weekly(2).has_phase());
  EXPECT_FALSE(Schedule::month_end().has_phase());
}

TEST(TimerSet, MonthStartAndMonthEnd) {
  const auto cal = hand_calendar();
  EXPECT_EQ(fire_days(cal, 0, Schedule::month_start()), (V{"01-29", "02-01", "03-01"}));
  // 03-08 is not the last trading day of March (the calendar ends before the month does).
  EXPECT_EQ(fire_days(cal, 0, Schedule::month_end()), (V{"01-31", "02-29"}));
}

TEST(TimerSet, RejectsBadSchedules) {
  const auto cal = hand_calendar();
  TimerSet timers(cal, 0);
  EXPECT_THROW(timers.add(Schedule::every_n_days(0)), ConfigError);
  EXPECT_THROW(timers.add(Schedule::weekly(1, -1)), ConfigError);
}

}  // namespace
}  // namespace abt
