#pragma once
// The `"data": {"csv": ...}` source of a run config:
//   "csv": "PATH"                       one file, directory or glob of panel CSV
//   "csv": ["PATH", ...]                several
//   "csv": {"files": "PATH" | [...], "series": [{"name": "CN10Y", "file": "PATH"}, ...],
//           "ignore_columns": ["name", ...]}
// Series files are attached after the panels (date,value -> a series; OHLC -> an Index instrument).
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/market_data.hpp"

namespace abt {

/// Loads the source; relative paths resolve against base_dir. Throws ConfigError for a malformed spec
/// (naming `path`), DataError for bad files. Alignment notes (series values on non-trading days, ...) are
/// appended to `notes`.
MarketData load_csv_source(const nlohmann::json& spec, const std::string& path,
                           const std::filesystem::path& base_dir, std::vector<std::string>& notes);

}  // namespace abt
