#include "engine/sim/timer_set.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "engine/core/error.hpp"

namespace abt {

TimerSet::TimerSet(const TradingCalendar& calendar, int32_t first_day)
    : calendar_(calendar), first_day_(first_day), first_week_(std::numeric_limits<int32_t>::max()) {
  for (int32_t d = std::max(first_day, 0); d < calendar.size(); ++d)
    if (calendar.is_first_of_week(d)) {
      first_week_ = calendar.week_ordinal(d);
      break;
    }
}

TimerId TimerSet::add(const Schedule& schedule) {
  require(schedule.n >= 1, "schedule " + schedule_name(schedule) + ": period n must be >= 1, got " +
                               std::to_string(schedule.n));
  require(schedule.offset >= 0, "schedule " + schedule_name(schedule) + ": offset must be >= 0, got " +
                                    std::to_string(schedule.offset));
  schedules_.push_back(schedule);
  return static_cast<TimerId>(schedules_.size() - 1);
}

bool TimerSet::due(TimerId id, int32_t day) const {
  const Schedule& s = schedules_[id];
  const int32_t k = day - first_day_;
  if (k < 0) return false;
  switch (s.kind) {
    case Schedule::Kind::EveryNDays:
      return k >= s.offset && (k - s.offset) % s.n == 0;
    case Schedule::Kind::Weekly: {
      if (!calendar_.is_first_of_week(day)) return false;
      const int32_t w = calendar_.week_ordinal(day) - first_week_;
      return w >= s.offset && (w - s.offset) % s.n == 0;
    }
    case Schedule::Kind::MonthStart:
      return k == 0 || calendar_.is_first_of_month(day);
    case Schedule::Kind::MonthEnd:
      return calendar_.is_last_of_month(day);
  }
  return false;
}

}  // namespace abt
