#pragma once
// `abt compare`: metrics of several run directories side by side, the difference of each to the first run,
// the winner of each metric, and an HTML page with an overlay NAV chart (self-contained, inline SVG).
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace abt {

struct ComparedRun {
  std::string name;  // the directory as given
  nlohmann::json metrics;
  nlohmann::json config;                             // result.json "config"
  nlohmann::json plugins = nlohmann::json::array();  // result.json "plugins" (plugin_provenance.hpp)
  std::vector<std::string> dates;
  std::vector<double> navs;
};

/// Reads DIR/result.json and DIR/equity.csv. Throws ConfigError naming the file when missing or malformed.
ComparedRun load_compared_run(const std::filesystem::path& dir);

/// The winner of metric `name` among `values` (index of the best), or -1 when the metric has no better
/// direction (days, trades, beta, benchmark figures, ...) or all values are equal or non-numeric.
int metric_winner(const std::string& name, const std::vector<nlohmann::json>& values);

/// A fixed-width text table: metric, each run's value, each later run's difference to the first, winner.
std::string comparison_text(const std::vector<ComparedRun>& runs);
/// The plugins of the runs, "" when no run has any and `loaded` is empty: each run's plugins, how each later
/// run's builds differ from the first run's, and (with `loaded`, the plugins given by --plugin) how each
/// run's recorded builds differ from the loaded ones. Lines name runs by their [index].
std::string plugins_text(const std::vector<ComparedRun>& runs,
                         const nlohmann::json& loaded = nlohmann::json::array());
/// A self-contained HTML page: the same table and an overlay chart of the NAVs (each normalized to 1).
std::string comparison_html(const std::vector<ComparedRun>& runs);

}  // namespace abt
