#pragma once
// Plain panel CSV adapter (docs/data-formats.md, "Plain panel CSV").
//
// Accepted layouts (column names are case-insensitive; order is free):
//  - long format, one row per (timestamp, symbol): a time column `date` / `datetime` (also `trade_date`,
//    `trade_time`), a symbol column `symbol` (also `code`, `ts_code`), `open,high,low,close,volume`, and any
//    extra numeric columns;
//  - one file per symbol: the same columns without the symbol column; the symbol is the file name stem
//    (`600519.SH.csv` -> "600519.SH").
// Timestamps: `YYYY-MM-DD` or `YYYYMMDD` for daily bars; `YYYY-MM-DD HH:MM[:SS]` (bar END time) for 60-minute
// bars, which must end at 10:30, 11:30, 14:00 or 15:00. A file holds one frequency (set by its first row).
// Columns named like standard fields (amount, adj_factor, pre_close, total_shares, float_shares, is_st) fill
// those fields; any other numeric column becomes an extra panel of that name; an optional text column `name`
// gives the instrument's display name. Empty cells are NaN in optional columns and an error in the required
// ones. Every malformed row stops the load with DataError "FILE:LINE: <what was expected>, got '...'".
// Panel assembly rules (calendar, instrument kinds, hourly -> daily aggregation, pre_close, listing dates):
// see MarketDataAssembler.
#include <filesystem>
#include <string>
#include <vector>

#include "data_adapters/assembly/market_data_assembler.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

struct PanelCsvOptions {
  /// Lower-case names of columns to ignore (e.g. non-numeric vendor columns).
  std::vector<std::string> ignore_columns;
  /// MarketData::source; defaults to "panel csv: " + the inputs.
  std::string source;
  /// When set, duplicate (timestamp, symbol) rows are dropped (the first kept) and listed here instead of
  /// throwing (MarketDataAssembler::set_quarantine_duplicates).
  std::vector<std::string>* quarantined = nullptr;
};

/// Loads panel CSV inputs: files, directories (every *.csv inside, sorted) or globs (`*`, `?` in the file
/// name part). Throws DataError on any malformed input.
MarketData load_panel_csv(const std::vector<std::filesystem::path>& inputs,
                          const PanelCsvOptions& options = {});

/// Adds the bars of one panel CSV file to `assembler` (to combine CSV files with other sources).
void read_panel_csv_file(const std::filesystem::path& file, const PanelCsvOptions& options,
                         MarketDataAssembler& assembler);

}  // namespace abt
