#pragma once
// The table of target weights the target_weights strategy trades (docs/target-weights.md): a CSV file with
// the columns date, symbol, weight (in any order; a header line first) produced elsewhere (qlib, a pandas
// model). Each date holds one target portfolio: weight = fraction of NAV at the fill, >= 0, summing to at
// most 1 + tolerance per date (the rest is cash).
//
// Accepted: dates as YYYY-MM-DD (optionally followed by " 00:00:00", as pandas writes datetimes) or YYYYMMDD;
// symbols as the data names them ("600000.SH") or in qlib's form ("SH600000"); blank lines; a UTF-8 byte
// order mark; fields in double quotes. Refused, with "FILE:LINE: ..." (line 1 = the header): a missing or
// extra column, a malformed date, a date that is not a trading day of the data or lies outside its calendar,
// an unknown symbol, a weight that is not a finite number >= 0, a symbol listed twice on one date, weights of
// a date summing over 1 + tolerance.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/data/instrument.hpp"
#include "engine/strategy/order.hpp"

namespace abt {

struct WeightsTable {
  /// Calendar indices of the dates, ascending, each once.
  std::vector<int32_t> days;
  /// targets[k]: the weights of days[k], in file order (instrument ids of the data).
  std::vector<std::vector<WeightTarget>> targets;
  /// The first line of each date in the file (for messages).
  std::vector<int64_t> lines;
};

/// Resolves a symbol of the file to an instrument id (nullopt when unknown).
using SymbolLookup = std::function<std::optional<InstrumentId>(std::string_view)>;

/// Parses the text of `file` (named in messages). Throws ConfigError "FILE:LINE: ..." as described above.
WeightsTable parse_weights_table(std::string_view text, const std::string& file,
                                 const TradingCalendar& calendar, const SymbolLookup& find, double tolerance);

/// "600000.SH" for qlib's "SH600000" (likewise SZ, BJ); "" when `symbol` is not of that form.
std::string from_qlib_symbol(std::string_view symbol);

}  // namespace abt
