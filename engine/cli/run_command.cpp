// `abt run CONFIG [--data DIR] [--out DIR] [--set key=value ...]`.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "data_adapters/data_loader.hpp"
#include "engine/cli/commands.hpp"
#include "engine/cli/option_parsing.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"
#include "engine/run/backtest_runner.hpp"
#include "engine/run/config_file.hpp"
#include "engine/run/derived_instruments.hpp"
#include "engine/run/html_report.hpp"
#include "engine/run/plugin_loader.hpp"
#include "engine/run/result_writer.hpp"
#include "engine/run/run_config.hpp"
#include "engine/run/run_store.hpp"
#include "engine/run/summary_table.hpp"
#include "strategies/builtin.hpp"

namespace abt::cli {

int run_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string config_path, data_dir, out_dir;
  std::vector<std::string> overrides, plugin_paths;
  po::options_description options("abt run options");
  options.add_options()("help,h", "show this help")(
      "data", po::value(&data_dir), "dataset directory or .abtd file (replaces the config's \"data\")")(
      "out", po::value(&out_dir), "output directory (default: out/<config name>)")(
      "set", po::value(&overrides)->composing(), "override a config value: key.path=value (repeatable)")(
      "plugin", po::value(&plugin_paths)->composing(), "load a strategy plugin library (repeatable)")(
      "quiet,q", "print only errors");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "config", po::value(&config_path), 1);
  if (vm.count("help") || config_path.empty()) {
    std::cout
        << "usage: abt run CONFIG [--data DIR] [--out DIR] [--set key.path=value ...] [--plugin PATH ...]\n\n"
        << options;
    return vm.count("help") ? 0 : 2;
  }
  const bool quiet = vm.count("quiet") > 0;

  const std::filesystem::path config_file(config_path);
  nlohmann::json config = read_json_file(config_file);
  if (!data_dir.empty()) {
    const std::string path = std::filesystem::absolute(data_dir).string();
    // The path is echoed in result.json, which is UTF-8 JSON.
    require<ConfigError>(is_valid_utf8(path),
                         "--data " + utf8_for_display(path) +
                             ": expected a path in UTF-8 (it is recorded in result.json); "
                             "rename the directory or link to it from a UTF-8 path");
    config["data"] = {{"dataset", path}};
  }
  for (const auto& assignment : overrides) apply_override(config, assignment);
  RunConfig run_config = parse_run_config(config, config_file.parent_path());
  if (out_dir.empty()) out_dir = (std::filesystem::path("out") / config_file.stem()).string();

  PluginLibraries plugins;  // outlives the registry and the strategies made from it
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  for (size_t k = 0; k < run_config.plugins.size(); ++k)
    plugins.load(run_config.plugins[k], registry, "plugins[" + std::to_string(k) + "]");
  for (const auto& path : plugin_paths) plugins.load(path, registry, "--plugin");
  registry.get(run_config.strategy_name);  // fail fast on an unknown strategy, before loading data

  if (!quiet) std::fprintf(stderr, "abt: loading data...\n");
  LoadedData loaded = load_market_data(run_config.data, run_config.base_dir);
  run_config.data = loaded.resolved_spec;
  for (const auto& note : loaded.notes) std::fprintf(stderr, "abt: note: %s\n", note.c_str());
  if (!quiet)
    std::fprintf(stderr, "abt: %s%s (%d instruments, %d days) in %.2f s\n",
                 loaded.generated ? "generated " : "", loaded.data.source.c_str(),
                 loaded.data.instrument_count(), loaded.data.calendar.size(), loaded.load_seconds);
  if (!run_config.derived_instruments.empty()) {
    double seconds = 0;
    loaded.data =
        add_derived_instruments(loaded.data, run_config.derived_instruments, registry, quiet, seconds);
  }

  // Progress on stderr when it is a terminal: a percentage refreshed at most every 2 % of the run.
  std::function<void(int32_t, int32_t)> progress;
  if (!quiet && ::isatty(STDERR_FILENO)) {
    progress = [last = -1](int32_t done, int32_t total) mutable {
      const int pct = static_cast<int>(100LL * done / total);
      if (pct / 2 == last / 2 && done != total) return;
      last = pct;
      std::fprintf(stderr, "\rabt: running %3d %% (%d / %d days)%s", pct, done, total,
                   done == total ? "\n" : "");
    };
  }
  const RunOutput output = run_backtest(run_config, loaded.data, registry, std::move(progress));
  const nlohmann::json timing = {
      {"load_seconds", loaded.load_seconds},
      {"run_seconds", output.run_seconds},
      {"bars", output.result.bars},
      {"bars_per_second",
       output.run_seconds > 0 ? static_cast<double>(output.result.bars) / output.run_seconds : 0.0},
      {"events", output.result.events}};
  write_file_atomically(std::filesystem::path(out_dir) / "report.html", html_report(output));
  write_run_outputs(output, loaded.data, out_dir, timing);
  // Bookkeeping in the run store of the output root (a failure there does not fail the run).
  std::string recorded;
  try {
    if (const auto store_file = RunStore::file_for(out_dir)) {
      nlohmann::json doc = result_document(output);
      doc["trades_hash"] = trades_hash(trades_csv(output, loaded.data));
      const int64_t id = RunStore(*store_file).record_run(doc, out_dir);
      recorded = "; run #" + std::to_string(id) + " in " + store_file->string();
    }
  } catch (const UserError& e) {
    std::fprintf(stderr, "abt: warning: %s\n", e.what());
  }
  if (!quiet) {
    std::printf("%s", format_summary(output).c_str());
    std::printf(
        "engine time %.3f s (%.3g bars/s); results in %s/ (result.json, equity.csv, trades.csv, "
        "positions.csv, rejections.csv, report.html)%s\n",
        output.run_seconds, timing["bars_per_second"].get<double>(), out_dir.c_str(), recorded.c_str());
  }
  return 0;
}

}  // namespace abt::cli
