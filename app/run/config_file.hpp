#pragma once
// Reading run configs and applying command-line overrides.
#include <cstdint>
#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace abt {

/// Largest JSON file read (configs, plans, result.json, sweep.json): 256 MiB.
inline constexpr uint64_t kMaxJsonFileBytes = uint64_t{256} << 20;

/// Parses a JSON file (engine/core/json_text.hpp: depth limit, duplicate keys, line and column of syntax
/// errors). Throws ConfigError naming the file: missing, not a regular file, larger than kMaxJsonFileBytes,
/// or malformed.
nlohmann::json read_json_file(const std::filesystem::path& path);

/// Applies "dotted.path=value" to `config`: value is parsed as JSON when it is valid JSON (8, 0.5, true,
/// [3,5], {"a":1}, "quoted"), else taken as a plain string. Intermediate objects are created as needed.
/// Throws ConfigError for a malformed assignment, invalid UTF-8, a number outside the range of a double
/// (1e400), more than kMaxJsonDepth path components, or when a path step crosses a non-object value.
void apply_override(nlohmann::json& config, std::string_view assignment);

}  // namespace abt
