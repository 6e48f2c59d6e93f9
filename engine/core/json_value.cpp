#include "engine/core/json_value.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"

namespace abt {
namespace {

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

// Built with ostringstream: GCC 12 warns (-Wrestrict, a false positive) on some chains of std::string +.
std::string integer_range_text(int64_t lo, int64_t hi) {
  std::ostringstream s;
  s << "[" << lo << ", " << hi << "]";
  return s.str();
}

std::string number_range_text(double lo, double hi) {
  std::ostringstream s;
  if (std::isinf(lo) && std::isinf(hi)) return "";
  if (std::isinf(hi))
    s << ">= " << number_text(lo);
  else if (std::isinf(lo))
    s << "<= " << number_text(hi);
  else
    s << "in [" << number_text(lo) << ", " << number_text(hi) << "]";
  return s.str();
}

int64_t json_integer(const nlohmann::json& j, const std::string& path, int64_t lo, int64_t hi) {
  const auto fail = [&]() -> int64_t {
    std::ostringstream s;
    s << path << ": expected an integer in " << integer_range_text(lo, hi) << ", got " << json_for_message(j);
    throw ConfigError(s.str());
  };
  if (j.is_number_unsigned()) {
    const uint64_t u = j.get<uint64_t>();
    if (hi < 0 || u > static_cast<uint64_t>(hi)) return fail();
    const auto v = static_cast<int64_t>(u);
    return v < lo ? fail() : v;
  }
  if (j.is_number_integer()) {
    const int64_t v = j.get<int64_t>();
    return v < lo || v > hi ? fail() : v;
  }
  if (j.is_number_float()) {
    const double d = j.get<double>();
    // Range-check as a double before the cast: only values inside int64 reach static_cast.
    if (!std::isfinite(d) || d != std::floor(d) || d < -0x1p63 || d >= 0x1p63) return fail();
    const auto v = static_cast<int64_t>(d);
    return v < lo || v > hi ? fail() : v;
  }
  return fail();
}

double json_number(const nlohmann::json& j, const std::string& path, double lo, double hi) {
  if (!j.is_number() || !std::isfinite(j.get<double>()) || j.get<double>() < lo || j.get<double>() > hi) {
    const std::string range = number_range_text(lo, hi);
    std::ostringstream s;
    s << path << ": expected a number" << (range.empty() ? "" : " ") << range << ", got "
      << json_for_message(j);
    throw ConfigError(s.str());
  }
  return j.get<double>();
}

}  // namespace abt
