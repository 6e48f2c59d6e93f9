#pragma once
// Share-count arithmetic shared by sizing, lot rounding and the pre-trade limits.
#include <algorithm>
#include <cmath>

#include "engine/core/quantity.hpp"

namespace abt {

/// floor(x) in whole shares, tolerant of binary noise (0.1 x 100000 / 10 must give 1000, not 999); 0 for
/// x <= 0, NaN or infinity.
inline Quantity floor_shares(double x) {
  if (!(x > 0) || !std::isfinite(x)) return 0;
  return std::floor(x + 1e-9 * std::max(1.0, x));
}

}  // namespace abt
