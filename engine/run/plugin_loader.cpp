#include "engine/run/plugin_loader.hpp"

#include <dlfcn.h>

#include "engine/core/error.hpp"
#include "engine/strategy/plugin_api.hpp"

namespace abt {

PluginLibraries::~PluginLibraries() {
  for (auto it = handles_.rbegin(); it != handles_.rend(); ++it) dlclose(*it);
}

void PluginLibraries::load(const std::filesystem::path& path, StrategyRegistry& registry,
                           const std::string& what) {
  const std::string where = what + ": plugin '" + path.string() + "'";
  if (!std::filesystem::exists(path)) throw ConfigError(where + ": no such file");
  // A path with a slash makes dlopen load exactly this file (no library search).
  const std::string file = path.has_parent_path() ? path.string() : ("./" + path.string());
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* err = dlerror();
    throw ConfigError(where + ": cannot load it (" + std::string(err ? err : "unknown error") + ")");
  }
  const auto fail = [&](const std::string& message) {
    dlclose(handle);
    throw ConfigError(where + ": " + message);
  };
  auto* version = reinterpret_cast<AbtPluginAbiVersionFn>(dlsym(handle, ABT_PLUGIN_ABI_SYMBOL));
  if (!version)
    fail("not an abt plugin (no '" ABT_PLUGIN_ABI_SYMBOL
         "' symbol; define the entry points with ABT_PLUGIN)");
  auto* add = reinterpret_cast<AbtPluginRegisterFn>(dlsym(handle, ABT_PLUGIN_REGISTER_SYMBOL));
  if (!add) fail("not an abt plugin (no '" ABT_PLUGIN_REGISTER_SYMBOL "' symbol)");
  const int abi = version();
  if (abi != kPluginAbiVersion)
    fail("built for plugin ABI " + std::to_string(abi) + ", this abt has ABI " +
         std::to_string(kPluginAbiVersion) + " (rebuild the plugin against this abt)");
  handles_.push_back(handle);  // from here on the registry may hold code of this library
  add(&registry);
}

}  // namespace abt
