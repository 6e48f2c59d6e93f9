#include "engine/analytics/drawdown_periods.hpp"

#include <algorithm>

namespace abt {

std::vector<DrawdownPeriod> worst_drawdowns(std::span<const double> nav, size_t count) {
  std::vector<DrawdownPeriod> periods;
  if (nav.empty()) return periods;
  int32_t peak = 0;
  bool open = false;
  DrawdownPeriod current;
  for (int32_t i = 1; i < static_cast<int32_t>(nav.size()); ++i) {
    if (nav[i] >= nav[peak]) {
      if (open) {
        current.recovery = i;
        periods.push_back(current);
        open = false;
      }
      peak = i;
      continue;
    }
    const double depth = 1.0 - nav[i] / nav[peak];
    if (!open) {
      current = DrawdownPeriod{peak, i, -1, depth};
      open = true;
    } else if (depth > current.depth) {
      current.trough = i;
      current.depth = depth;
    }
  }
  if (open) periods.push_back(current);
  std::stable_sort(periods.begin(), periods.end(),
                   [](const DrawdownPeriod& a, const DrawdownPeriod& b) { return a.depth > b.depth; });
  if (periods.size() > count) periods.resize(count);
  return periods;
}

}  // namespace abt
