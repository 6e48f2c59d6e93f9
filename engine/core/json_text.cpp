#include "engine/core/json_text.hpp"

#include <set>
#include <vector>

#include "engine/core/error.hpp"

namespace abt {
namespace {

using nlohmann::json;

std::string line_column(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// Offset of the first bracket that opens level kMaxJsonDepth + 1 (outside strings), or npos.
size_t too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

/// Parser callback that tracks the JSON path and refuses a key seen twice in one object.
class DuplicateKeyCheck {
 public:
  explicit DuplicateKeyCheck(const std::string& where) : where_(where) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        element_begins();
        frames_.push_back({true, {}, 0, {}});
        break;
      case json::parse_event_t::array_start:
        element_begins();
        frames_.push_back({false, {}, 0, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key: {
        Frame& top = frames_.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second)
          throw ConfigError(where_ + ": " + path() + ": duplicate key (a key may appear once per object)");
        break;
      }
      case json::parse_event_t::value:
        element_begins();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool object;
    std::string key;  // objects: the key being read
    size_t next;      // arrays: index of the next element
    std::set<std::string> keys;
  };
  void element_begins() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().next;
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) {
      if (f.object)
        p += (p.empty() ? "" : ".") + f.key;
      else
        p += "[" + std::to_string(f.next - 1) + "]";
    }
    return p;
  }

  const std::string& where_;
  std::vector<Frame> frames_;
};

std::string parser_message(const std::string& what) {
  const auto pos = what.find("parse error");
  return pos == std::string::npos ? what : what.substr(pos);
}

}  // namespace

json parse_json_text(std::string_view text, const std::string& where) {
  if (const size_t deep = too_deep_at(text); deep != std::string_view::npos)
    throw ConfigError(where + ": " + line_column(text, deep) + ": JSON nested deeper than " +
                      std::to_string(kMaxJsonDepth) + " levels");
  DuplicateKeyCheck check(where);
  try {
    return json::parse(text, std::ref(check));
  } catch (const json::parse_error& e) {
    throw ConfigError(where + ": " + line_column(text, e.byte > 0 ? e.byte - 1 : 0) + ": invalid JSON (" +
                      parser_message(e.what()) + ")");
  } catch (const json::exception& e) {
    // number overflow (out_of_range 406) and the like carry no position
    throw ConfigError(where + ": invalid JSON (" + std::string(e.what()) +
                      ": expected numbers within the range of a double)");
  }
}

std::string json_for_message(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace abt
