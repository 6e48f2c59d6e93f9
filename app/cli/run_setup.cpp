#include "app/cli/run_setup.hpp"

#include "app/run/backtest_runner.hpp"
#include "engine/core/error.hpp"
#include "strategies/builtin.hpp"

namespace abt::cli {

RunSetup::RunSetup(const std::vector<std::string>& plugin_paths, bool quiet) : cache_(quiet) {
  register_builtin_strategies(registry_);
  for (const auto& path : plugin_paths) cli_plugins_.push_back(load(path, "--plugin").path);
}

const LoadedPlugin& RunSetup::load(const std::filesystem::path& path, const std::string& what) {
  if (const LoadedPlugin* loaded = libraries_.find_file(path)) return *loaded;
  return libraries_.load(std::filesystem::absolute(path).lexically_normal(), registry_, what);
}

void RunSetup::add_strategy(StrategyInfo info, std::string origin) {
  const std::string name = info.name;
  registry_.add(std::move(info));
  origins_[name] = std::move(origin);
}

RunConfig RunSetup::parse(const nlohmann::json& config, const std::filesystem::path& base_dir) {
  RunConfig parsed = parse_run_config(config, base_dir);
  for (size_t k = 0; k < parsed.plugins.size(); ++k)
    load(parsed.plugins[k], "plugins[" + std::to_string(k) + "]");
  registry_.get(parsed.strategy_name);  // fail fast on an unknown strategy, before loading data
  return parsed;
}

const LoadedData& RunSetup::data(RunConfig& config) {
  const LoadedData& loaded = cache_.get(config.data, config.base_dir, config.derived_instruments, registry_);
  config.data = loaded.resolved_spec;
  return loaded;
}

RunOutput RunSetup::run(const RunConfig& config, const MarketData& data,
                        std::function<void(int32_t, int32_t)> on_day_done, bool with_tables) const {
  try {
    RunOutput output = run_backtest(config, data, registry_, std::move(on_day_done), with_tables);
    output.plugins = provenance(config);
    return output;
  } catch (const StrategyError& e) {
    const LoadedPlugin* plugin = libraries_.owner_of(config.strategy_name);
    const auto own = origins_.find(config.strategy_name);
    throw e.attributed(e.strategy(), plugin                  ? "plugin " + plugin->path.filename().string()
                                     : own != origins_.end() ? own->second
                                                             : "built-in");
  }
}

nlohmann::json RunSetup::provenance(const RunConfig& config) const {
  std::vector<const LoadedPlugin*> used;
  const auto use = [&](const std::filesystem::path& path) {
    const LoadedPlugin* p = libraries_.find_file(path);
    if (p && std::find(used.begin(), used.end(), p) == used.end()) used.push_back(p);
  };
  for (const auto& path : cli_plugins_) use(path);
  for (const auto& path : config.plugins) use(path);
  nlohmann::json out = nlohmann::json::array();
  for (const LoadedPlugin* p : used) out.push_back(p->to_json());
  return out;
}

nlohmann::json RunSetup::loaded_plugins() const {
  nlohmann::json out = nlohmann::json::array();
  for (const LoadedPlugin& p : libraries_.plugins()) out.push_back(p.to_json());
  return out;
}

}  // namespace abt::cli
