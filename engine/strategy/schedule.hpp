#pragma once
// Timer schedules. A timer fires on matching trading days after the daily BarClose (15:00) and before
// SessionClose; see docs/event-ordering.md. Counting is in trading days of the calendar, starting at the
// first day of the backtest.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace abt {

struct Schedule {
  enum class Kind : uint8_t {
    EveryNDays,  // day k of the run fires when (k - offset) % n == 0
    Weekly,      // first trading day of every n-th week (n = 1 weekly, n = 2 biweekly), phase = first week
    MonthStart,  // first trading day of every month
    MonthEnd,    // last trading day of every month
  };
  Kind kind = Kind::EveryNDays;
  int32_t n = 1;       // period (days for EveryNDays, weeks for Weekly); >= 1
  int32_t offset = 0;  // EveryNDays: first firing day index within the run; Weekly: weeks to skip first

  static Schedule every_n_days(int32_t n, int32_t offset = 0) { return {Kind::EveryNDays, n, offset}; }
  static Schedule weekly(int32_t n_weeks = 1, int32_t offset = 0) { return {Kind::Weekly, n_weeks, offset}; }
  static Schedule month_start() { return {Kind::MonthStart, 1, 0}; }
  static Schedule month_end() { return {Kind::MonthEnd, 1, 0}; }
};

/// Parses "daily", "every:N", "weekly", "biweekly", "month_start", "month_end"; nullopt when unknown.
std::optional<Schedule> parse_schedule(std::string_view text);
std::string schedule_name(const Schedule& s);

using TimerId = int32_t;

}  // namespace abt
