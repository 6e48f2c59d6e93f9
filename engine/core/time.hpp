#pragma once
// Time in abt. All dates and times are exchange-local (Beijing) wall-clock values; there are no time zones.
// Date is a calendar day; Timestamp is *the* event time type: minutes since 1970-01-01 00:00.
// Convention (architecture rule 1): a bar is stamped at its close (daily bar -> 15:00 of its day;
// 60-minute bars -> 10:30, 11:30, 14:00, 15:00).
#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace abt {

/// A calendar day as days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int32_t days = 0;

  static Date from_ymd(int year, int month, int day);
  /// Parses "YYYY-MM-DD" or "YYYYMMDD"; returns false on malformed or impossible dates.
  static bool try_parse(std::string_view text, Date& out);
  /// Like try_parse, throws ConfigError("<what>: expected a date YYYY-MM-DD, got '...'") on failure.
  static Date parse(std::string_view text, std::string_view what = "date");
  static constexpr Date max() { return Date{std::numeric_limits<int32_t>::max()}; }
  static constexpr Date min() { return Date{std::numeric_limits<int32_t>::min()}; }

  void to_ymd(int& year, int& month, int& day) const;
  int year() const;
  int month() const;
  /// 0 = Monday ... 6 = Sunday.
  int weekday() const;
  /// "YYYY-MM-DD".
  std::string to_string() const;
  /// YYYYMMDD as an integer, e.g. 20230828 (99991231 after year 9999, 0 before year 0: Date::max(), min()).
  int32_t yyyymmdd() const;

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr Date operator+(Date d, int n) { return Date{d.days + n}; }
  friend constexpr int operator-(Date a, Date b) { return a.days - b.days; }
};

/// The event time: minutes since 1970-01-01 00:00 exchange-local time.
struct Timestamp {
  int64_t minutes = 0;

  static constexpr Timestamp of(Date d, int hour, int minute) {
    return Timestamp{int64_t{d.days} * 1440 + hour * 60 + minute};
  }
  /// Parses "YYYY-MM-DD HH:MM[:SS]" (seconds must be 0) or a bare date (-> 15:00, the daily close).
  static bool try_parse(std::string_view text, Timestamp& out);
  static Timestamp parse(std::string_view text, std::string_view what = "timestamp");

  constexpr Date date() const {
    return Date{static_cast<int32_t>(minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440)};
  }
  constexpr int minute_of_day() const { return static_cast<int>(minutes - int64_t{date().days} * 1440); }
  /// "YYYY-MM-DD HH:MM".
  std::string to_string() const;

  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;
};

}  // namespace abt
