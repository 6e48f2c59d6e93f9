#pragma once
// Reading run configs and applying command-line overrides.
#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace abt {

/// Parses a JSON file; throws ConfigError "FILE: line L, column C: <parser message>" on malformed JSON and
/// "FILE: cannot read" when missing.
nlohmann::json read_json_file(const std::filesystem::path& path);

/// Applies "dotted.path=value" to `config`: value is parsed as JSON when it is valid JSON (8, 0.5, true,
/// [3,5], {"a":1}, "quoted"), else taken as a plain string. Intermediate objects are created as needed.
/// Throws ConfigError for a malformed assignment or when a path step crosses a non-object value.
void apply_override(nlohmann::json& config, std::string_view assignment);

}  // namespace abt
