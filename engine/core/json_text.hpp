#pragma once
// Parsing JSON text from users (run configs, sweep plans, tolerances, --set values, dataset headers) with
// every library exception turned into a ConfigError that names where the text came from. Contract:
//   - malformed JSON, invalid UTF-8 and numbers outside the range of a double (1e400) give
//     "WHERE: line L, column C: invalid JSON (...)";
//   - nesting deeper than kMaxJsonDepth arrays/objects gives "WHERE: line L, column C: JSON nested deeper
//     than 64 levels" before the parser sees it (no recursion is ever that deep);
//   - a key given twice in one object gives "WHERE: PATH: duplicate key (a key may appear once per object)"
//     with PATH the JSON path of the second one (e.g. strategy.params.fast); nlohmann would keep the last.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace abt {

/// Deepest nesting of arrays and objects accepted (abt's own files nest fewer than 10 levels).
inline constexpr int kMaxJsonDepth = 64;

/// Parses `text`; `where` prefixes every error (a file name, "--set key"). Throws ConfigError.
nlohmann::json parse_json_text(std::string_view text, const std::string& where);

/// `j` as compact JSON text for messages: never throws (invalid UTF-8 in strings is shown as U+FFFD).
std::string json_for_message(const nlohmann::json& j);

}  // namespace abt
