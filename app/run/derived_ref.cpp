#include "app/run/derived_ref.hpp"

#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {

DerivedRef parse_derived_ref(const nlohmann::json& j, const std::string& path) {
  if (j.is_string()) return DerivedRef(j.get<std::string>());
  if (!j.is_object())
    throw ConfigError(path + ": expected a name or an object {\"NAME\": {settings}}, got " +
                      json_for_message(j));
  if (j.size() != 1)
    throw ConfigError(
        std::string(path)
            .append(": expected an object with one key, the name ({\"NAME\": {settings}}), got ")
            .append(std::to_string(j.size()))
            .append(" keys"));
  const auto it = j.begin();
  if (!it.value().is_object())
    throw ConfigError(path + "." + it.key() + ": expected an object of settings, got " +
                      std::string(it.value().type_name()));
  DerivedRef ref(it.key());
  ref.settings = it.value();
  return ref;
}

nlohmann::json resolve_derived_settings(const DerivedRef& ref, const DerivedSettings& settings,
                                        const std::string& path) {
  return settings.resolve(ref.settings, path + "." + ref.name);
}

nlohmann::json derived_ref_echo(const DerivedRef& ref, const nlohmann::json& resolved) {
  if (!ref.object_form()) return ref.name;
  return nlohmann::json::object({{ref.name, resolved}});
}

std::string derived_ref_label(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.size() == 1) return value.begin().key() + " " + value.begin().value().dump();
  return value.is_null() ? std::string() : value.dump();
}

}  // namespace abt
