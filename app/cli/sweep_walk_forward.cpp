#include "app/cli/sweep_walk_forward.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

nlohmann::json with_span(nlohmann::json config, Date start, Date end) {
  config["start"] = start.to_string();
  config["end"] = end.to_string();
  return config;
}

}  // namespace

nlohmann::json run_walk_forward(RunSetup& setup, const nlohmann::json& base,
                                const std::filesystem::path& base_dir, const SweepPlan& plan,
                                const WalkForwardSpec& spec, const std::string& rank_by, size_t jobs,
                                const std::atomic<bool>& stop) {
  // The run's trading days: the base config's start .. end on its data.
  RunConfig base_config = setup.parse(base, base_dir);
  const LoadedData& base_data = setup.data(base_config);
  const Date first = base_config.start.empty() ? Date::min() : Date::parse(base_config.start, "start");
  const Date last = base_config.end.empty() ? Date::max() : Date::parse(base_config.end, "end");
  std::vector<Date> days;
  for (const Date d : base_data.data.calendar.days())
    if (d >= first && d <= last) days.push_back(d);
  const std::vector<WalkForwardWindow> windows = walk_forward_windows(spec, days);

  // In-sample: every (window, variant), validated before anything runs.
  struct Job {
    size_t window;
    const SweepVariant* variant;
    RunConfig config;
    const LoadedData* data = nullptr;
  };
  std::vector<Job> jobs_list;
  for (size_t w = 0; w < windows.size(); ++w)
    for (const SweepVariant& v : plan.variants) {
      try {
        jobs_list.push_back(
            {w, &v,
             setup.parse(with_span(apply_variant(base, v), windows[w].train_start, windows[w].train_end),
                         base_dir)});
      } catch (const ConfigError& e) {
        throw ConfigError("walk-forward window " + std::to_string(w) + ", variant " + v.id + ": " + e.what());
      }
    }
  for (Job& j : jobs_list) j.data = &setup.data(j.config);
  std::vector<SweepRow> rows(jobs_list.size());
  {
    boost::asio::thread_pool pool(jobs);
    for (size_t i = 0; i < jobs_list.size(); ++i)
      boost::asio::post(pool, [&, i] {
        if (stop.load()) return;
        SweepRow& row = rows[i];
        row.variant = *jobs_list[i].variant;
        try {
          row.metrics = metrics_to_json(
              setup.run(jobs_list[i].config, jobs_list[i].data->data, {}, /*with_tables=*/false).metrics);
        } catch (const UserError& e) {
          row.status = "error";
          row.error = e.what();
        } catch (const StrategyError& e) {
          row.status = "error";
          row.error = std::string("strategy error: ") + e.what();
        } catch (const std::exception& e) {
          row.status = "error";
          row.error = std::string("internal error: ") + e.what();
        }
      });
    pool.join();
  }
  if (stop.load()) return nullptr;

  // Out-of-sample, window after window: the chosen variant on the test span, from the previous end NAV.
  std::vector<WindowOutcome> outcomes;
  double nav = base_config.capital;
  for (size_t w = 0; w < windows.size(); ++w) {
    WindowOutcome o;
    o.window = windows[w];
    for (size_t i = 0; i < jobs_list.size(); ++i)
      if (jobs_list[i].window == w) o.in_sample.push_back(rows[i]);
    o.in_sample = rank_rows(std::move(o.in_sample), rank_by);
    o.start_nav = nav;
    if (!o.in_sample.empty() && o.in_sample.front().status == "ok" &&
        o.in_sample.front().metrics.contains(rank_by) && o.in_sample.front().metrics[rank_by].is_number()) {
      o.chosen = o.in_sample.front();
      nlohmann::json config =
          with_span(apply_variant(base, o.chosen->variant), o.window.test_start, o.window.test_end);
      config["capital"] = nav;
      RunConfig parsed = setup.parse(config, base_dir);
      RunOutput output = setup.run(parsed, setup.data(parsed).data);
      o.out_of_sample_metrics = metrics_to_json(output.metrics);
      o.out_of_sample = std::move(output.result);
      o.benchmark = std::move(output.benchmark);
      if (!o.out_of_sample.daily.empty()) nav = o.out_of_sample.daily.back().nav;
    }
    outcomes.push_back(std::move(o));
  }
  MetricsOptions mo;
  mo.initial_cash = base_config.capital;
  mo.days_per_year = base_config.days_per_year;
  mo.risk_free_rate = base_config.risk_free_rate;
  const ChainedResult chained = chain_segments(outcomes, mo);
  return walk_forward_json(spec, rank_by, plan.paths, outcomes, chained);
}

}  // namespace abt::cli
