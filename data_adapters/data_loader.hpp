#pragma once
// Loads the market data a run config's "data" object describes (docs/configuration.md):
//   null / absent                      the default synthetic market (5,000 stocks, 2015-2024, seed 42),
//                                      generated on first use into the cache and reused
//   {"synthetic": {"stocks": N, "start": D, "end": D, "seed": S, "hourly": B}}   a synthetic market (cached)
//   {"dataset": "PATH"}               an abt binary dataset (file or directory with market.abtd)
//   {"csv": "PATH" | ["PATH", ...] | {"files": ..., "series": [{"name": "CN10Y", "file": "PATH"}]}}
//                                      plain panel CSV (+ series CSV), see csv/csv_source.hpp
//   {"qlib": PATH | {"path": P, "market": M, "symbols": [...], "hourly": B}}   a qlib data directory
//   {"tdx": PATH | [PATH, ...] | {"path": ..., "gbbq": FILE}}                TDX .day files
//   {"tushare": PATH | [...]}, {"akshare": {"path": ..., "adjust": "none"|"qfq"|"hfq"}}   vendor CSV
//   {"minute": PATH | [...] | {"path": ..., "symbols": [...]}}   1-minute CSV resampled to 60m and daily
//                                      imported on first use into the cache (key: spec + every input
//                                      file's path, size and mtime; import/source_import.hpp), then mapped
// Relative paths resolve against `base_dir` (the config file's directory). The cache directory is
// $ABT_CACHE_DIR, else $XDG_CACHE_HOME/abt, else ~/.cache/abt.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data_adapters/binary/verified_files.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

struct LoadedData {
  MarketData data;
  nlohmann::json resolved_spec;    // the spec with every default filled in (echoed in result.json)
  double load_seconds = 0;         // wall time (timing only)
  bool generated = false;          // true when a market was generated or imported (not read from the cache)
  std::vector<std::string> notes;  // what alignment did (e.g. series values on non-trading days dropped)
};

/// Throws ConfigError for a malformed spec (JSON path "data...."), DataError for unreadable data.
LoadedData load_market_data(const nlohmann::json& spec, const std::filesystem::path& base_dir);

std::filesystem::path default_cache_dir();

/// The record of dataset files whose checksums were verified (default_cache_dir()/verified): the loader
/// reads an unchanged dataset file without hashing it again (data_adapters/binary/verified_files.hpp).
VerifiedFiles verified_dataset_files();

}  // namespace abt
