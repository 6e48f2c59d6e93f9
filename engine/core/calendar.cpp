#include "engine/core/calendar.hpp"

#include <algorithm>

#include "engine/core/error.hpp"

namespace abt {

TradingCalendar::TradingCalendar(std::vector<Date> days) : days_(std::move(days)) {
  for (size_t i = 1; i < days_.size(); ++i)
    if (!(days_[i - 1] < days_[i]))
      throw DataError("trading calendar: day " + days_[i].to_string() + " at position " + std::to_string(i) +
                      " is not after " + days_[i - 1].to_string() + " (expected strictly increasing days)");
}

std::optional<int32_t> TradingCalendar::index_of(Date d) const {
  const auto it = std::lower_bound(days_.begin(), days_.end(), d);
  if (it == days_.end() || *it != d) return std::nullopt;
  return static_cast<int32_t>(it - days_.begin());
}

int32_t TradingCalendar::lower_bound(Date d) const {
  return static_cast<int32_t>(std::lower_bound(days_.begin(), days_.end(), d) - days_.begin());
}

int32_t TradingCalendar::last_on_or_before(Date d) const {
  return static_cast<int32_t>(std::upper_bound(days_.begin(), days_.end(), d) - days_.begin()) - 1;
}

int32_t TradingCalendar::week_ordinal(int32_t i) const {
  // 1970-01-05 was a Monday (day 4).
  const int32_t since_monday = days_[i].days - 4;
  return since_monday >= 0 ? since_monday / 7 : (since_monday - 6) / 7;
}

bool TradingCalendar::is_first_of_week(int32_t i) const {
  return i == 0 || week_ordinal(i - 1) != week_ordinal(i);
}

bool TradingCalendar::is_first_of_month(int32_t i) const {
  if (i == 0) return true;
  return days_[i - 1].month() != days_[i].month() || days_[i - 1].year() != days_[i].year();
}

bool TradingCalendar::is_last_of_month(int32_t i) const {
  if (i + 1 >= size()) {
    // Past the data's end: the day is the month's last trading day iff no weekday of the month follows.
    for (Date d = days_[i] + 1; d.month() == days_[i].month(); d = d + 1)
      if (d.weekday() < 5) return false;
    return true;
  }
  return days_[i + 1].month() != days_[i].month() || days_[i + 1].year() != days_[i].year();
}

}  // namespace abt
