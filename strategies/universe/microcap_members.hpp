#pragma once
// The micro-cap index's members day by day (for `abt run --members`: members.csv, to compare with a vendor's
// constituent list): the same rules and ranks as microcap_index_levels (microcap_index.hpp).
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "engine/data/market_data.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

/// Calls `each(day, members, caps)` for every calendar day in [first, last]: the members decided at that
/// day's close in ascending (cap, code) order and the ranking caps by instrument id (CNY). Days before
/// `first` are processed (the IPO state needs them) but not reported.
void for_each_microcap_day(
    const MarketData& data, const MicrocapIndexParams& params, int32_t first, int32_t last,
    const std::function<void(int32_t, std::span<const int32_t>, std::span<const double>)>& each);

}  // namespace abt
