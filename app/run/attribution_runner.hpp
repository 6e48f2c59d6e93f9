#pragma once
// Runs a reality-gap attribution (docs/attribution.md): the steps of make_attribution_plan and the realistic
// end point, as the variants of a list sweep. Every step's config is parsed before anything runs, the data
// of each distinct spec is loaded once before the worker threads start and shared read-only, and the steps
// run on `jobs` threads; the result is a pure function of the steps' results, identical for any `jobs`.
//
// The steps telescope: each step's delta is its cumulative result minus the previous step's, so the deltas
// add up to realistic - ideal. The last step must run exactly the realistic settings: when the parsed
// configs differ (a setting no rule step covers) an "other" step takes the remainder, and the runner checks
// that the last step's trades and metrics equal the realistic run's (a std::logic_error otherwise: a bug).
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/run_config.hpp"
#include "app/run/run_output.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

/// How the attribution parses, loads and runs configs (the front end's setup: app/cli/run_setup.hpp).
struct AttributionHooks {
  /// Validates one config; throws ConfigError naming the JSON path.
  std::function<RunConfig(const nlohmann::json& config)> parse;
  /// The market data of a parsed config, loaded on first use (called before the threads start).
  std::function<const MarketData&(RunConfig& config)> data;
  /// Runs one config on its data; called from several threads at once.
  std::function<RunOutput(const RunConfig& config, const MarketData& data)> run;
};

/// The attribution document (attribution.json): "config" (`base`), "order", "steps" (ideal first; each
/// with step, label, switches, ran, note, metrics, delta), "realistic", "gap" (realistic - ideal),
/// "sum_of_steps", "last_step_equals_realistic". A ConfigError of a step names the step; a strategy's
/// failure (StrategyError) propagates, the first in step order.
nlohmann::json run_attribution(const nlohmann::json& base, const std::vector<std::string>& order,
                               unsigned jobs, const AttributionHooks& hooks);

/// The metrics of one step that the attribution reports, from a run's output: total_return,
/// annual_return, sharpe, max_drawdown, final_nav, fills, fees (CNY), slippage (CNY), blocked (intents
/// blocked by any reason except "scaled"), rejected_orders, trades_hash.
nlohmann::json attribution_metrics(const RunOutput& output, const MarketData& data);

/// The metrics whose step differences are reported ("delta", "gap", "sum_of_steps").
const std::vector<std::string>& attribution_delta_metrics();

}  // namespace abt
