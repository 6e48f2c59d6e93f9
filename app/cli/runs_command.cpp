// `abt runs list|show|compare [--plugin PATH ...]`: queries the run store (app/run/run_store.hpp) of an
// output root; show and compare include each run's plugin builds and, with --plugin, which differ from it.
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/run_setup.hpp"
#include "app/run/plugin_provenance.hpp"
#include "app/run/run_comparison.hpp"
#include "app/run/run_store.hpp"
#include "engine/analytics/metric_registry.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

std::string metric(const nlohmann::json& metrics, const char* key) {
  if (!metrics.is_object() || !metrics.contains(key) || !metrics[key].is_number()) return "-";
  return format_metric(*find_metric(key), metrics[key].get<double>());  // the registry's format
}

int64_t parse_id(const std::string& text) {
  try {
    size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw ConfigError("run id '" + text + "': expected a positive integer (see abt runs list)");
}

}  // namespace

int runs_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string action, root = "out", store_file;
  std::vector<std::string> ids, plugin_paths;
  int64_t limit = 20;
  po::options_description options("abt runs options");
  options.add_options()("help,h", "show this help")("root", po::value(&root),
                                                    "output root holding abt-runs.sqlite (default out)")(
      "store", po::value(&store_file),
      "the store file itself (default ROOT/abt-runs.sqlite or $ABT_RUN_STORE)")(
      "limit,n", po::value(&limit), "list: newest N runs (default 20)")("html", po::value<std::string>(),
                                                                        "compare: also write an HTML page")(
      "plugin", po::value(&plugin_paths)->composing(),
      "show/compare: check the runs' recorded plugin builds against this library (repeatable)");
  po::options_description hidden;
  hidden.add_options()("action", po::value(&action))("id", po::value(&ids)->composing());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("action", 1).add("id", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  const bool known = action == "list" || action == "show" || action == "compare";
  if (vm.count("help") || !known || (action != "list" && ids.empty())) {
    std::cout << "usage: abt runs list [--root DIR] [-n N]\n"
                 "       abt runs show ID [--root DIR] [--plugin PATH ...]\n"
                 "       abt runs compare ID ID... [--root DIR] [--html FILE] [--plugin PATH ...]\n\n"
              << options;
    return vm.count("help") ? 0 : 2;
  }
  std::filesystem::path file = store_file;
  if (file.empty()) {
    const auto f = RunStore::file_for(std::filesystem::path(root) / "x");
    if (!f) throw ConfigError("ABT_RUN_STORE is off: no run store to query (give --store FILE)");
    file = *f;
  }
  if (!std::filesystem::exists(file))
    throw ConfigError(file.string() + ": no run store here (nothing recorded yet)");
  RunStore store(file);
  const RunSetup setup(plugin_paths, true);
  if (action == "list") {
    std::printf("%-5s %-8s %-6s %-19s %-12s %-10s %-10s %s\n", "id", "kind", "sweep", "recorded (UTC)",
                "strategy", "sharpe", "return", "path");
    for (const StoredRun& r : store.runs(limit))
      std::printf("%-5lld %-8s %-6s %-19s %-12s %-10s %-10s %s\n", static_cast<long long>(r.id),
                  r.kind.c_str(), r.sweep ? std::to_string(*r.sweep).c_str() : "-", r.recorded_at.c_str(),
                  r.strategy.c_str(), metric(r.metrics, "sharpe").c_str(),
                  metric(r.metrics, "total_return").c_str(), r.path.c_str());
    const auto sweeps = store.sweeps(limit);
    if (!sweeps.empty()) {
      std::printf("\n%-5s %-19s %-8s %-10s %s\n", "sweep", "recorded (UTC)", "variants", "complete", "path");
      for (const StoredSweep& w : sweeps)
        std::printf("%-5lld %-19s %-8lld %-10s %s\n", static_cast<long long>(w.id), w.recorded_at.c_str(),
                    static_cast<long long>(w.variants), w.complete ? "yes" : "no", w.path.c_str());
    }
    return 0;
  }
  std::vector<StoredRun> runs;
  for (const auto& text : ids) {
    const auto r = store.run(parse_id(text));
    if (!r) throw ConfigError("run id " + text + ": not in " + file.string());
    runs.push_back(*r);
  }
  if (action == "show") {
    for (const StoredRun& r : runs) {
      const nlohmann::json doc = {{"id", r.id},
                                  {"kind", r.kind},
                                  {"sweep", r.sweep ? nlohmann::json(*r.sweep) : nlohmann::json()},
                                  {"recorded_at", r.recorded_at},
                                  {"config_hash", r.config_hash},
                                  {"data_fingerprint", r.data_fingerprint},
                                  {"engine_version", r.engine_version},
                                  {"trades_hash", r.trades_hash},
                                  {"path", r.path},
                                  {"config", r.config},
                                  {"metrics", r.metrics},
                                  {"plugins", r.plugins}};
      std::printf("%s\n", doc.dump(2).c_str());
      for (const auto& change : plugin_changes(r.plugins, setup.loaded_plugins()))
        if (change.find(" changed: ") != std::string::npos)
          std::printf("run #%lld: %s in the --plugin file\n", static_cast<long long>(r.id), change.c_str());
    }
    return 0;
  }
  // compare: from the stored metrics; the NAV chart needs the run directories (skipped when gone).
  std::vector<ComparedRun> compared;
  for (const StoredRun& r : runs) {
    ComparedRun c;
    if (std::filesystem::exists(std::filesystem::path(r.path) / "equity.csv")) c = load_compared_run(r.path);
    c.name = std::to_string(r.id);
    c.name.insert(c.name.begin(), '#');
    c.name += ' ';
    c.name += r.path;
    c.metrics = r.metrics;
    c.config = r.config;
    c.plugins = r.plugins;
    compared.push_back(std::move(c));
  }
  std::printf("%s%s", comparison_text(compared).c_str(),
              plugins_text(compared, setup.loaded_plugins()).c_str());
  if (vm.count("html")) {
    const std::string html = vm["html"].as<std::string>();
    write_file_atomically(html, comparison_html(compared));
    std::printf("wrote %s\n", html.c_str());
  }
  return 0;
}

}  // namespace abt::cli
