#include "app/run/attribution_runner.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <stdexcept>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "app/run/attribution_plan.hpp"
#include "app/run/result_writer.hpp"
#include "engine/core/error.hpp"

namespace abt {

const std::vector<std::string>& attribution_delta_metrics() {
  static const std::vector<std::string> names = {"total_return", "annual_return", "sharpe",
                                                 "max_drawdown", "final_nav",     "fees",
                                                 "slippage",     "fills",         "blocked"};
  return names;
}

nlohmann::json attribution_metrics(const RunOutput& output, const MarketData& data) {
  const nlohmann::json doc = result_document(output);
  int64_t blocked = 0;
  for (const auto& [reason, count] : doc["rejected_orders"].items())
    if (reason != "scaled") blocked += count.get<int64_t>();
  return {{"total_return", output.metrics.total_return},
          {"annual_return", output.metrics.annual_return},
          {"sharpe", output.metrics.sharpe},
          {"max_drawdown", output.metrics.max_drawdown},
          {"final_nav", output.metrics.final_nav},
          {"fills", output.metrics.trades},
          {"fees", doc["costs"]["total"]},
          {"slippage", doc["costs"]["slippage"]},
          {"blocked", blocked},
          {"rejected_orders", doc["rejected_orders"]},
          {"trades_hash", trades_hash(trades_csv(output, data))}};
}

namespace {

/// b - a for the delta metrics (integers stay integers).
nlohmann::json difference(const nlohmann::json& a, const nlohmann::json& b) {
  nlohmann::json d = nlohmann::json::object();
  for (const std::string& name : attribution_delta_metrics()) {
    if (a[name].is_number_integer() && b[name].is_number_integer())
      d[name] = b[name].get<int64_t>() - a[name].get<int64_t>();
    else
      d[name] = b[name].get<double>() - a[name].get<double>();
  }
  return d;
}

}  // namespace

nlohmann::json run_attribution(const nlohmann::json& base, const std::vector<std::string>& order,
                               unsigned jobs, const AttributionHooks& hooks) {
  RunConfig realistic;
  AttributionPlan plan;
  {
    const SweepVariant end{0, "realistic", {{"execution.profile", "realistic"}}};
    try {
      realistic = hooks.parse(apply_variant(base, end));
    } catch (const ConfigError& e) {
      throw ConfigError(std::string("the config under execution.profile=realistic: ") + e.what());
    }
    plan = make_attribution_plan(realistic, order);
  }
  // Parse every step (bad input -> ConfigError before anything runs).
  std::vector<RunConfig> configs;
  for (const AttributionStep& step : plan.steps) {
    try {
      configs.push_back(hooks.parse(apply_variant(base, step.variant)));
    } catch (const ConfigError& e) {
      throw ConfigError(std::string("attribution step ") + step.name + " " + step.variant.overrides.dump() +
                        ": " + e.what());
    }
  }
  // A setting no rule step covers: the "other" step runs the realistic config itself.
  size_t last_run = 0;
  for (size_t i = 0; i < plan.steps.size(); ++i)
    if (!plan.steps[i].unchanged) last_run = i;
  const bool needs_other = !same_execution(configs[last_run], realistic);
  if (needs_other) plan.steps.push_back(other_attribution_step(plan));

  // The runs: every changed step, and the realistic end point (which is also the "other" step).
  std::vector<size_t> to_run;  // indices into configs: the changed steps, then the realistic run (last)
  for (size_t i = 0; i < configs.size(); ++i)
    if (!plan.steps[i].unchanged) to_run.push_back(i);
  configs.push_back(realistic);
  to_run.push_back(configs.size() - 1);
  std::vector<const MarketData*> data(configs.size(), nullptr);
  for (size_t i : to_run) data[i] = &hooks.data(configs[i]);

  std::vector<std::optional<nlohmann::json>> outcomes(configs.size());
  std::vector<std::exception_ptr> errors(configs.size());
  {
    boost::asio::thread_pool pool(std::max(1u, jobs));
    for (size_t i : to_run)
      boost::asio::post(pool, [&, i] {
        try {
          outcomes[i] = attribution_metrics(hooks.run(configs[i], *data[i]), *data[i]);
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
    pool.join();
  }
  for (size_t i : to_run)
    if (errors[i]) std::rethrow_exception(errors[i]);
  const nlohmann::json realistic_metrics = *outcomes.back();

  nlohmann::json doc = {{"config", base}, {"order", plan.order}};
  nlohmann::json steps = nlohmann::json::array();
  nlohmann::json previous;
  nlohmann::json sum = nlohmann::json::object();
  for (const std::string& name : attribution_delta_metrics()) sum[name] = 0;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const AttributionStep& step = plan.steps[i];
    // "other" is the realistic run itself.
    const nlohmann::json metrics = step.unchanged         ? previous
                                   : step.name == "other" ? realistic_metrics
                                                          : *outcomes[i];
    nlohmann::json row = {{"step", step.name},      {"label", step.label}, {"switches", step.switches},
                          {"ran", !step.unchanged}, {"note", step.note},   {"metrics", metrics},
                          {"delta", nullptr}};
    if (i > 0) {
      row["delta"] = difference(previous, metrics);
      for (const std::string& name : attribution_delta_metrics()) {
        if (sum[name].is_number_integer() && row["delta"][name].is_number_integer())
          sum[name] = sum[name].get<int64_t>() + row["delta"][name].get<int64_t>();
        else
          sum[name] = sum[name].get<double>() + row["delta"][name].get<double>();
      }
    }
    steps.push_back(std::move(row));
    previous = metrics;
  }
  // The telescoping check: the last cumulative step ran the realistic settings.
  if (previous != realistic_metrics)
    throw std::logic_error("attribution: the last step's result differs from the realistic run's (" +
                           previous["trades_hash"].get<std::string>() + " vs " +
                           realistic_metrics["trades_hash"].get<std::string>() + ")");
  doc["steps"] = std::move(steps);
  doc["realistic"] = {{"label", "the config under the realistic profile"}, {"metrics", realistic_metrics}};
  doc["gap"] = difference(doc["steps"][0]["metrics"], realistic_metrics);
  doc["sum_of_steps"] = std::move(sum);
  doc["last_step_equals_realistic"] = true;
  return doc;
}

}  // namespace abt
