#pragma once
// The JSON config of one run (docs/configuration.md). Every key is validated; unknown keys are rejected with
// their JSON path. Example:
//   {
//     "data": {"synthetic": {"stocks": 5000, "start": "2015-01-05", "end": "2024-12-31", "seed": 42}},
//     "start": "2016-01-04", "end": "2024-12-31",
//     "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX"], "fast": 5, "slow": 20}},
//     "execution": {"fill": "next_open"},
//     "costs": {"rate": 0.0013, "quote": "round_trip"},
//     "capital": 10000000, "benchmark": "BROAD.IDX", "seed": 42
//   }
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/derived_ref.hpp"

#include "engine/sim/backtest_config.hpp"

namespace abt {

/// Documented bounds of run-config numbers (docs/configuration.md "Bounds"): capital in (0, kMaxCapital]
/// CNY (money is computed in double on the fen, exact up to about 9e13 CNY), days_per_year in [1, 366],
/// risk_free_rate in [-1, 1], day counts (risk.reenter_after_days, reenter_sma, vol_window) in
/// [1, kMaxRunDays].
inline constexpr double kMaxCapital = 1e13;
inline constexpr double kMaxDaysPerYear = 366;
inline constexpr int64_t kMaxRunDays = 100000;

struct RunConfig {
  nlohmann::json data;     // data spec, interpreted by the data loader (null = the default market)
  std::string start, end;  // "YYYY-MM-DD" or "" for the whole data span
  std::string strategy_name;
  nlohmann::json strategy_params;  // object (may be empty)
  FillMode fill = FillMode::NextOpen;
  std::string profile = "realistic";   // execution.profile: realistic | ideal (the base of `rules`)
  ExecutionRules rules;                // the profile with per-rule switches applied
  nlohmann::json costs;                // cost model spec (null = no costs)
  RiskConfig risk;                     // section "risk" (blacklist resolved by the runner)
  std::vector<std::string> blacklist;  // risk.blacklist: symbols
  double capital = 10'000'000.0;       // CNY
  std::string benchmark;               // instrument symbol or series name; "" = none
  /// Settings of a derived-series benchmark in the object form {"NAME": {settings}} (derived_ref.hpp);
  /// null for the string form.
  nlohmann::json benchmark_settings;
  uint64_t seed = 0;  // the run's seed (for strategies that sample)
  double days_per_year = 243;
  double risk_free_rate = 0;
  std::filesystem::path base_dir;  // directory of the config file: relative data paths resolve against it
  /// Strategy plugin libraries to load ("plugins": [paths]; relative paths resolve against base_dir).
  std::vector<std::filesystem::path> plugins;
  /// Instruments derived from the data and added to it before the run ("derived_instruments": [names or
  /// {"NAME": {settings}}]; app/run/derived_instruments.hpp), e.g. "microcap_index" -> tradable MICROCAP.IDX.
  std::vector<DerivedRef> derived_instruments;
};

/// Validates and parses a config object. Throws ConfigError naming the JSON path.
RunConfig parse_run_config(const nlohmann::json& config, std::filesystem::path base_dir = {});

}  // namespace abt
