#include "app/run/sweep_keep.hpp"

#include <charconv>

#include "engine/core/error.hpp"

namespace abt {

KeepPolicy KeepPolicy::parse(const std::string& text, const std::string& where) {
  KeepPolicy p;
  if (text == "all") {
    p.mode = Mode::All;
    return p;
  }
  if (text == "none") {
    p.mode = Mode::None;
    return p;
  }
  if (text.rfind("top:", 0) == 0) {
    int64_t k = -1;
    const char* begin = text.data() + 4;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(begin, end, k);
    if (r.ec == std::errc() && r.ptr == end && begin != end && k >= 0) {
      p.mode = Mode::Top;
      p.top = k;
      return p;
    }
  }
  throw ConfigError(
      std::string(where).append(": expected all, none or top:K (K >= 0), got '").append(text).append("'"));
}

std::string KeepPolicy::to_string() const {
  if (mode == Mode::All) return "all";
  if (mode == Mode::None) return "none";
  return std::string("top:").append(std::to_string(top));
}

}  // namespace abt
