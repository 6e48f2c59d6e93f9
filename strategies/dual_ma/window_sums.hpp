#pragma once
// The sums dual_ma records as its averages (`<symbol>_fast`, `<symbol>_slow`), as shared derived state
// (engine/data/derived_cache.hpp): for one instrument, frequency, price mode and window length, the sum of
// the signal prices (sma_window.hpp, dual_ma::signal_price) of every window of `window` bars ending at a row,
// added oldest first from 0: the same double as SmaWindow::sum_of_last over those bars. A sweep's variants
// that share a window length (1,000 fast x slow pairs have 65 lengths) then read the sum instead of adding
// `window` prices on every bar. Immutable once built; the sum at row r depends on rows <= r only.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

class WindowSums {
 public:
  /// `close` and `factor` (nullptr: raw prices) are one frequency's panels; window >= 1.
  WindowSums(const Panel& close, const Panel* factor, int32_t id, int32_t window);

  /// The sum of the window ending at `row` (NaN before the first full window).
  double at(int32_t row) const { return sums_[static_cast<size_t>(row)]; }
  int32_t rows() const { return static_cast<int32_t>(sums_.size()); }

 private:
  std::vector<double> sums_;
};

/// The sums of `data` for these settings (created on first use, then shared): the close and, when
/// `adjusted`, the adj_factor panel of frequency `f` (nullptr when the data lacks them).
std::shared_ptr<const WindowSums> shared_window_sums(const MarketData& data, Frequency f, bool adjusted,
                                                     int32_t id, int32_t window);

}  // namespace abt
