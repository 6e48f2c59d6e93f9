#pragma once
// The ranked table of a sweep (sweep.csv, sweep.json; docs/sweeps.md). Pure functions of the finished
// variants: the same variants give byte-identical files whatever order they finished in.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/sweep_plan.hpp"

namespace abt {

struct SweepRow {
  SweepVariant variant;
  std::string status = "ok";  // "ok" or "error"
  std::string error;          // message when status is "error"
  nlohmann::json metrics;     // result.json metrics (null on error)
  std::string trades_hash;
  std::string dir;  // the variant's result directory, relative to the sweep directory
};

/// The sweep's description, echoed in sweep.json and checked by merge.
struct SweepHeader {
  nlohmann::json base_config;  // the config file's content
  nlohmann::json plan;         // the plan file's content
  std::string kind;
  std::vector<std::string> paths;
  int64_t total_variants = 0;  // in the whole plan
  std::vector<SweepShard> shards;
  std::string rank_by = "sharpe";
  bool complete = false;  // every variant of the sweep's shards has a row (merge: of the whole plan)
  /// The plugins the sweep loaded ([LoadedPlugin::to_json]); sweep.json "plugins" only when not empty.
  nlohmann::json plugins = nlohmann::json::array();
};

/// true when a lower value of `metric` is better (max_drawdown, annual_volatility, costs, turnover, ...).
bool lower_is_better(const std::string& metric);
/// Rows ordered best first by `rank_by`; errors and missing/null values last; ties by variant index.
std::vector<SweepRow> rank_rows(std::vector<SweepRow> rows, const std::string& rank_by);

std::string sweep_csv(const SweepHeader& header, const std::vector<SweepRow>& ranked);
nlohmann::json sweep_json(const SweepHeader& header, const std::vector<SweepRow>& ranked);

/// Reads DIR/sweep.json back (rows with dirs relative to DIR). Throws ConfigError naming the file.
std::pair<SweepHeader, std::vector<SweepRow>> read_sweep(const std::filesystem::path& dir);

/// Writes sweep.csv and sweep.json into `dir` atomically (rows ranked here).
void write_sweep(const std::filesystem::path& dir, const SweepHeader& header, std::vector<SweepRow> rows);

}  // namespace abt
