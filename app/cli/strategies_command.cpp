// `abt strategies [--json] [--config CONFIG] [--plugin PATH ...]`: every registered strategy (built-in, from
// --plugin, or from the config's "plugins") with its parameters, types, defaults and constraints; a plugin's
// strategies name the plugin (declared name, version, file).
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/run_setup.hpp"
#include "app/run/config_file.hpp"

namespace abt::cli {

int strategies_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("abt strategies options");
  std::vector<std::string> plugin_paths;
  std::string config_path;
  options.add_options()("help,h", "show this help")("json", "print as JSON")(
      "plugin", po::value(&plugin_paths)->composing(), "also list the strategies of a plugin library")(
      "config", po::value(&config_path), "also list the strategies of the plugins a config names");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  if (vm.count("help")) {
    std::cout << "usage: abt strategies [--json] [--config CONFIG] [--plugin PATH ...]\n\n" << options;
    return 0;
  }
  po::notify(vm);
  RunSetup setup(plugin_paths, true);
  if (!config_path.empty())
    setup.parse(read_json_file(config_path), std::filesystem::path(config_path).parent_path());
  const StrategyRegistry& registry = setup.registry();
  if (vm.count("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : registry.all()) {
      nlohmann::json params = nlohmann::json::array();
      for (const auto& p : s.params)
        params.push_back({{"name", p.name},
                          {"type", p.type},
                          {"default", p.default_value},
                          {"doc", p.doc},
                          {"constraint", p.constraint}});
      nlohmann::json entry = {{"name", s.name}, {"summary", s.summary}, {"params", params}};
      if (const LoadedPlugin* plugin = setup.libraries().owner_of(s.name))
        entry["plugin"] = plugin->to_json();
      out.push_back(std::move(entry));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& s : registry.all()) {
    std::printf("%s\n  %s\n", s.name.c_str(), s.summary.c_str());
    if (const LoadedPlugin* plugin = setup.libraries().owner_of(s.name))
      std::printf("  plugin %s%s%s (%s)\n", plugin->name.c_str(), plugin->version.empty() ? "" : " ",
                  plugin->version.c_str(), plugin->path.string().c_str());
    for (const auto& p : s.params) {
      std::printf("    %-16s %-9s default %-22s %s%s%s\n", p.name.c_str(), p.type.c_str(),
                  p.default_value.dump().c_str(), p.doc.c_str(), p.constraint.empty() ? "" : "; ",
                  p.constraint.c_str());
    }
    std::printf("\n");
  }
  if (!registry.all_series().empty()) {
    std::printf("derived series (usable as \"benchmark\")\n");
    for (const auto& d : registry.all_series())
      std::printf("  %-16s %s\n", d.name.c_str(), d.summary.c_str());
  }
  if (!registry.all_instruments().empty()) {
    std::printf("\nderived instruments (config \"derived_instruments\": [NAME], then tradable as SYMBOL)\n");
    for (const auto& d : registry.all_instruments())
      std::printf("  %-16s %-14s %s\n", d.name.c_str(), d.symbol.c_str(), d.summary.c_str());
  }
  return 0;
}

}  // namespace abt::cli
