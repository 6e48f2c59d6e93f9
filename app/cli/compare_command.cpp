// `abt compare RUN_DIR... [--html FILE] [--plugin PATH ...]`: metrics of run directories (abt run or sweep
// variants) side by side with differences to the first and the winner of each metric, then the runs' plugin
// builds (and, with --plugin, which of them differ from the given library); --html writes a page with an
// overlay NAV chart.
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/option_parsing.hpp"
#include "app/cli/run_setup.hpp"
#include "engine/core/atomic_file.hpp"
#include "app/run/run_comparison.hpp"

namespace abt::cli {

int compare_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string html;
  std::vector<std::string> dirs, plugin_paths;
  po::options_description options("abt compare options");
  options.add_options()("help,h", "show this help")("html", po::value(&html),
                                                    "also write an HTML page to FILE")(
      "plugin", po::value(&plugin_paths)->composing(),
      "a plugin library to check the runs' recorded plugin builds against (repeatable)");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "dir", po::value(&dirs)->composing(), -1);
  if (vm.count("help") || dirs.empty()) {
    std::cout << "usage: abt compare RUN_DIR... [--html FILE] [--plugin PATH ...]\n\n" << options;
    return vm.count("help") ? 0 : 2;
  }
  const RunSetup setup(plugin_paths, true);
  std::vector<ComparedRun> runs;
  for (const auto& d : dirs) runs.push_back(load_compared_run(d));
  std::printf("%s%s", comparison_text(runs).c_str(), plugins_text(runs, setup.loaded_plugins()).c_str());
  if (!html.empty()) {
    write_file_atomically(html, comparison_html(runs));
    std::printf("wrote %s\n", html.c_str());
  }
  return 0;
}

}  // namespace abt::cli
