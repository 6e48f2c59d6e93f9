#pragma once
// Builds the two index instruments from the simulated stock columns (base 1000 on the first calendar day):
//  - BROAD.IDX: cap-weighted index of every listed stock; weights = total market cap at the previous close,
//    returns = price / PreClose - 1 (equal to adjusted returns, so dividends and splits do not move it);
//  - MAOTAI.IDX: cap-weighted basket of the 15 largest stocks, membership fixed at the close before the first
//    trading day of each quarter (Moutai-index-like "core assets").
// Open/high/low are the weighted constituent open/high/low returns (so high >= max(open, close)). Hourly
// index bars use the constituents' hourly bars; the hourly bar with the highest high (lowest low) carries
// the daily high (low), so hourly bars aggregate exactly to the daily bar. Volume/amount are sums.
#include <cstdint>
#include <vector>

#include "data_adapters/synth/synth_panels.hpp"
#include "engine/core/calendar.hpp"

namespace abt::synth {

inline constexpr int32_t kMaotaiIndexSize = 15;

/// Writes the index of the stock columns [0, stock_count) into column `index_column` (daily and, when
/// present, hourly buffers). `top_basket` selects the quarterly top-by-cap basket instead of all stocks.
void build_index(SynthPanels& panels, const TradingCalendar& calendar, int32_t stock_count,
                 int32_t index_column, bool top_basket);

}  // namespace abt::synth
