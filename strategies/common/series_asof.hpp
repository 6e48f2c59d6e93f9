#pragma once
// As-of reads of external series (a yield, an index level): series have NaN on calendar days without a
// value, so a decision reads the latest value at most `max_age` trading days old, never a later one.
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/data/history_view.hpp"

namespace abt {

/// The latest non-NaN value of column `col` among lags [lag, lag + max_age] of `view` (clipped to the
/// window); NaN when there is none.
inline double latest_within(const HistoryView& view, int32_t lag, int32_t max_age, int32_t col = 0) {
  for (int32_t l = lag; l <= lag + max_age && l < view.size(); ++l) {
    const float v = view.at(l, col);
    if (!std::isnan(v)) return v;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace abt
