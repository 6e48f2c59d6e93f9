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
  std::vector<double> benchmark;  // equity.csv's benchmark column (empty without one)
};

/// Reads DIR/result.json and DIR/equity.csv. Throws ConfigError naming the file when missing or malformed.
ComparedRun load_compared_run(const std::filesystem::path& dir);

/// The winner of metric `name` among `values` (index of the best) by the metric registry's direction, or -1
/// when the metric has none (days, trades, beta, benchmark figures, ...) or all values are equal or
/// non-numeric. VaR, CVaR, drawdown, volatility, costs: lower is better.
int metric_winner(const std::string& name, const std::vector<nlohmann::json>& values);

/// A fixed-width text table: metric, each run's value, each later run's difference to the first, winner.
std::string comparison_text(const std::vector<ComparedRun>& runs);
/// The plugins of the runs, "" when no run has any and `loaded` is empty: each run's plugins, how each later
/// run's builds differ from the first run's, and (with `loaded`, the plugins given by --plugin) how each
/// run's recorded builds differ from the loaded ones. Lines name runs by their [index].
std::string plugins_text(const std::vector<ComparedRun>& runs,
                         const nlohmann::json& loaded = nlohmann::json::array());
/// The resolved settings (JSON paths into result.json "config") whose values are not the same in every run,
/// with each run's value ("(absent)" when a run lacks the key).
std::vector<std::pair<std::string, std::vector<std::string>>> differing_settings(
    const std::vector<ComparedRun>& runs);
/// A self-contained HTML page: the differing settings highlighted, overlays of the NAVs (each normalized to
/// 1, log axis, with the first run's benchmark) and of the drawdowns, the metrics table with the registry's
/// labels and formats, the difference to the first run and the best run of each metric.
std::string comparison_html(const std::vector<ComparedRun>& runs);

}  // namespace abt
