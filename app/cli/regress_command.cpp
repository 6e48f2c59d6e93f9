// `abt regress --golden DIR CONFIG... [--update] [--tolerances FILE] [--tolerance NAME=ABS[,REL] ...]
//              [--plugin PATH ...]`:
// re-runs each config (with the plugins of --plugin and of its "plugins") and compares it with
// DIR/<config stem>.json (app/run/regression.hpp); a difference names the plugins rebuilt since the
// golden. Exit codes: 0 every config matches its golden; 1 at least one differs or has no golden (like
// diff(1)); 2 bad arguments, config or data.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/option_parsing.hpp"
#include "app/cli/run_setup.hpp"
#include "engine/core/atomic_file.hpp"
#include "app/run/config_file.hpp"
#include "app/run/regression.hpp"

namespace abt::cli {

int regress_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string golden_dir, tolerance_file;
  std::vector<std::string> configs, tolerance_assignments, plugin_paths;
  po::options_description options("abt regress options");
  options.add_options()("help,h", "show this help")(
      "golden", po::value(&golden_dir), "directory of golden files <config stem>.json (required)")(
      "update", "rewrite the golden files from this run (deliberate acceptance of a change)")(
      "tolerances", po::value(&tolerance_file),
      "JSON tolerance file: {\"default\": {\"abs\": A, \"rel\": R}, \"metrics\": {NAME: {...}}}")(
      "tolerance", po::value(&tolerance_assignments)->composing(),
      "per-metric tolerance NAME=ABS[,REL] (NAME * = default; repeatable; applied after --tolerances)")(
      "plugin", po::value(&plugin_paths)->composing(), "load a strategy plugin library (repeatable)")(
      "verbose,v", "print every check, not only the differences")("quiet,q",
                                                                  "print only differences and errors");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "config", po::value(&configs)->composing(), -1);
  if (vm.count("help") || golden_dir.empty() || configs.empty()) {
    std::cout
        << "usage: abt regress --golden DIR CONFIG... [--update] [--tolerances FILE] [--tolerance NAME=ABS]\n"
           "                   [--plugin PATH ...]\n"
           "exit: 0 all match, 1 a difference or a missing golden, 2 bad input\n\n"
        << options;
    return vm.count("help") ? 0 : 2;
  }
  const bool update = vm.count("update") > 0, quiet = vm.count("quiet") > 0,
             verbose = vm.count("verbose") > 0;
  ToleranceSet tolerances;
  if (!tolerance_file.empty())
    tolerances = ToleranceSet::from_json(read_json_file(tolerance_file), tolerance_file);
  for (const auto& a : tolerance_assignments) tolerances.apply_assignment(a);

  RunSetup setup(plugin_paths, quiet);  // built-ins + --plugin; each config's plugins in parse()
  // Parse every config (and load its plugins) before running any, so that a bad one fails fast (exit 2).
  std::vector<RunConfig> parsed;
  for (const auto& c : configs)
    parsed.push_back(setup.parse(read_json_file(c), std::filesystem::path(c).parent_path()));
  int differing = 0;
  for (size_t i = 0; i < configs.size(); ++i) {
    const std::string name = std::filesystem::path(configs[i]).stem().string();
    const auto golden_path = std::filesystem::path(golden_dir) / (name + ".json");
    RunConfig& config = parsed[i];
    const LoadedData& loaded = setup.data(config);
    const RunOutput output = setup.run(config, loaded.data);
    const nlohmann::json now = golden_document(output, loaded.data);
    if (update) {
      write_file_atomically(golden_path, now.dump(2) + "\n");
      std::printf("UPDATED  %s -> %s\n", name.c_str(), golden_path.string().c_str());
      continue;
    }
    if (!std::filesystem::exists(golden_path)) {
      ++differing;
      std::printf("MISSING  %s: no golden %s (create it with --update)\n", name.c_str(),
                  golden_path.string().c_str());
      continue;
    }
    const GoldenComparison comparison = compare_with_golden(read_json_file(golden_path), now, tolerances);
    if (comparison.ok()) {
      if (!quiet) std::printf("PASS     %s (%zu checks)\n", name.c_str(), comparison.checks.size());
      if (verbose) std::printf("%s", format_comparison(comparison, true).c_str());
      // A rebuilt plugin that gives the same results: worth knowing, not a failure.
      if (!quiet)
        for (const auto& change : comparison.plugin_changes)
          std::printf("  note: %s since the golden; the results did not change\n", change.c_str());
    } else {
      ++differing;
      std::printf("FAIL     %s: %zu of %zu checks differ from %s\n%s", name.c_str(), comparison.failures(),
                  comparison.checks.size(), golden_path.string().c_str(),
                  format_comparison(comparison, verbose).c_str());
      for (const auto& change : comparison.plugin_changes)
        std::printf("  likely cause: %s since the golden was written\n", change.c_str());
    }
  }
  if (!update && !quiet) std::printf("%d of %zu configs differ\n", differing, configs.size());
  return differing == 0 ? 0 : 1;
}

}  // namespace abt::cli
