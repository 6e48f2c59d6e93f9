#include "app/run/config_file.hpp"

#include <fstream>
#include <sstream>

#include "engine/core/error.hpp"

namespace abt {

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Translate the byte offset into line and column for the user.
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    if (const auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    throw ConfigError(path.string() + ": line " + std::to_string(line) + ", column " +
                      std::to_string(column) + ": invalid JSON (" + what + ")");
  }
}

void apply_override(nlohmann::json& config, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw ConfigError("--set '" + std::string(assignment) + "': expected key.path=value");
  const std::string key(assignment.substr(0, eq));
  const std::string value_text(assignment.substr(eq + 1));
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(value_text);
  } catch (const nlohmann::json::parse_error&) {
    value = value_text;
  }
  nlohmann::json* node = &config;
  std::string walked;
  size_t start = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) throw ConfigError("--set '" + key + "': empty path component");
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
