#pragma once
// The one setup path of every abt command that runs, lists or checks strategies (run, sweep and sweep merge,
// regress, compare, runs, strategies): the registry of the built-in strategies plus the plugin libraries of
// --plugin and of each config's "plugins" (paths relative to the config file), kept loaded for the whole
// command; the market data of each config, loaded once per distinct data spec; and the run itself, with the
// plugins' provenance (path, SHA-256, declared name and version, strategies) recorded in its output.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/data_cache.hpp"
#include "app/run/plugin_loader.hpp"
#include "app/run/run_config.hpp"
#include "app/run/run_output.hpp"
#include "engine/strategy/registry.hpp"

namespace abt::cli {

class RunSetup {
 public:
  /// Registers the built-in strategies and loads `plugin_paths` (--plugin, in order). `quiet` silences the
  /// data loading lines (notes are always printed). Throws ConfigError for a bad plugin.
  RunSetup(const std::vector<std::string>& plugin_paths, bool quiet);
  RunSetup(const RunSetup&) = delete;
  RunSetup& operator=(const RunSetup&) = delete;

  /// Registers a strategy defined by a front end rather than by a library (a Python class of the Python
  /// module, app/python), whose StrategyErrors name `origin` (e.g. "python class __main__.MyStrategy") where
  /// a plugin's name their file. Throws ConfigError when the name is taken. Call before parse().
  void add_strategy(StrategyInfo info, std::string origin);

  /// Parses a config (relative paths against `base_dir`), loads the plugins it lists that are not loaded
  /// yet (a file loaded before, by --plugin or an earlier config, is used again) and checks that its
  /// strategy is registered. Throws ConfigError naming the JSON path.
  RunConfig parse(const nlohmann::json& config, const std::filesystem::path& base_dir);

  /// The market data of a parsed `config` with its derived instruments, loaded on first use and kept for the
  /// whole command; sets config.data to the resolved data spec. Throws like load_market_data.
  const LoadedData& data(RunConfig& config);

  /// Runs a parsed config on its data (run_backtest) and records the provenance of its plugins in the
  /// output. A StrategyError names where the strategy came from ("plugin libx.so", "built-in" or the origin
  /// given to add_strategy). Only reads
  /// the setup: safe to call from several threads at once. `with_tables` as run_backtest's.
  RunOutput run(const RunConfig& config, const MarketData& data,
                std::function<void(int32_t, int32_t)> on_day_done = {}, bool with_tables = true) const;

  /// The plugins a run of `config` uses: those of --plugin, then the config's, each once
  /// ([LoadedPlugin::to_json], empty when none).
  nlohmann::json provenance(const RunConfig& config) const;
  /// Every plugin loaded so far ([LoadedPlugin::to_json], in load order).
  nlohmann::json loaded_plugins() const;

  const StrategyRegistry& registry() const { return registry_; }
  const PluginLibraries& libraries() const { return libraries_; }

 private:
  const LoadedPlugin& load(const std::filesystem::path& path, const std::string& what);

  PluginLibraries libraries_;  // first: outlives the registry and every strategy made from it
  StrategyRegistry registry_;
  std::vector<std::filesystem::path> cli_plugins_;           // as loaded (absolute)
  std::map<std::string, std::string, std::less<>> origins_;  // strategies of add_strategy -> their origin
  DataCache cache_;
};

}  // namespace abt::cli
