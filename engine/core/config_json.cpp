#include "engine/core/config_json.hpp"

#include "engine/core/error.hpp"

namespace abt {

void reject_unknown_keys(const nlohmann::json& obj, const std::string& path,
                         const std::set<std::string>& known) {
  for (const auto& [key, value] : obj.items()) {
    if (known.count(key)) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw ConfigError((path.empty() ? "" : path + ".") + key + ": unknown key (expected one of: " + list +
                      ")");
  }
}

std::filesystem::path resolve_against(const std::filesystem::path& base_dir, const std::filesystem::path& p) {
  return p.is_absolute() || base_dir.empty() ? p : base_dir / p;
}

std::vector<std::filesystem::path> json_path_list(const nlohmann::json& value, const std::string& where,
                                                  const std::filesystem::path& base_dir) {
  std::vector<std::filesystem::path> out;
  if (value.is_string()) {
    out.push_back(resolve_against(base_dir, value.get<std::string>()));
  } else if (value.is_array() && !value.empty()) {
    for (size_t k = 0; k < value.size(); ++k) {
      if (!value[k].is_string()) throw ConfigError(where + "[" + std::to_string(k) + "]: expected a path");
      out.push_back(resolve_against(base_dir, value[k].get<std::string>()));
    }
  } else {
    throw ConfigError(where + ": expected a path or a non-empty list of paths");
  }
  return out;
}

}  // namespace abt
