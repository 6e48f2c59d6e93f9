#pragma once
// The timers a strategy registered, and which of them are due on a trading day. Timers fire at 15:00 after
// the daily BarClose and before SessionClose, in registration order (docs/event-ordering.md).
//
// Day k of the run is calendar day first_day + k. A schedule is due on day d when:
//  - EveryNDays(n, offset): k >= offset and (k - offset) % n == 0;
//  - Weekly(n, offset): d is the first trading day of its week within the run (the run's first day counts as
//    the first of its week), and w = (week of d) - (week of the run's first day) satisfies w >= offset and
//    (w - offset) % n == 0: biweekly fires in the run's first week, then every second calendar week
//    (a week without trading days still counts as a week);
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
  std::vector<Schedule> schedules_;
};

}  // namespace abt
