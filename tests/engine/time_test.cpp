#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "engine/core/calendar.hpp"
#include "engine/core/error.hpp"
#include "engine/core/time.hpp"

namespace abt {
namespace {

TEST(Date, RoundTripsCivilDates) {
  const Date d = Date::from_ymd(2023, 8, 28);
  EXPECT_EQ(d.to_string(), "2023-08-28");
  EXPECT_EQ(d.yyyymmdd(), 20230828);
  EXPECT_EQ(d.weekday(), 0);  // a Monday
  EXPECT_EQ(Date::from_ymd(1970, 1, 1).days, 0);
  EXPECT_EQ(Date::parse("20200224").to_string(), "2020-02-24");
  EXPECT_EQ(Date::from_ymd(2024, 3, 1) - Date::from_ymd(2024, 2, 28), 2);  // leap year
}

TEST(Date, TheOpenEndedSentinelsFormatWithoutOverflow) {
  // Messages format Date::max() (still listed) eagerly; this overflowed int32 (UBSan) before.
  EXPECT_EQ(Date::max().to_string(), "5881580-07-11");
  EXPECT_EQ(Date::min().to_string(), "-5877641-06-23");
  EXPECT_EQ(Date::max().yyyymmdd(), 99991231);
  EXPECT_EQ(Date::min().yyyymmdd(), 0);
  EXPECT_EQ(Date::max().year(), 5881580);
}

TEST(Date, RejectsMalformedText) {
  Date d;
  EXPECT_FALSE(Date::try_parse("2023-02-29", d));
  EXPECT_FALSE(Date::try_parse("2023-13-01", d));
  EXPECT_FALSE(Date::try_parse("2023/01/01", d));
  EXPECT_THROW(Date::parse("x", "config.start"), ConfigError);
}

TEST(Timestamp, BarsAreStampedAtTheirClose) {
  const Timestamp t = Timestamp::parse("2024-01-02 10:30");
  EXPECT_EQ(t.date().to_string(), "2024-01-02");
  EXPECT_EQ(t.minute_of_day(), 630);
  EXPECT_EQ(t.to_string(), "2024-01-02 10:30");
  EXPECT_EQ(Timestamp::parse("2024-01-02").to_string(), "2024-01-02 15:00");
  EXPECT_EQ(Timestamp::parse("2024-01-02 14:00:00").minute_of_day(), 840);
  Timestamp bad;
  EXPECT_FALSE(Timestamp::try_parse("2024-01-02 14:00:30", bad));
}

TEST(TradingCalendar, WeekAndMonthBoundaries) {
  // Fri 2024-01-26, Mon 01-29, Wed 01-31, Thu 02-01, Mon 02-05.
  TradingCalendar cal({Date::parse("2024-01-26"), Date::parse("2024-01-29"), Date::parse("2024-01-31"),
                       Date::parse("2024-02-01"), Date::parse("2024-02-05")});
  EXPECT_TRUE(cal.is_first_of_week(1));
  EXPECT_FALSE(cal.is_first_of_week(2));
  EXPECT_TRUE(cal.is_first_of_week(4));
  EXPECT_TRUE(cal.is_last_of_month(2));
  EXPECT_TRUE(cal.is_first_of_month(3));
  EXPECT_FALSE(cal.is_last_of_month(4));  // February continues past the data
  EXPECT_EQ(cal.index_of(Date::parse("2024-01-31")), 2);
  EXPECT_FALSE(cal.index_of(Date::parse("2024-01-30")).has_value());
  EXPECT_EQ(cal.lower_bound(Date::parse("2024-01-30")), 2);
  EXPECT_EQ(cal.last_on_or_before(Date::parse("2024-01-30")), 1);
  EXPECT_THROW(TradingCalendar({Date::parse("2024-01-02"), Date::parse("2024-01-02")}), DataError);
}

TEST(Date, TextEqualsPrintfForEveryDayAndMinute) {
  // to_string writes the digits itself for years 0..9999 and falls back to snprintf outside.
  auto printf_date = [](Date d) {
    int y, m, day;
    d.to_ymd(y, m, day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
    return std::string(buf);
  };
  for (int32_t days = Date::from_ymd(-3, 1, 1).days; days <= Date::from_ymd(10001, 12, 31).days; days += 7)
    ASSERT_EQ(Date{days}.to_string(), printf_date(Date{days})) << days;
  const Date d = Date::from_ymd(2024, 2, 29);
  for (int minute = 0; minute < 1440; ++minute) {
    char hm[24];
    std::snprintf(hm, sizeof hm, " %02d:%02d", minute / 60, minute % 60);
    ASSERT_EQ(Timestamp::of(d, minute / 60, minute % 60).to_string(), std::string("2024-02-29").append(hm));
  }
}

}  // namespace
}  // namespace abt
