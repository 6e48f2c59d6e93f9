#pragma once
// Series CSV adapter (docs/data-formats.md, "Series CSV"): external daily series such as a government bond
// yield or a benchmark index.
//  - `date,<value>` (any name for the value column, e.g. `yield_pct`): becomes MarketData::series[name];
//  - `date,open,high,low,close[,volume]`: becomes an Index-kind instrument `name` (a new panel column).
// Dates are `YYYY-MM-DD` or `YYYYMMDD`, in any order, each at most once. Empty value cells are NaN; in OHLC
// files empty open/high/low/close cells are an error. Malformed rows throw DataError "FILE:LINE: ...".
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

struct SeriesCsv {
  std::string name;  // series name / index symbol
  std::string path;  // the file it came from
  bool is_ohlc = false;
  std::vector<Date> dates;
  std::vector<float> values;                // date,value files
  std::array<std::vector<float>, 5> ohlcv;  // OHLC files: open, high, low, close, volume (NaN without volume)
};

/// Reads a series file; `name` defaults to the file name stem.
SeriesCsv read_series_csv(const std::filesystem::path& file, std::string name = {});

/// What attach_series() did with dates that do not match the calendar.
struct SeriesAttachNote {
  size_t ignored_off_calendar = 0;  // values on non-trading days (dropped)
  size_t missing_on_calendar = 0;   // trading days without a value (NaN)
  std::string message;              // one sentence summarizing the above; empty when both are 0
};

/// Aligns `series` to data.calendar and adds it: a date,value series as data.series[name] (NaN on calendar
/// days the file lacks; values on other days ignored and counted in the note), an OHLC series as a new
/// Index-kind instrument (last column; list/delist dates from its first/last calendar value). Recomputes the
/// fingerprint. Throws DataError when the name already exists.
SeriesAttachNote attach_series(MarketData& data, const SeriesCsv& series);

}  // namespace abt
