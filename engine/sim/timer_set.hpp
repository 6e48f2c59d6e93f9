#pragma once
// The timers a strategy registered, and which of them are due on a trading day. Timers fire at 15:00 after
// the daily BarClose and before SessionClose, in registration order (docs/event-ordering.md).
//
// Day k of the run is calendar day first_day + k. A schedule is due on day d when:
//  - EveryNDays(n, offset): k >= offset and (k - offset) % n == 0;
//  - Weekly(n, offset): d is the first trading day of its calendar week (ISO, Monday-based:
//    TradingCalendar::is_first_of_week), and w = (week of d) - (week of the run's first week) satisfies
//    w >= offset and (w - offset) % n == 0. The run's first week is the first calendar week whose first
//    trading day lies in the run: the week of the run's first day when the run starts on the first trading
//    day of a week, else the next week with a trading day. A run starting on a Wednesday therefore does not
//    fire on that Wednesday (it is not the first trading day of its week); a weekly or biweekly timer with
//    phase 0 first fires on the first trading day of the next week, so a strategy that only trades on its
//    timer holds cash until then. Weeks are calendar weeks: a week without trading days still counts, so
//    biweekly keeps its phase across a holiday week;
//  - MonthStart: d is the first trading day of its month within the run (the run's first day counts);
//  - MonthEnd: d is the last trading day of its month (TradingCalendar::is_last_of_month).
#include <cstdint>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/strategy/schedule.hpp"

namespace abt {

class TimerSet {
 public:
  /// `calendar` must outlive the set; first_day = calendar index of the run's first day.
  TimerSet(const TradingCalendar& calendar, int32_t first_day);

  /// Registers a schedule (throws ConfigError when n < 1 or offset < 0); ids are 0, 1, 2, ...
  TimerId add(const Schedule& schedule);
  int32_t size() const { return static_cast<int32_t>(schedules_.size()); }
  const Schedule& schedule(TimerId id) const { return schedules_[id]; }
  /// True when timer `id` fires on calendar day `day` (first_day <= day).
  bool due(TimerId id, int32_t day) const;

 private:
  const TradingCalendar& calendar_;
  int32_t first_day_;
  int32_t first_week_;  // week ordinal of the run's first week (see above); INT32_MAX when none
  std::vector<Schedule> schedules_;
};

}  // namespace abt
