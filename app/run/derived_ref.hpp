#pragma once
// A derived series or instrument as a config names it (issue 11 §2): "NAME" means its default settings,
// {"NAME": {settings}} sets some (StrategyRegistry: DerivedSettings). Used by "benchmark" and by every entry
// of "derived_instruments"; the resolved config echoes the string form as written and the object form with
// every setting resolved.
#include <string>

#include <nlohmann/json.hpp>

namespace abt {

struct DerivedSettings;  // engine/strategy/registry.hpp

struct DerivedRef {
  DerivedRef() = default;
  DerivedRef(std::string n) : name(std::move(n)) {}  // NOLINT: the string form, implicitly
  DerivedRef(const char* n) : name(n) {}             // NOLINT

  std::string name;
  nlohmann::json settings;  // as written in the object form; null for the string form (the defaults)

  bool object_form() const { return !settings.is_null(); }
};

/// Parses the string or the object form at JSON path `path`. The object form must have exactly one key
/// (the name) whose value is an object of settings. Throws ConfigError naming `path`.
DerivedRef parse_derived_ref(const nlohmann::json& j, const std::string& path);

/// The settings of `ref` resolved by `settings` (every setting; errors name `path`.NAME.KEY).
nlohmann::json resolve_derived_settings(const DerivedRef& ref, const DerivedSettings& settings,
                                        const std::string& path);

/// The resolved config's form of `ref`: its name for the string form, {name: resolved} for the object form.
nlohmann::json derived_ref_echo(const DerivedRef& ref, const nlohmann::json& resolved);

/// A one-line label of a config value naming a derived series or anything else (a resolved config's
/// "benchmark"): a string as it is, {"NAME": {settings}} as `NAME {"key":value,...}`, "" for null.
std::string derived_ref_label(const nlohmann::json& value);

}  // namespace abt
