#pragma once
// Drawdown periods of a NAV series (report.html "worst drawdowns"): each period runs from a peak to the day
// the NAV first regains it (the recovery), with its trough; a period still open at the end has no recovery.
#include <cstdint>
#include <span>
#include <vector>

namespace abt {

struct DrawdownPeriod {
  int32_t peak = 0;       // index of the peak
  int32_t trough = 0;     // index of the lowest NAV before the recovery
  int32_t recovery = -1;  // index of the first NAV >= the peak again; -1 while not recovered
  double depth = 0;       // 1 - trough / peak (positive fraction)
  int32_t length() const { return (recovery < 0 ? trough : recovery) - peak; }  // days peak -> recovery
};

/// The `count` deepest drawdown periods of `nav` (deepest first; ties by earlier peak).
std::vector<DrawdownPeriod> worst_drawdowns(std::span<const double> nav, size_t count);

}  // namespace abt
