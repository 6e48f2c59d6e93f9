#pragma once
// Helpers that extend an already built MarketData (panels are immutable views, so adding a column means
// building new panels). Both return/modify a MarketData whose fingerprint is recomputed.
#include <map>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

/// `base` with `instrument` appended as the last column (id = base.instrument_count()), without copying its
/// panels: the new column is an appended column (engine/data/panel.hpp).
/// `daily[f]` holds one value per calendar day for standard field f (NaN where absent); every other daily
/// field, every extra panel and every hourly panel gets NaN in the new column. A field given in `daily` that
/// `base` lacks is created (NaN for the existing instruments). Throws DataError when the symbol exists or a
/// value vector does not have calendar.size() entries.
MarketData with_extra_instrument(const MarketData& base, const Instrument& instrument,
                                 const std::map<Field, std::vector<float>>& daily);

/// Adds (or refuses to replace) the external series `name`: `values[d]` for calendar day d. Throws DataError
/// when the name exists or the size is not calendar.size().
void add_series(MarketData& data, const std::string& name, std::vector<float> values);

}  // namespace abt
