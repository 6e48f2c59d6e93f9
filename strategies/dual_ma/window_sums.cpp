#include "strategies/dual_ma/window_sums.hpp"

#include <cmath>
#include <limits>

#include "engine/core/frequency.hpp"
#include "strategies/dual_ma/sma_window.hpp"

namespace abt {

WindowSums::WindowSums(const Panel& close, const Panel* factor, int32_t id, int32_t window)
    : sums_(static_cast<size_t>(close.rows()), std::numeric_limits<double>::quiet_NaN()) {
  std::vector<double> prices(static_cast<size_t>(close.rows()));
  for (int32_t r = 0; r < close.rows(); ++r)
    prices[static_cast<size_t>(r)] = dual_ma::signal_price(
        close(r, id), factor ? double{(*factor)(r, id)} : std::numeric_limits<double>::quiet_NaN());
  for (int32_t r = window - 1; r < close.rows(); ++r) {
    double sum = 0;
    for (int32_t i = r - window + 1; i <= r; ++i) sum += prices[static_cast<size_t>(i)];
    sums_[static_cast<size_t>(r)] = sum;
  }
}

std::shared_ptr<const WindowSums> shared_window_sums(const MarketData& data, Frequency f, bool adjusted,
                                                     int32_t id, int32_t window) {
  const BarData* bars = data.bars(f);
  const Panel* close = bars ? bars->find_field("close") : nullptr;
  const Panel* factor = bars && adjusted ? bars->find_field("adj_factor") : nullptr;
  if (!close || (adjusted && !factor) || id < 0 || id >= close->cols() || window < 1) return nullptr;
  const std::string settings = std::string("dual_ma_window_sums frequency=")
                                   .append(frequency_name(f))
                                   .append(adjusted ? " price=adjusted" : " price=raw")
                                   .append(" id=")
                                   .append(std::to_string(id))
                                   .append(" window=")
                                   .append(std::to_string(window));
  return derived_state<WindowSums>(data, settings, [&](const MarketData&) {
    return std::make_shared<const WindowSums>(*close, factor, id, window);
  });
}

}  // namespace abt
