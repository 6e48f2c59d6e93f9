#pragma once
// One description of "a data source in a vendor format" shared by `abt data import` and the run config's
// "data" object ({"qlib": ...}, {"tdx": ...}); importing it yields MarketData aligned to one calendar.
// Sources named in a config are imported once and cached as a dataset (cached_import()); the cache key
// covers the spec and the path, size and modification time of every input file, so editing or adding a
// file re-imports.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/market_data.hpp"

namespace abt {

struct SourceSpec {
  std::string format;                         // "qlib", "tdx", "tushare", "akshare", "minute" or "csv"
  std::vector<std::filesystem::path> paths;   // the source directory / files (qlib: exactly one root)
  std::string market = "all";                 // qlib: instruments/<market>.txt
  std::vector<std::string> symbols;           // qlib: only these (empty = all); minute: one per file
  std::optional<std::filesystem::path> gbbq;  // gbbq table: tdx factors + shares; other formats shares
  bool hourly = true;                         // qlib: read 60-minute bins when present
  std::string qlib_volume = "shares";         // qlib: unit of volume bins, "shares" or "adjusted"
  bool qlib_all_features = false;             // qlib: also feature dirs not in instruments/all.txt
  std::string adjust;                         // akshare: "none", "qfq" or "hfq" (required)
  // Reference tables applied after the adapter (reference/reference_tables.hpp), any format:
  std::optional<std::filesystem::path> shares;                        // date,symbol,total_shares,float_shares
  std::optional<std::filesystem::path> st;                            // symbol,start,end
  std::optional<std::filesystem::path> listing;                       // symbol,list_date[,delist_date]
  std::optional<std::filesystem::path> ipo;                           // symbol,list_date,issue_price
  std::optional<std::filesystem::path> membership;                    // index,symbol,start,end
  std::vector<std::pair<std::string, std::filesystem::path>> series;  // external series (series_csv.hpp)
};

/// True for the formats import_source() understands.
bool is_source_format(std::string_view format);

/// Reads the source, applies the reference tables and series, then derives total_mv / circ_mv
/// (derive_market_cap: unadjusted close x shares) when the data has share counts but no market cap.
/// Throws DataError (bad files) or ConfigError (bad spec).
/// With `quarantined` (csv, tushare, akshare), duplicate (timestamp, symbol) rows are dropped, the first
/// kept, and listed there ("FILE:LINE: ...") instead of stopping the import.
MarketData import_source(const SourceSpec& spec, std::vector<std::string>* notes = nullptr,
                         std::vector<std::string>* quarantined = nullptr);

/// Parses the config form: {"qlib": "PATH"} / {"qlib": {"path": P, "market": M, "symbols": [...],
/// "hourly": B, "volume": "shares"|"adjusted", "all_features": B}}, {"tdx": "PATH" | ["PATH", ...] | {"path": P | [...], "gbbq": FILE}},
/// every object form also takes "shares", "st", "listing", "ipo", "membership" (paths) and "series": [{"name": N,
/// "file": F}];
/// {"tushare": PATH | [...] | {"path": ...}}, {"akshare": {"path": P | [...], "adjust": "none|qfq|hfq"}}.
/// `json_path` prefixes ConfigError messages; relative paths resolve against base_dir.
SourceSpec parse_source_spec(const std::string& format, const nlohmann::json& value,
                             const std::string& json_path, const std::filesystem::path& base_dir);
nlohmann::json source_spec_json(const SourceSpec& spec);

/// 16 hex digits identifying the spec and the current state (relative path, size, mtime) of every input file.
std::string source_cache_key(const SourceSpec& spec);

/// Imports into `cache_dir`/import-<format>-<key>/market.abtd unless that exists, then maps the dataset.
/// `imported` tells whether an import happened.
MarketData cached_import(const SourceSpec& spec, const std::filesystem::path& cache_dir, bool& imported,
                         std::vector<std::string>* notes = nullptr);

}  // namespace abt
