#pragma once
// Typed strategy parameters. A strategy's Params is a plain struct with defaults and a describe() method that
// visits every field once:
//
//   struct Params {
//     int fast = 5;
//     std::string frequency = "1d";
//     template <class V> void describe(V& v) {
//       v("fast", fast, "fast SMA window in bars", Check::at_least(1));
//       v("frequency", frequency, "bar frequency", Check::one_of({"1d", "60m"}));
//     }
//     void validate(const std::string& path) const;  // optional cross-field checks, throws ConfigError
//   };
//
// parse_params<P>(json, "strategy.params") fills a P from JSON: missing keys keep their defaults, wrong
// types, out-of-range values and unknown keys throw ConfigError naming the JSON path ("strategy.params.fast:
// ..."). describe_params<P>() lists every parameter with its type, default and doc for `abt strategies`.
// Integers are read exactly (engine/core/json_value.hpp): a value outside the check's bounds or outside the
// range of the field's type (4294967301 for an int, 1e20, 2.5) is an error, never narrowed or truncated.
// Every window and count should carry an upper bound (kMaxWindow, kMaxInstruments): buffers are sized by
// them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/error.hpp"

namespace abt {

/// Documented upper bounds of strategy parameters (docs/configuration.md "Bounds"): windows and lookbacks in
/// bars (more than 100 years of daily bars, about 100 years of 60-minute bars) and counts of instruments
/// (index sizes, candidates, holdings; about 20 times the A-share market).
inline constexpr double kMaxWindow = 100000;
inline constexpr double kMaxInstruments = 100000;

/// A value constraint attached to a parameter.
struct Check {
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> choices;  // allowed strings (for string and string-list params)

  static Check none() { return {}; }
  static Check at_least(double v) { return {v, std::nullopt, {}}; }
  static Check range(double lo, double hi) { return {lo, hi, {}}; }
  static Check one_of(std::vector<std::string> c) { return {std::nullopt, std::nullopt, std::move(c)}; }
  /// Human-readable form, e.g. ">= 1", "in [0, 1]", "one of 1d|60m" ("" for none).
  std::string describe() const;
};

struct ParamDoc {
  std::string name;
  std::string type;  // "int", "number", "bool", "string", "string[]", "int[]", "number[]"
  nlohmann::json default_value;
  std::string doc;
  std::string constraint;
};

namespace params_detail {
template <class T>
std::string type_name();
template <class T>
void read(const nlohmann::json& j, T& out, const std::string& path, const Check& check);
template <class T>
nlohmann::json to_json(const T& v);
// The supported parameter types (defined in params.cpp).
template <>
std::string type_name<bool>();
template <>
void read<bool>(const nlohmann::json&, bool&, const std::string&, const Check&);
template <>
nlohmann::json to_json<bool>(const bool&);
template <>
std::string type_name<int>();
template <>
void read<int>(const nlohmann::json&, int&, const std::string&, const Check&);
template <>
nlohmann::json to_json<int>(const int&);
template <>
std::string type_name<int64_t>();
template <>
void read<int64_t>(const nlohmann::json&, int64_t&, const std::string&, const Check&);
template <>
nlohmann::json to_json<int64_t>(const int64_t&);
template <>
std::string type_name<double>();
template <>
void read<double>(const nlohmann::json&, double&, const std::string&, const Check&);
template <>
nlohmann::json to_json<double>(const double&);
template <>
std::string type_name<std::string>();
template <>
void read<std::string>(const nlohmann::json&, std::string&, const std::string&, const Check&);
template <>
nlohmann::json to_json<std::string>(const std::string&);
template <>
std::string type_name<std::vector<std::string>>();
template <>
void read<std::vector<std::string>>(const nlohmann::json&, std::vector<std::string>&, const std::string&,
                                    const Check&);
template <>
nlohmann::json to_json<std::vector<std::string>>(const std::vector<std::string>&);
template <>
std::string type_name<std::vector<int>>();
template <>
void read<std::vector<int>>(const nlohmann::json&, std::vector<int>&, const std::string&, const Check&);
template <>
nlohmann::json to_json<std::vector<int>>(const std::vector<int>&);
template <>
std::string type_name<std::vector<double>>();
template <>
void read<std::vector<double>>(const nlohmann::json&, std::vector<double>&, const std::string&, const Check&);
template <>
nlohmann::json to_json<std::vector<double>>(const std::vector<double>&);
}  // namespace params_detail

/// Visitor that reads fields from a JSON object and rejects unknown keys in finish().
class ParamReader {
 public:
  ParamReader(const nlohmann::json& object, std::string path);

  template <class T>
  void operator()(std::string_view name, T& value, std::string_view /*doc*/, const Check& check = {}) {
    seen_.emplace_back(name);
    if (!object_.is_object()) return;
    const auto it = object_.find(std::string(name));
    if (it == object_.end()) return;
    params_detail::read(*it, value, path_ + "." + std::string(name), check);
  }
  /// Throws ConfigError for the first key no field consumed.
  void finish() const;

 private:
  const nlohmann::json& object_;
  std::string path_;
  std::vector<std::string> seen_;
};

/// Visitor that records the documentation of every field.
class ParamDescriber {
 public:
  template <class T>
  void operator()(std::string_view name, T& value, std::string_view doc, const Check& check = {}) {
    docs.push_back({std::string(name), params_detail::type_name<T>(), params_detail::to_json(value),
                    std::string(doc), check.describe()});
  }
  std::vector<ParamDoc> docs;
};

/// Visitor that writes every field (resolved values) into a JSON object.
class ParamWriter {
 public:
  template <class T>
  void operator()(std::string_view name, T& value, std::string_view, const Check& = {}) {
    json[std::string(name)] = params_detail::to_json(value);
  }
  nlohmann::json json = nlohmann::json::object();
};

template <class P>
P parse_params(const nlohmann::json& j, const std::string& path) {
  if (!j.is_null() && !j.is_object())
    throw ConfigError(path + ": expected an object of parameters, got " + std::string(j.type_name()));
  P p;
  ParamReader reader(j, path);
  p.describe(reader);
  reader.finish();
  if constexpr (requires(const P& q) { q.validate(path); }) p.validate(path);
  return p;
}

template <class P>
std::vector<ParamDoc> describe_params() {
  P p;
  ParamDescriber d;
  p.describe(d);
  return std::move(d.docs);
}

template <class P>
nlohmann::json params_to_json(P p) {
  ParamWriter w;
  p.describe(w);
  return std::move(w.json);
}

}  // namespace abt
