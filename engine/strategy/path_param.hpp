#pragma once
// A file-path strategy parameter (params.hpp): a string the run layer resolves like every other path of a
// config. Declared as `FilePath file;` in a Params struct, it is read from a JSON string, listed by
// `abt strategies` with type "path" (kFilePathType), and echoed in result.json as written. Before the
// strategy is built, the run layer (app/run/backtest_runner.hpp) replaces a relative path with one relative
// to the config file's directory, as it does for data paths; with no config file (a config given as an
// object, e.g. from Python) a relative path stays relative to the working directory.
#include <string>

#include <nlohmann/json.hpp>

#include "engine/strategy/params.hpp"

namespace abt {

struct FilePath {
  std::string value;  // as given ("" = not set)
  bool empty() const { return value.empty(); }
};

/// ParamDoc::type of a FilePath parameter.
inline constexpr const char* kFilePathType = "path";

namespace params_detail {
template <>
std::string type_name<FilePath>();
/// Accepts a JSON string; Check::choices do not apply.
template <>
void read<FilePath>(const nlohmann::json& j, FilePath& out, const std::string& path, const Check& check);
template <>
nlohmann::json to_json<FilePath>(const FilePath& v);
}  // namespace params_detail

}  // namespace abt
