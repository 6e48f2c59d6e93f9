#include "data_adapters/csv/csv_source.hpp"

#include "data_adapters/csv/csv_text.hpp"
#include "data_adapters/csv/panel_csv.hpp"
#include "data_adapters/csv/series_csv.hpp"
#include "engine/core/config_json.hpp"
#include "engine/core/error.hpp"

namespace abt {
MarketData load_csv_source(const nlohmann::json& spec, const std::string& path,
                           const std::filesystem::path& base_dir, std::vector<std::string>& notes) {
  PanelCsvOptions options;
  std::vector<std::filesystem::path> files;
  nlohmann::json series = nlohmann::json::array();
  if (spec.is_object()) {
    for (const auto& [key, value] : spec.items())
      if (key != "files" && key != "series" && key != "ignore_columns")
        throw ConfigError(path + "." + key + ": unknown key (expected files, series, ignore_columns)");
    if (!spec.contains("files")) throw ConfigError(path + ".files: expected the panel CSV path(s)");
    files = json_path_list(spec["files"], path + ".files", base_dir);
    if (spec.contains("series")) series = spec["series"];
    if (spec.contains("ignore_columns")) {
      if (!spec["ignore_columns"].is_array())
        throw ConfigError(path + ".ignore_columns: expected a list of names");
      for (size_t k = 0; k < spec["ignore_columns"].size(); ++k) {
        const auto& c = spec["ignore_columns"][k];
        if (!c.is_string())
          throw ConfigError(path + ".ignore_columns[" + std::to_string(k) + "]: expected a column name");
        options.ignore_columns.push_back(csv::to_lower(c.get<std::string>()));
      }
    }
  } else {
    files = json_path_list(spec, path, base_dir);
  }
  MarketData data = load_panel_csv(files, options);
  if (!series.is_array()) throw ConfigError(path + ".series: expected a list of {\"name\", \"file\"}");
  for (size_t i = 0; i < series.size(); ++i) {
    const std::string at = path + ".series[" + std::to_string(i) + "]";
    const auto& s = series[i];
    if (!s.is_object() || !s.contains("file") || !s["file"].is_string())
      throw ConfigError(at + ": expected {\"name\": NAME, \"file\": PATH}");
    std::string name = s.contains("name") && s["name"].is_string() ? s["name"].get<std::string>() : "";
    const SeriesAttachNote note =
        attach_series(data, read_series_csv(resolve_against(base_dir, s["file"].get<std::string>()), name));
    if (!note.message.empty()) notes.push_back(note.message);
  }
  return data;
}

}  // namespace abt
