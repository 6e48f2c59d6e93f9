#include "app/run/plugin_loader.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <set>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "engine/core/sha256.hpp"
#include "engine/core/utf8.hpp"
#include "engine/strategy/plugin_api.hpp"

namespace abt {
namespace {

std::string abi_text(int major, int minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

std::filesystem::path canonical_or_absolute(const std::filesystem::path& path) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path).lexically_normal() : canonical;
}

}  // namespace

nlohmann::json LoadedPlugin::to_json() const {
  return {{"path", path.string()},
          {"sha256", sha256},
          {"name", name},
          {"version", version},
          {"strategies", strategies}};
}

PluginLibraries::~PluginLibraries() {
  for (auto it = handles_.rbegin(); it != handles_.rend(); ++it) dlclose(*it);
}

const LoadedPlugin& PluginLibraries::load(const std::filesystem::path& path, StrategyRegistry& registry,
                                          const std::string& what) {
  const std::string where = what + ": plugin '" + utf8_for_display(path.string()) + "'";
  if (!std::filesystem::exists(path)) throw ConfigError(where + ": no such file");
  // The path is recorded in result.json (UTF-8 JSON), and a FIFO or a directory would block or fail the
  // SHA-256 read: both are refused before anything is read.
  if (!is_valid_utf8(path.string()))
    throw ConfigError(where + ": expected a path in UTF-8 (it is recorded in result.json)");
  try {
    require_regular_file<ConfigError>(path, "a plugin shared library");
  } catch (const ConfigError& e) {
    throw ConfigError(what + ": plugin " + e.what());
  }
  LoadedPlugin plugin;
  plugin.path = path;
  try {
    plugin.sha256 = sha256_file(path);  // the bytes about to be loaded
  } catch (const UserError& e) {
    throw ConfigError(where + ": " + e.what());
  }
  // A path with a slash makes dlopen load exactly this file (no library search).
  const std::string file = path.has_parent_path() ? path.string() : ("./" + path.string());
  // RTLD_NODELETE: dlclose never unmaps a plugin. An exception a plugin throws (its vtable and what() live in
  // the library) reaches main's handler after the PluginLibraries that loaded it are destroyed; unmapped,
  // e.what() would call into freed code (UBSan's vptr check found it, issue 14).
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!handle) {
    const char* err = dlerror();
    throw ConfigError(where + ": cannot load it (" + std::string(err ? err : "unknown error") + ")");
  }
  const auto fail = [&](const std::string& message) {
    dlclose(handle);
    throw ConfigError(where + ": " + message);
  };
  auto* major = reinterpret_cast<AbtPluginAbiVersionFn>(dlsym(handle, ABT_PLUGIN_ABI_SYMBOL));
  if (!major)
    fail("not an abt plugin (no '" ABT_PLUGIN_ABI_SYMBOL
         "' symbol; define the entry points with ABT_PLUGIN)");
  auto* add = reinterpret_cast<AbtPluginRegisterFn>(dlsym(handle, ABT_PLUGIN_REGISTER_SYMBOL));
  if (!add) fail("not an abt plugin (no '" ABT_PLUGIN_REGISTER_SYMBOL "' symbol)");
  // Plugins of ABI 3.0 predate the minor number: no symbol means minor 0.
  auto* minor = reinterpret_cast<AbtPluginAbiMinorFn>(dlsym(handle, ABT_PLUGIN_ABI_MINOR_SYMBOL));
  plugin.abi_major = major();
  plugin.abi_minor = minor ? minor() : 0;
  const std::string versions = "built for plugin ABI " + abi_text(plugin.abi_major, plugin.abi_minor) +
                               ", this abt has ABI " + abi_text(kPluginAbiMajor, kPluginAbiMinor);
  if (plugin.abi_major != kPluginAbiMajor)
    fail(versions + ": a different major version is incompatible (rebuild the plugin against this abt)");
  if (plugin.abi_minor > kPluginAbiMinor)
    fail(versions + ": it needs an abt with plugin ABI " + abi_text(plugin.abi_major, plugin.abi_minor) +
         " or a later " + std::to_string(kPluginAbiMajor) + ".x (or rebuild the plugin against this abt)");
  plugin.name = path.stem().string();
  if (auto* info_fn = reinterpret_cast<AbtPluginInfoFn>(dlsym(handle, ABT_PLUGIN_INFO_SYMBOL))) {
    const AbtPluginInfo* info = info_fn();
    if (info && info->name && *info->name) plugin.name = info->name;
    if (info && info->version) plugin.version = info->version;
  }
  std::set<std::string> before;
  for (const auto& s : registry.all()) before.insert(s.name);
  handles_.push_back(handle);  // from here on the registry may hold code of this library
  add(&registry);
  for (const auto& s : registry.all())
    if (!before.count(s.name)) plugin.strategies.push_back(s.name);
  std::sort(plugin.strategies.begin(), plugin.strategies.end());
  plugins_.push_back(std::move(plugin));
  return plugins_.back();
}

const LoadedPlugin* PluginLibraries::find_file(const std::filesystem::path& path) const {
  const auto wanted = canonical_or_absolute(path);
  for (const LoadedPlugin& p : plugins_)
    if (canonical_or_absolute(p.path) == wanted) return &p;
  return nullptr;
}

const LoadedPlugin* PluginLibraries::owner_of(std::string_view strategy) const {
  for (const LoadedPlugin& p : plugins_)
    if (std::find(p.strategies.begin(), p.strategies.end(), strategy) != p.strategies.end()) return &p;
  return nullptr;
}

}  // namespace abt
