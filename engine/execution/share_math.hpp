#pragma once
// Share-count arithmetic shared by sizing and the pre-trade limits.
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace abt {

/// floor(x) in shares, tolerant of binary noise (0.1 x 100000 / 10 must give 1000, not 999); 0 for x <= 0,
/// NaN or infinity.
inline int64_t floor_shares(double x) {
  if (!(x > 0) || !std::isfinite(x)) return 0;
  return static_cast<int64_t>(std::floor(x + 1e-9 * std::max(1.0, x)));
}

}  // namespace abt
