#pragma once
// Everything one backtest run produced, ready to be written (result_writer.hpp) or compared.
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/analytics/performance_metrics.hpp"
#include "engine/analytics/period_tables.hpp"
#include "engine/sim/run_result.hpp"

namespace abt {

struct RunOutput {
  RunResult result;
  PerformanceMetrics metrics;
  /// Yearly/monthly returns and calendar effects (result.json "tables"). Empty while `tables_deferred`: a
  /// run asked without them (run_backtest, with_tables false: a sweep variant whose files may never be
  /// written) gets them from complete_tables() (backtest_runner.hpp) before its files are made.
  PerformanceTables tables;
  bool tables_deferred = false;
  /// Benchmark levels: base + one per daily record (empty without a benchmark).
  std::vector<double> benchmark;
  /// The config as run: every default filled in, strategy params resolved.
  nlohmann::json resolved_config;
  /// {"fingerprint", "source", "start", "end", "instruments", "frequencies"}.
  nlohmann::json data_info;
  /// The plugin libraries loaded for the run (app/run/plugin_provenance.hpp): [{"path", "sha256", "name",
  /// "version", "strategies"}]; empty for built-in strategies (then result.json has no "plugins").
  nlohmann::json plugins = nlohmann::json::array();
  double run_seconds = 0;  // wall time of the event loop (timing only; never part of compared results)
  /// members.csv when requested (`abt run --members`, members_output.hpp); empty otherwise.
  std::string members_csv;
};

}  // namespace abt
