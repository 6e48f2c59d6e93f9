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
}

TEST(TimerSet, WeeklyFiresOnTheFirstTradingDayOfEachWeek) {
  const auto cal = hand_calendar();
  EXPECT_EQ(fire_days(cal, 0, Schedule::weekly()), (V{"01-29", "02-05", "02-19", "02-26", "03-05"}));
  // A run starting on a Wednesday fires on its first day (the first trading day of the run's week).
  EXPECT_EQ(fire_days(cal, 2, Schedule::weekly()), (V{"01-31", "02-05", "02-19", "02-26", "03-05"}));
}

TEST(TimerSet, BiweeklyCountsCalendarWeeksFromTheRunsFirstWeek) {
  const auto cal = hand_calendar();
  // Weeks since the first: 01-29 -> 0, 02-05 -> 1, (02-12 -> 2, no trading), 02-19 -> 3, 02-26 -> 4, 03-05
  // -> 5.
  EXPECT_EQ(fire_days(cal, 0, *parse_schedule("biweekly")), (V{"01-29", "02-26"}));
  // Starting in the week of 02-05: weeks 0 (02-05), 2 (02-19), 4 (03-05).
  EXPECT_EQ(fire_days(cal, 5, *parse_schedule("biweekly")), (V{"02-05", "02-19", "03-05"}));
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
