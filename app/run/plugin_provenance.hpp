#pragma once
// Plugin provenance as recorded with runs: result.json "plugins", golden files, sweep.json and the run store
// hold arrays of {"path", "sha256", "name", "version", "strategies"} (LoadedPlugin::to_json; goldens and
// sweep headers compare without "path", which differs between machines). These functions say what changed
// between two such arrays, matching entries by declared name.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace abt {

/// `plugins` without the machine-specific "path" of each entry (the identity of a build: name, version,
/// sha256, strategies). A null or non-array input gives an empty array.
nlohmann::json plugin_identities(const nlohmann::json& plugins);

/// One line per difference from `before` to `now`, by plugin name, in the order of `before` then `now`:
///   "plugin momentum changed: sha256 0123456789ab.. -> 89abcdef0123.., version 1.0.0 -> 1.1.0"
///   "plugin momentum is no longer loaded (sha256 0123456789ab..)"
///   "plugin extra is new (sha256 ...)"
/// Empty when both hold the same builds (paths are ignored). Entries without a name are matched by path.
std::vector<std::string> plugin_changes(const nlohmann::json& before, const nlohmann::json& now);

/// "momentum 1.0.0 (sha256 0123456789ab.., /abs/libmomentum_plugin.so)" for an entry ("" parts omitted).
std::string describe_plugin(const nlohmann::json& entry);

}  // namespace abt
