#pragma once
// Host side of strategy plugins (engine/strategy/plugin_api.hpp): loads shared libraries and lets them add
// strategies to a registry. The libraries stay loaded until the PluginLibraries object is destroyed, so it
// must outlive the registry and every strategy created from it (declare it first).
#include <filesystem>
#include <string>
#include <vector>

#include "engine/strategy/registry.hpp"

namespace abt {

class PluginLibraries {
 public:
  PluginLibraries() = default;
  ~PluginLibraries();
  PluginLibraries(const PluginLibraries&) = delete;
  PluginLibraries& operator=(const PluginLibraries&) = delete;

  /// Loads the plugin at `path` and registers its strategies into `registry`. `what` names where the path
  /// came from in messages ("plugins[0]", "--plugin"). Throws ConfigError for a missing or unloadable file, a
  /// missing entry point, an ABI version mismatch, or a strategy name registered twice.
  void load(const std::filesystem::path& path, StrategyRegistry& registry, const std::string& what);

  size_t size() const { return handles_.size(); }

 private:
  std::vector<void*> handles_;
};

}  // namespace abt
