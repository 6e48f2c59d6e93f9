#pragma once
// Host side of strategy plugins (engine/strategy/plugin_api.hpp): loads shared libraries, checks their ABI
// version, lets them add strategies to a registry and records what was loaded (provenance: path, SHA-256 of
// the file, declared name and version, the strategies it registered). The libraries stay loaded until the
// PluginLibraries object is destroyed, so it must outlive the registry and every strategy created from it
// (declare it first).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/strategy/registry.hpp"

namespace abt {

/// One loaded plugin library.
struct LoadedPlugin {
  std::filesystem::path path;  // as given to load() (absolute, or relative to the working directory)
  std::string sha256;          // of the file's bytes, 64 hex digits
  std::string name;            // ABT_PLUGIN_INFO's name, else the file stem ("libmomentum_plugin")
  std::string version;         // ABT_PLUGIN_INFO's version, else ""
  int abi_major = 0, abi_minor = 0;
  std::vector<std::string> strategies;  // the names it registered, sorted

  /// {"path", "sha256", "name", "version", "strategies"} (result.json "plugins" entries).
  nlohmann::json to_json() const;
};

class PluginLibraries {
 public:
  PluginLibraries() = default;
  ~PluginLibraries();
  PluginLibraries(const PluginLibraries&) = delete;
  PluginLibraries& operator=(const PluginLibraries&) = delete;

  /// Loads the plugin at `path` and registers its strategies into `registry`. `what` names where the path
  /// came from in messages ("plugins[0]", "--plugin"). Throws ConfigError for a missing or unloadable file, a
  /// missing entry point, an incompatible ABI version (another major, or a newer minor than this abt's), or
  /// a strategy name registered twice. The returned reference is valid until the next load().
  const LoadedPlugin& load(const std::filesystem::path& path, StrategyRegistry& registry,
                           const std::string& what);

  /// The loaded plugin whose file is `path` (the same file by canonical path), or nullptr.
  const LoadedPlugin* find_file(const std::filesystem::path& path) const;
  /// The loaded plugin that registered strategy `name`, or nullptr (a built-in, or unknown).
  const LoadedPlugin* owner_of(std::string_view strategy) const;
  /// In load order.
  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  size_t size() const { return handles_.size(); }

 private:
  std::vector<void*> handles_;
  std::vector<LoadedPlugin> plugins_;
};

}  // namespace abt
