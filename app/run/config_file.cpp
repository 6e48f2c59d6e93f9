#include "app/run/config_file.hpp"

#include <charconv>
#include <cstdio>
#include <system_error>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "engine/core/json_text.hpp"
#include "engine/core/utf8.hpp"

namespace abt {
namespace {

/// True when `text` is a decimal number too large for a double (1e400): JSON syntax, but no value.
bool overflowing_number(const std::string& text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc::result_out_of_range && end == text.data() + text.size();
}

void require_utf8(std::string_view text, std::string_view assignment) {
  const size_t bad = first_invalid_utf8(text);
  if (bad == text.size()) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[bad]));
  throw ConfigError("--set '" + utf8_for_display(assignment) + "': expected UTF-8 text, got the byte " +
                    byte + " at offset " + std::to_string(bad));
}

}  // namespace

nlohmann::json read_json_file(const std::filesystem::path& path) {
  const std::string text = read_input_file<ConfigError>(path, "a JSON file", kMaxJsonFileBytes);
  return parse_json_text(text, path.string());
}

void apply_override(nlohmann::json& config, std::string_view assignment) {
  require_utf8(assignment, assignment);
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw ConfigError("--set '" + std::string(assignment) + "': expected key.path=value");
  const std::string key(assignment.substr(0, eq));
  const std::string value_text(assignment.substr(eq + 1));
  nlohmann::json value;
  if (nlohmann::json::accept(value_text))
    value = parse_json_text(value_text, "--set " + key);
  else if (overflowing_number(value_text))
    throw ConfigError("--set " + key + ": " + value_text +
                      " is outside the range of a double (expected a finite number)");
  else
    value = value_text;
  nlohmann::json* node = &config;
  std::string walked;
  size_t start = 0;
  int depth = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) throw ConfigError("--set '" + key + "': empty path component");
    if (++depth > kMaxJsonDepth)
      throw ConfigError("--set " + key.substr(0, 60) + "...: expected at most " +
                        std::to_string(kMaxJsonDepth) + " path components");
    if (node->is_null()) *node = nlohmann::json::object();
    if (!node->is_object())
      throw ConfigError("--set " + key + ": '" + (walked.empty() ? "<root>" : walked) +
                        "' is not an object, cannot set '" + part + "'");
    walked += (walked.empty() ? "" : ".") + part;
    node = &(*node)[part];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  *node = std::move(value);
}

}  // namespace abt
