#pragma once
// Checks shared by the readers of JSON configuration (run configs, "data" specs, import sources): unknown
// keys and file paths relative to the config file. Errors are ConfigError naming the JSON path.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace abt {

/// Throws ConfigError "<path>.<key>: unknown key (expected one of: a, b, ...)" for the first key of `obj`
/// not in `known` (just "<key>: ..." when `path` is empty, i.e. at the document root).
void reject_unknown_keys(const nlohmann::json& obj, const std::string& path,
                         const std::set<std::string>& known);

/// `p` itself when absolute or when `base_dir` is empty, else `base_dir / p` (no normalisation).
std::filesystem::path resolve_against(const std::filesystem::path& base_dir, const std::filesystem::path& p);

/// A path string or a non-empty array of path strings at JSON path `where`, each resolved against `base_dir`.
/// Throws ConfigError "<where>[k]: expected a path" or "<where>: expected a path or a non-empty list of
/// paths".
std::vector<std::filesystem::path> json_path_list(const nlohmann::json& value, const std::string& where,
                                                  const std::filesystem::path& base_dir);

}  // namespace abt
