// `abt attribute CONFIG [--data DIR] [--set key=value ...] [--order STEPS] [--jobs N] [--out DIR]
//                 [--plugin PATH ...] [--quiet]`
// The reality-gap attribution (docs/attribution.md): runs CONFIG from the ideal profile to the realistic one,
// one A-share rule or cost item more per step (app/run/attribution_plan.hpp), as the variants of a list
// sweep through the setup of every command (app/cli/run_setup.hpp: data loaded once, shared read-only by the
// --jobs threads). Prints the table and writes attribution.json, attribution.csv and attribution.html into
// the output directory (default out/<config name>-attribution, plus -<8 hex digits> of --data and --set
// when given, as abt run), all or nothing under its lock. The files are identical for any --jobs.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/option_parsing.hpp"
#include "app/cli/run_setup.hpp"
#include "app/run/attribution_plan.hpp"
#include "app/run/attribution_report.hpp"
#include "app/run/attribution_runner.hpp"
#include "app/run/attribution_table.hpp"
#include "app/run/config_file.hpp"
#include "app/run/output_dir.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {

int attribute_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string config_path, data_dir, out_dir, order_text;
  std::vector<std::string> overrides, plugin_paths;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("abt attribute options");
  options.add_options()("help,h", "show this help")(
      "data", po::value(&data_dir), "dataset directory or .abtd file (replaces the config's \"data\")")(
      "set", po::value(&overrides)->composing(), "override a config value: key.path=value (repeatable)")(
      "order", po::value(&order_text),
      "the steps in another order: a comma-separated permutation of "
      "lots,price_limits,t_plus_1,suspensions,participation,commission,stamp_duty,transfer_fee,slippage")(
      "jobs,j", po::value(&jobs), "parallel runs (default: the number of cores)")(
      "out", po::value(&out_dir),
      "output directory (default: out/<config name>-attribution[-<hash of --data and --set>])")(
      "plugin", po::value(&plugin_paths)->composing(), "load a strategy plugin library (repeatable)")(
      "quiet,q", "print only errors");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "config", po::value(&config_path), 1);
  if (vm.count("help") || config_path.empty()) {
    std::cout << "usage: abt attribute CONFIG [--data DIR] [--set key.path=value ...] [--order STEPS] "
                 "[--jobs N] [--out DIR] [--plugin PATH ...]\n\n"
              << options;
    return vm.count("help") ? 0 : 2;
  }
  if (jobs < 1 || jobs > 4096) throw ConfigError("--jobs: expected 1 to 4096, got " + std::to_string(jobs));
  const bool quiet = vm.count("quiet") > 0;
  const std::vector<std::string> order =
      order_text.empty() ? default_attribution_order() : parse_attribution_order(order_text);

  const std::filesystem::path config_file(config_path);
  nlohmann::json config = read_json_file(config_file);
  if (!data_dir.empty()) config["data"] = {{"dataset", std::filesystem::absolute(data_dir).string()}};
  for (const auto& assignment : overrides) apply_override(config, assignment);
  if (out_dir.empty()) out_dir = default_out_dir(config_file, "-attribution", data_dir, overrides).string();

  RunSetup setup(plugin_paths, quiet);
  const OutputLock lock(out_dir);  // one writer per directory; fails early on a read-only one
  AttributionHooks hooks;
  hooks.parse = [&](const nlohmann::json& c) { return setup.parse(c, config_file.parent_path()); };
  hooks.data = [&](RunConfig& c) -> const MarketData& { return setup.data(c).data; };
  hooks.run = [&](const RunConfig& c, const MarketData& d) { return setup.run(c, d); };
  const auto t0 = std::chrono::steady_clock::now();
  const nlohmann::json doc = run_attribution(config, order, jobs, hooks);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  StagedDirectory staged(out_dir);
  staged.write("attribution.json", doc.dump(2) + "\n");
  staged.write("attribution.csv", attribution_csv(doc));
  staged.write("attribution.html", attribution_html(doc));
  staged.commit();
  if (!quiet) {
    size_t runs = 1;
    for (const auto& s : doc["steps"]) runs += s["ran"].get<bool>() ? 1 : 0;
    std::printf("%s", attribution_text(doc).c_str());
    std::printf(
        "%zu runs in %.2f s on %u threads; %s/ (attribution.json, attribution.csv, attribution.html)\n", runs,
        seconds, jobs, out_dir.c_str());
  }
  return 0;
}

}  // namespace abt::cli
