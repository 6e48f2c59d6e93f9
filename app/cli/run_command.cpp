// `abt run CONFIG [--data DIR] [--out DIR] [--set key=value ...] [--plugin PATH ...]`.
// The output directory is written all or nothing under its lock (app/run/output_dir.hpp); its default is
// out/<config name>, or out/<config name>-<8 hex digits> when --data or --set change the config (a hash of
// them in the order given), so that a variant never overwrites the plain run (docs/configuration.md).
#include <unistd.h>

#include <cstdio>
#include <future>
#include <iostream>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/option_parsing.hpp"
#include "app/cli/run_setup.hpp"
#include "app/run/config_file.hpp"
#include "app/run/html_report.hpp"
#include "app/run/members_output.hpp"
#include "app/run/output_dir.hpp"
#include "app/run/result_writer.hpp"
#include "app/run/run_store.hpp"
#include "app/run/summary_table.hpp"
#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"

namespace abt::cli {

int run_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string config_path, data_dir, out_dir;
  std::vector<std::string> overrides, plugin_paths;
  po::options_description options("abt run options");
  options.add_options()("help,h", "show this help")(
      "data", po::value(&data_dir), "dataset directory or .abtd file (replaces the config's \"data\")")(
      "out", po::value(&out_dir),
      "output directory (default: out/<config name>[-<hash of --data and --set>])")(
      "set", po::value(&overrides)->composing(), "override a config value: key.path=value (repeatable)")(
      "plugin", po::value(&plugin_paths)->composing(), "load a strategy plugin library (repeatable)")(
      "members", "also write members.csv: the micro-cap index members of every day (date,symbol,rank,mcap)")(
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
  RunSetup setup(plugin_paths, quiet);  // built-ins + --plugin; the config's plugins in parse()
  RunConfig run_config = setup.parse(config, config_file.parent_path());
  if (out_dir.empty()) out_dir = default_out_dir(config_file, "", data_dir, overrides).string();
  const OutputLock lock(out_dir);  // one writer per directory; fails early on a read-only one
  const LoadedData& loaded = setup.data(run_config);

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
  RunOutput output = setup.run(run_config, loaded.data, std::move(progress));
  if (vm.count("members")) {
    const int32_t first =
        loaded.data.calendar.lower_bound(Date::parse(output.resolved_config["start"].get<std::string>()));
    const int32_t last =
        loaded.data.calendar.last_on_or_before(Date::parse(output.resolved_config["end"].get<std::string>()));
    output.members_csv = members_csv(loaded.data, output.resolved_config["strategy"]["params"], first, last);
  }
  const nlohmann::json timing = {
      {"load_seconds", loaded.load_seconds},
      {"run_seconds", output.run_seconds},
      {"bars", output.result.bars},
      {"bars_per_second",
       output.run_seconds > 0 ? static_cast<double>(output.result.bars) / output.run_seconds : 0.0},
      {"events", output.result.events}};
  // Wall-clock timing in a file of its own, so that result.json is byte-identical run to run.
  // report.html is formatted on a second thread while the result files are (both only read the output).
  std::future<std::string> report =
      std::async(std::launch::async, [&] { return html_report(output, &loaded.data); });
  std::vector<OutputFile> files = run_output_files(output, loaded.data);
  files.push_back({"report.html", report.get()});
  files.push_back({"timing.json", timing.dump(2) + "\n"});
  write_output_files(out_dir, files);
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
        "positions.csv, rejections.csv, report.html, timing.json)%s\n",
        output.run_seconds, timing["bars_per_second"].get<double>(), out_dir.c_str(), recorded.c_str());
  }
  return 0;
}

}  // namespace abt::cli
