#include "engine/strategy/params.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "engine/core/json_text.hpp"
#include "engine/core/json_value.hpp"

namespace abt {

std::string Check::describe() const {
  std::ostringstream out;
  auto num = [](double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  };
  if (min && max)
    out << "in [" << num(*min) << ", " << num(*max) << "]";
  else if (min)
    out << ">= " << num(*min);
  else if (max)
    out << "<= " << num(*max);
  if (!choices.empty()) {
    out << "one of ";
    for (size_t i = 0; i < choices.size(); ++i) out << (i ? "|" : "") << choices[i];
  }
  return out.str();
}

ParamReader::ParamReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {}

void ParamReader::finish() const {
  if (!object_.is_object()) return;
  for (const auto& [key, value] : object_.items()) {
    if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) {
      std::string known;
      for (const auto& s : seen_) known += (known.empty() ? "" : ", ") + s;
      throw ConfigError(path_ + "." + key + ": unknown parameter (known: " + known + ")");
    }
  }
}

namespace params_detail {
namespace {

[[noreturn]] void type_error(const nlohmann::json& j, const std::string& path, std::string_view expected) {
  throw ConfigError(path + ": expected " + std::string(expected) + ", got " + json_for_message(j));
}

void check_choice(const std::string& v, const std::string& path, const Check& c) {
  if (!c.choices.empty() && std::find(c.choices.begin(), c.choices.end(), v) == c.choices.end())
    throw ConfigError(path + ": '" + v + "' is not allowed (expected " + c.describe() + ")");
}

/// Exact integer read (engine/core/json_value.hpp): the check's bounds, within the range of Int.
template <class Int>
void read_int(const nlohmann::json& j, Int& out, const std::string& path, const Check& c) {
  constexpr auto kLo = static_cast<double>(std::numeric_limits<Int>::min());
  constexpr auto kHi = static_cast<double>(std::numeric_limits<Int>::max());
  const int64_t lo = c.min && std::ceil(*c.min) > kLo ? static_cast<int64_t>(std::ceil(*c.min))
                                                      : static_cast<int64_t>(std::numeric_limits<Int>::min());
  const int64_t hi = c.max && std::floor(*c.max) < kHi
                         ? static_cast<int64_t>(std::floor(*c.max))
                         : static_cast<int64_t>(std::numeric_limits<Int>::max());
  out = static_cast<Int>(json_integer(j, path, lo, hi));
}

double read_number(const nlohmann::json& j, const std::string& path, const Check& c) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  return json_number(j, path, c.min.value_or(-kInf), c.max.value_or(kInf));
}

}  // namespace

template <>
std::string type_name<bool>() {
  return "bool";
}
template <>
std::string type_name<int>() {
  return "int";
}
template <>
std::string type_name<int64_t>() {
  return "int";
}
template <>
std::string type_name<double>() {
  return "number";
}
template <>
std::string type_name<std::string>() {
  return "string";
}
template <>
std::string type_name<std::vector<std::string>>() {
  return "string[]";
}
template <>
std::string type_name<std::vector<int>>() {
  return "int[]";
}
template <>
std::string type_name<std::vector<double>>() {
  return "number[]";
}

template <>
void read<bool>(const nlohmann::json& j, bool& out, const std::string& path, const Check&) {
  if (!j.is_boolean()) type_error(j, path, "true or false");
  out = j.get<bool>();
}
template <>
void read<int>(const nlohmann::json& j, int& out, const std::string& path, const Check& c) {
  read_int(j, out, path, c);
}
template <>
void read<int64_t>(const nlohmann::json& j, int64_t& out, const std::string& path, const Check& c) {
  read_int(j, out, path, c);
}
template <>
void read<double>(const nlohmann::json& j, double& out, const std::string& path, const Check& c) {
  out = read_number(j, path, c);
}
template <>
void read<std::string>(const nlohmann::json& j, std::string& out, const std::string& path, const Check& c) {
  if (!j.is_string()) type_error(j, path, "a string");
  out = j.get<std::string>();
  check_choice(out, path, c);
}
template <>
void read<std::vector<std::string>>(const nlohmann::json& j, std::vector<std::string>& out,
                                    const std::string& path, const Check& c) {
  if (j.is_string()) {  // a single string is accepted as a one-element list
    out = {j.get<std::string>()};
    check_choice(out[0], path, c);
    return;
  }
  if (!j.is_array()) type_error(j, path, "a list of strings");
  out.clear();
  for (size_t i = 0; i < j.size(); ++i) {
    std::string s;
    read(j[i], s, path + "[" + std::to_string(i) + "]", c);
    out.push_back(std::move(s));
  }
}
template <>
void read<std::vector<int>>(const nlohmann::json& j, std::vector<int>& out, const std::string& path,
                            const Check& c) {
  if (!j.is_array()) type_error(j, path, "a list of integers");
  out.clear();
  for (size_t i = 0; i < j.size(); ++i) {
    int v = 0;
    read_int(j[i], v, path + "[" + std::to_string(i) + "]", c);
    out.push_back(v);
  }
}
template <>
void read<std::vector<double>>(const nlohmann::json& j, std::vector<double>& out, const std::string& path,
                               const Check& c) {
  if (!j.is_array()) type_error(j, path, "a list of numbers");
  out.clear();
  for (size_t i = 0; i < j.size(); ++i) {
    double v = 0;
    read(j[i], v, path + "[" + std::to_string(i) + "]", c);
    out.push_back(v);
  }
}

template <>
nlohmann::json to_json<bool>(const bool& v) {
  return v;
}
template <>
nlohmann::json to_json<int>(const int& v) {
  return v;
}
template <>
nlohmann::json to_json<int64_t>(const int64_t& v) {
  return v;
}
template <>
nlohmann::json to_json<double>(const double& v) {
  return v;
}
template <>
nlohmann::json to_json<std::string>(const std::string& v) {
  return v;
}
template <>
nlohmann::json to_json<std::vector<std::string>>(const std::vector<std::string>& v) {
  return v;
}
template <>
nlohmann::json to_json<std::vector<int>>(const std::vector<int>& v) {
  return v;
}
template <>
nlohmann::json to_json<std::vector<double>>(const std::vector<double>& v) {
  return v;
}

}  // namespace params_detail
}  // namespace abt
