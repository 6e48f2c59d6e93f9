#pragma once
// The steps of a reality-gap attribution (`abt attribute`, docs/attribution.md): a list sweep over the
// execution rule switches and the cost items of one config. Step 0 is the frictionless start (the `ideal`
// profile with suspended bars fillable and no costs); every following step switches one more rule or cost
// item to the value the config has under the `realistic` profile, cumulatively, so that the last step runs
// the realistic settings. Each step is a SweepVariant (app/run/sweep_plan.hpp) whose overrides are the
// cumulative dotted-path settings, applied to the config with apply_variant.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/run_config.hpp"
#include "app/run/sweep_plan.hpp"

namespace abt {

struct AttributionStep {
  std::string name;         // "ideal", "lots", "price_limits", ..., "other"
  std::string label;        // what the step switches on, for people
  nlohmann::json switches;  // object: the dotted paths this step changes, with their new values
  SweepVariant variant;     // id = name; overrides = the cumulative settings of this step
  /// The step's settings equal the previous step's (the config has the rule off, no such cost item...):
  /// it is not run and takes nothing. `note` says why.
  bool unchanged = false;
  std::string note;
};

struct AttributionPlan {
  std::vector<std::string> order;      // the rule steps, in the order they are switched on
  std::vector<AttributionStep> steps;  // [0] = "ideal", then one per `order` entry
  SweepVariant realistic;              // the end point: the config under execution.profile=realistic
};

/// The rule steps in the default order: lots, price_limits, t_plus_1, suspensions, participation,
/// commission, stamp_duty, transfer_fee, slippage (docs/attribution.md says why this order).
const std::vector<std::string>& default_attribution_order();

/// A comma-separated permutation of the default order ("--order"). Throws ConfigError naming a missing,
/// repeated or unknown step.
std::vector<std::string> parse_attribution_order(const std::string& text);

/// The steps from the frictionless start to `realistic`, the config parsed under the realistic profile (its
/// own switches, costs and slippage). A cost model from a plugin is one step ("commission": its fees) and
/// slippage another. Throws ConfigError for an order that is not a permutation of the default one.
AttributionPlan make_attribution_plan(const RunConfig& realistic, const std::vector<std::string>& order);

/// An "other" step that takes the config from the last step's settings to the realistic ones, for settings
/// the rule steps do not cover (appended by the runner when the two parsed configs run differently).
AttributionStep other_attribution_step(const AttributionPlan& plan);

/// true when two parsed configs run the same execution: fill mode, every rule switch and the cost spec
/// (everything else of a step's config comes from the same base config).
bool same_execution(const RunConfig& a, const RunConfig& b);

}  // namespace abt
