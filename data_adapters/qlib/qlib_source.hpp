#pragma once
// Reader of the Microsoft qlib binary layout (docs/data-formats.md, "qlib binary layout"):
//   calendars/day.txt            one YYYY-MM-DD a line (the trading calendar)
//   calendars/60min.txt          optional, one "YYYY-MM-DD HH:MM[:SS]" a line (60-minute bars)
//   instruments/<market>.txt     CODE<TAB>start<TAB>end (selects the instruments; all feature dirs if absent;
//                                with market "all", directories it does not list are named in a note, or read
//                                with all_features); a code may have several lines (intervals, end >= start)
//                                or stand alone (the whole calendar): values outside an instrument's
//                                intervals are NaN in every field, so a csi300 stock is present only while
//                                it is listed
//   features/<code>/<field>.day.bin, <field>.60min.bin   see qlib_bin.hpp
// Conversion to abt's conventions (field.hpp):
//   - qlib prices (open/high/low/close/vwap) are back-adjusted: unadjusted = price / factor, rounded to the
//     0.01 tick for stocks; AdjFactor = factor, so adjusted price = unadjusted x AdjFactor = the qlib price;
//   - indices (SH000xxx, SZ399xxx) have no factor: prices are kept as they are and AdjFactor = 1;
//     a stock without a factor file is taken as unadjusted (AdjFactor 1) and reported in notes;
//   - volume: QlibOptions::volume says its unit: "shares" (default; community dumps such as the public
//     fr220574 dump store shares) or "adjusted" (official qlib dumps store shares / factor: volume x factor
//     gives shares); when the data has an amount, a note warns if the median of amount / (shares x close)
//     over traded bars is outside [0.5, 2] (a wrong unit); amount is CNY; total_share(s)/float_share(s) become
//     TotalShares/FloatShares, factor AdjFactor, any other field an extra panel under its file name;
//   - suspended days (volume 0) with a close but no open/high/low get open = high = low = close;
//   - PreClose is derived (previous close x previous factor / factor; unknown (NaN) on the first bar: qlib
//     has no issue price, see the IPO table in reference_tables.hpp);
//   - list_date / delist_date = first / last day with a close (list = Date::min(), "before the data", when
//     that is the first calendar day; delist = Date::max() when the instrument trades on the last calendar
//     day).
// Values are checked against their field's domain (qlib_bin.hpp), calendars hold market dates only
// (engine/core/value_domain.hpp).
// 60-minute stamps may be bar starts (09:30, 10:30, 13:00, 14:00, qlib's convention) or bar ends (10:30,
// 11:30, 14:00, 15:00): a calendar containing 09:30 or 13:00 is read as starts, otherwise as ends.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

struct QlibOptions {
  std::string market = "all";        // instruments/<market>.txt
  std::vector<std::string> symbols;  // when non-empty, only these (any spelling normalize_symbol accepts)
  bool hourly = true;                // read 60-minute bins when calendars/60min.txt exists
  std::string volume = "shares";     // unit of volume.*.bin: "shares" or "adjusted" (shares / factor)
  bool all_features = false;         // market "all": also read feature dirs not in instruments/all.txt
};

/// Reads a qlib data directory. Throws DataError naming the file and line/offset on malformed input.
/// `notes` receives one sentence per skipped instrument or assumption made.
MarketData read_qlib(const std::filesystem::path& root, const QlibOptions& options,
                     std::vector<std::string>* notes = nullptr);

}  // namespace abt
