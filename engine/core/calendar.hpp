#pragma once
// The trading calendar: the ordered list of trading days of a dataset. Day indices (0..size-1) are the row
// indices of every daily panel. Week/month predicates count trading days of this calendar.
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/core/time.hpp"

namespace abt {

class TradingCalendar {
 public:
  TradingCalendar() = default;
  /// `days` must be strictly increasing (throws DataError otherwise).
  explicit TradingCalendar(std::vector<Date> days);

  int32_t size() const { return static_cast<int32_t>(days_.size()); }
  bool empty() const { return days_.empty(); }
  Date day(int32_t index) const { return days_[index]; }
  const std::vector<Date>& days() const { return days_; }

  /// Index of `d` if it is a trading day.
  std::optional<int32_t> index_of(Date d) const;
  /// Index of the first trading day >= d (size() if none).
  int32_t lower_bound(Date d) const;
  /// Index of the last trading day <= d (-1 if none).
  int32_t last_on_or_before(Date d) const;

  /// True when day `i` is the first trading day of its ISO week (Monday-based).
  bool is_first_of_week(int32_t i) const;
  /// Monday-based week ordinal (weeks since 1970-01-05); consecutive calendar weeks differ by 1.
  int32_t week_ordinal(int32_t i) const;
  bool is_first_of_month(int32_t i) const;
  bool is_last_of_month(int32_t i) const;

 private:
  std::vector<Date> days_;
};

}  // namespace abt
