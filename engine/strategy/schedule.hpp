#pragma once
// Timer schedules. A timer fires on matching trading days after the daily BarClose (15:00) and before
// SessionClose; see docs/event-ordering.md and engine/sim/timer_set.hpp for the exact firing rule. Counting
// is in trading days (EveryNDays) or calendar weeks (Weekly) from the start of the backtest.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace abt {

struct Schedule {
  enum class Kind : uint8_t {
    EveryNDays,  // day k of the run fires when k >= offset and (k - offset) % n == 0
    Weekly,      // first trading day of every n-th calendar week (n = 1 weekly, n = 2 biweekly)
    MonthStart,  // first trading day of every month
    MonthEnd,    // last trading day of every month
  };
  Kind kind = Kind::EveryNDays;
  int32_t n = 1;  // period (days for EveryNDays, weeks for Weekly); >= 1
  /// The phase, >= 0. EveryNDays: trading days of the run to skip before the first firing. Weekly: weeks to
  /// skip after the first week of the run that starts inside it (biweekly: 0 fires in that week, 1 in the
  /// next). Not used by MonthStart / MonthEnd.
  int32_t offset = 0;

  static Schedule every_n_days(int32_t n, int32_t offset = 0) { return {Kind::EveryNDays, n, offset}; }
  static Schedule weekly(int32_t n_weeks = 1, int32_t offset = 0) { return {Kind::Weekly, n_weeks, offset}; }
  static Schedule month_start() { return {Kind::MonthStart, 1, 0}; }
  static Schedule month_end() { return {Kind::MonthEnd, 1, 0}; }

  /// True for the kinds that take a phase (EveryNDays, Weekly).
  bool has_phase() const { return kind == Kind::EveryNDays || kind == Kind::Weekly; }
};

/// Largest N (days or weeks) and phase K of a schedule text (about 400 years of trading days).
inline constexpr int32_t kMaxScheduleCount = 100000;

/// Parses a schedule text; nullopt when unknown or malformed:
///   "daily" = every:1, "every:N" (N >= 1 trading days), "weekly", "biweekly", "weeks:N" (N >= 1 weeks),
///   "month_start", "month_end"; the kinds with a phase take an optional ":K" (K >= 0) suffix setting
///   Schedule::offset, e.g. "biweekly:1" (the second week, then every second week), "every:5:2".
///   N and K are at most kMaxScheduleCount.
std::optional<Schedule> parse_schedule(std::string_view text);
/// The text parse_schedule() reads back into `s`, e.g. "biweekly:1" ("biweekly" when the phase is 0).
std::string schedule_name(const Schedule& s);

using TimerId = int32_t;

}  // namespace abt
