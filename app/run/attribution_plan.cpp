#include "app/run/attribution_plan.hpp"

#include <algorithm>
#include <set>

#include "engine/core/error.hpp"

namespace abt {
namespace {

/// The cost items switched on so far.
struct CostItems {
  bool commission = false, stamp_duty = false, transfer_fee = false, slippage = false;
};

enum class CostKind { None, Flat, Itemised, Other };

CostKind cost_kind(const nlohmann::json& costs) {
  if (!costs.is_object()) return CostKind::None;
  const std::string model = costs.contains("model") && costs["model"].is_string()
                                ? costs["model"].get<std::string>()
                                : std::string("flat");
  if (model == "flat") return CostKind::Flat;
  if (model == "itemised" || model == "itemized") return CostKind::Itemised;
  return CostKind::Other;
}

/// The cost spec with only `items` of the realistic spec `full` on (null = no costs). Fees that are off are
/// zero: an itemised model keeps its own items and drops the others (commission 0 with no minimum), any
/// other model is replaced by a zero flat rate until its "commission" step. Slippage is the spec's own.
nlohmann::json costs_with(const nlohmann::json& full, const CostItems& items) {
  const CostKind kind = cost_kind(full);
  if (kind == CostKind::None) return nullptr;
  const bool has_slippage = full.contains("slippage");
  const bool itemised = kind == CostKind::Itemised;
  const bool any_fee = items.commission || (itemised && (items.stamp_duty || items.transfer_fee));
  if (!any_fee && !(items.slippage && has_slippage)) return nullptr;
  nlohmann::json spec;
  if (!any_fee) {
    spec = {{"rate", 0}, {"quote", "per_side"}};
  } else {
    spec = full;
    spec.erase("slippage");
    if (itemised) {
      if (!items.commission) {
        spec["commission"] = 0;
        spec["min_commission"] = 0;
      }
      if (!items.stamp_duty) spec["stamp_duty"] = false;
      if (!items.transfer_fee) spec["transfer_fee"] = false;
    }
  }
  if (items.slippage && has_slippage) spec["slippage"] = full["slippage"];
  return spec;
}

std::string step_label(const std::string& name) {
  if (name == "ideal") return "ideal profile: fractional shares, suspended bars fillable, no costs";
  if (name == "lots") return "board lots and whole shares";
  if (name == "price_limits") return "price limits";
  if (name == "t_plus_1") return "T+1";
  if (name == "suspensions") return "no fills in suspended bars";
  if (name == "participation") return "participation cap";
  if (name == "commission") return "commission";
  if (name == "stamp_duty") return "stamp duty";
  if (name == "transfer_fee") return "transfer fee";
  if (name == "slippage") return "slippage";
  return "other settings of the realistic config";
}

/// Why a step changes nothing for this config.
std::string unchanged_note(const std::string& name, const nlohmann::json& costs) {
  const CostKind kind = cost_kind(costs);
  const bool cost_step =
      name == "commission" || name == "stamp_duty" || name == "transfer_fee" || name == "slippage";
  if (cost_step && kind == CostKind::None) return "the config has no costs";
  if (name == "slippage") return "the config has no slippage";
  if ((name == "stamp_duty" || name == "transfer_fee") && kind != CostKind::Itemised)
    return "not an itemised cost model: its whole fee is the commission step";
  if (name == "participation") return "the config has no participation cap";
  return "off in the config";
}

}  // namespace

const std::vector<std::string>& default_attribution_order() {
  static const std::vector<std::string> order = {"lots",        "price_limits",  "t_plus_1",
                                                 "suspensions", "participation", "commission",
                                                 "stamp_duty",  "transfer_fee",  "slippage"};
  return order;
}

std::vector<std::string> parse_attribution_order(const std::string& text) {
  std::vector<std::string> order;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string name =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    order.push_back(name);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const auto& known = default_attribution_order();
  std::set<std::string> seen;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ",") + k;
  for (const auto& name : order) {
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw ConfigError(std::string("--order: unknown step '") + name + "' (expected a permutation of " +
                        list + ")");
    if (!seen.insert(name).second)
      throw ConfigError(std::string("--order: step '") + name +
                        "' appears twice (expected a permutation of " + list + ")");
  }
  for (const auto& k : known)
    if (!seen.count(k))
      throw ConfigError(std::string("--order: step '") + k + "' is missing (expected a permutation of " +
                        list + ")");
  return order;
}

AttributionPlan make_attribution_plan(const RunConfig& realistic, const std::vector<std::string>& order) {
  AttributionPlan plan;
  plan.order = order;
  std::vector<std::string> sorted = order, known = default_attribution_order();
  std::sort(sorted.begin(), sorted.end());
  std::sort(known.begin(), known.end());
  if (sorted != known) throw ConfigError("attribution order: expected a permutation of the default order");

  const ExecutionRules& end = realistic.rules;
  nlohmann::json settings = {{"execution.profile", "ideal"},        {"execution.lots", false},
                             {"execution.fractional_shares", true}, {"execution.price_limits", false},
                             {"execution.t_plus_1", false},         {"execution.block_suspended", false},
                             {"execution.participation", 0},        {"costs", nullptr}};
  CostItems items;
  auto add_step = [&](const std::string& name, nlohmann::json switches) {
    AttributionStep step;
    step.name = name;
    step.label = step_label(name);
    const nlohmann::json before = settings;
    for (const auto& [path, value] : switches.items()) settings[path] = value;
    step.unchanged = !plan.steps.empty() && settings == before;
    if (step.unchanged) step.note = unchanged_note(name, realistic.costs);
    step.switches = std::move(switches);
    step.variant.index = static_cast<int64_t>(plan.steps.size());
    step.variant.id = name;
    step.variant.overrides = settings;
    plan.steps.push_back(std::move(step));
  };
  add_step("ideal", settings);
  for (const std::string& name : order) {
    if (name == "lots") {
      add_step(name, {{"execution.lots", end.lots}, {"execution.fractional_shares", end.fractional_shares}});
    } else if (name == "price_limits") {
      add_step(name, {{"execution.price_limits", end.price_limits}});
    } else if (name == "t_plus_1") {
      add_step(name, {{"execution.t_plus_1", end.t_plus_1}});
    } else if (name == "suspensions") {
      add_step(name, {{"execution.block_suspended", end.block_suspended}});
    } else if (name == "participation") {
      add_step(name, {{"execution.participation", end.participation}});
    } else {
      if (name == "commission") items.commission = true;
      if (name == "stamp_duty") items.stamp_duty = true;
      if (name == "transfer_fee") items.transfer_fee = true;
      if (name == "slippage") items.slippage = true;
      add_step(name, {{"costs", costs_with(realistic.costs, items)}});
    }
  }
  plan.realistic.index = static_cast<int64_t>(plan.steps.size());
  plan.realistic.id = "realistic";
  plan.realistic.overrides = {{"execution.profile", "realistic"}};
  return plan;
}

AttributionStep other_attribution_step(const AttributionPlan& plan) {
  AttributionStep step;
  step.name = "other";
  step.label = step_label("other");
  step.switches = plan.realistic.overrides;
  step.variant = plan.realistic;
  step.variant.id = "other";
  step.variant.index = static_cast<int64_t>(plan.steps.size());
  return step;
}

bool same_execution(const RunConfig& a, const RunConfig& b) {
  const ExecutionRules &x = a.rules, &y = b.rules;
  return a.fill == b.fill && x.lots == y.lots && x.block_suspended == y.block_suspended &&
         x.price_limits == y.price_limits && x.t_plus_1 == y.t_plus_1 && x.participation == y.participation &&
         x.retry_blocked == y.retry_blocked && x.delisting_recovery == y.delisting_recovery &&
         x.fractional_shares == y.fractional_shares && a.costs == b.costs;
}

}  // namespace abt
