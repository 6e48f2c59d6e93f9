#include "engine/strategy/path_param.hpp"

#include "engine/core/error.hpp"

namespace abt::params_detail {

template <>
std::string type_name<FilePath>() {
  return kFilePathType;
}

template <>
void read<FilePath>(const nlohmann::json& j, FilePath& out, const std::string& path, const Check&) {
  if (!j.is_string()) throw ConfigError(path + ": expected a file path (a string), got " + j.dump());
  out.value = j.get<std::string>();
}

template <>
nlohmann::json to_json<FilePath>(const FilePath& v) {
  return v.value;
}

}  // namespace abt::params_detail
