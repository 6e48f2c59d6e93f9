#pragma once
// Runs one configured backtest on loaded data: builds the strategy from the registry, the cost model and the
// engine config, replays, and computes the metrics.
#include <functional>

#include "app/run/run_config.hpp"
#include "app/run/run_output.hpp"
#include "engine/data/market_data.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {

/// The survivorship warning: a data set of at least kSurvivorshipMinStocks stocks in which none delists,
/// over a run of at least kSurvivorshipMinDays trading days (first..last calendar indices).
inline constexpr int32_t kSurvivorshipMinDays = 243;
inline constexpr int64_t kSurvivorshipMinStocks = 50;
void note_survivorship(const MarketData& data, int32_t first, int32_t last, WarningLog& log);

/// Throws ConfigError for a bad strategy, params, dates or benchmark (naming the JSON path), and a
/// StrategyError naming the strategy when its code fails during the run (engine/sim/backtest.hpp). File-path
/// params (engine/strategy/path_param.hpp) are resolved against config.base_dir before the strategy is built;
/// the resolved config echoes them as written.
/// `on_day_done` (optional) receives (days done, days total) after every trading day, for progress display.
/// `with_tables` false leaves the output's return tables to complete_tables() (tables_deferred): the same
/// tables, computed only for a run whose files are written.
RunOutput run_backtest(const RunConfig& config, const MarketData& data, const StrategyRegistry& registry,
                       std::function<void(int32_t, int32_t)> on_day_done = {}, bool with_tables = true);

/// Computes the return tables of a run made without them (a no-op when they are there): exactly the
/// tables run_backtest computes, from the daily records, the benchmark levels and the configured capital.
void complete_tables(RunOutput& output);

/// Levels of `name` (an instrument's close, an external series, or else a derived series of `registry` such
/// as "microcap_index", computed over the whole data and stored as float32) on calendar days [first, last],
/// preceded by the base level (the close of day first-1, or the first day's open/value when first == 0).
/// Missing values carry the last known level forward. Throws ConfigError("benchmark: ...") when unknown.
/// A derived series reports its data warnings to `log` when given. `settings` (the object form
/// {"NAME": {settings}} of "benchmark", derived_ref.hpp) applies to a derived series only and is resolved
/// by it (ConfigError "benchmark.NAME.KEY: ..."); null = the string form.
std::vector<double> benchmark_levels(const MarketData& data, const std::string& name, int32_t first,
                                     int32_t last, const StrategyRegistry* registry = nullptr,
                                     WarningLog* log = nullptr, const nlohmann::json& settings = nullptr);

/// The settings of a benchmark in the object form resolved (every setting; null for the string form).
/// Throws ConfigError when `name` is not a derived series of `registry` or a setting is wrong.
nlohmann::json resolve_benchmark_settings(const std::string& name, const nlohmann::json& settings,
                                          const StrategyRegistry& registry);

}  // namespace abt
