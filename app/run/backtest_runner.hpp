#pragma once
// Runs one configured backtest on loaded data: builds the strategy from the registry, the cost model and the
// engine config, replays, and computes the metrics.
#include <functional>

#include "engine/data/market_data.hpp"
#include "app/run/run_config.hpp"
#include "app/run/run_output.hpp"
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
RunOutput run_backtest(const RunConfig& config, const MarketData& data, const StrategyRegistry& registry,
                       std::function<void(int32_t, int32_t)> on_day_done = {});

/// Levels of `name` (an instrument's close, an external series, or else a derived series of `registry` such
/// as "microcap_index", computed over the whole data and stored as float32) on calendar days [first, last],
/// preceded by the base level (the close of day first-1, or the first day's open/value when first == 0).
/// Missing values carry the last known level forward. Throws ConfigError("benchmark: ...") when unknown.
/// A derived series reports its data warnings to `log` when given.
std::vector<double> benchmark_levels(const MarketData& data, const std::string& name, int32_t first,
                                     int32_t last, const StrategyRegistry* registry = nullptr,
                                     WarningLog* log = nullptr);

}  // namespace abt
