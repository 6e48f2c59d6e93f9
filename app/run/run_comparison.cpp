#include "app/run/run_comparison.hpp"
#include "app/run/derived_ref.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "app/run/config_file.hpp"
#include "app/run/html_page.hpp"
#include "app/run/plugin_provenance.hpp"
#include "app/run/svg_chart.hpp"
#include "app/run/sweep_table.hpp"
#include "engine/analytics/metric_registry.hpp"
#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "engine/core/utf8.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

/// A metric value for people: the registry's unit and format when the metric is known.
std::string show_metric(const std::string& name, const nlohmann::json& v) {
  const MetricInfo* info = find_metric(name);
  if (info && v.is_number()) return format_metric(*info, v.get<double>());
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>().empty() ? "-" : v.get<std::string>();
  return v.dump();
}

std::string show(const nlohmann::json& v) {
  if (v.is_null()) return "-";
  if (v.is_number_float()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v.get<double>());
    return buf;
  }
  if (v.is_string()) return v.get<std::string>().empty() ? "-" : v.get<std::string>();
  return v.dump();
}

std::string difference(const nlohmann::json& first, const nlohmann::json& other) {
  if (!first.is_number() || !other.is_number()) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%+.6g", other.get<double>() - first.get<double>());
  return buf;
}

/// The metrics of the runs: the registry's in its display order, then any other key (sorted).
std::vector<std::string> metric_names(const std::vector<ComparedRun>& runs) {
  std::set<std::string> present;
  for (const auto& r : runs)
    for (const auto& [k, v] : r.metrics.items()) present.insert(k);
  std::vector<std::string> names;
  for (const MetricInfo& info : metric_registry())
    if (present.erase(info.key)) names.push_back(info.key);
  names.insert(names.end(), present.begin(), present.end());
  return names;
}

const char* kPalette[] = {"#c0392b", "#2980b9", "#27ae60", "#8e44ad",
                          "#d35400", "#16a085", "#2c3e50", "#7f8c8d"};

}  // namespace

ComparedRun load_compared_run(const std::filesystem::path& dir) {
  ComparedRun run;
  run.name = dir.string();
  const nlohmann::json result = read_json_file(dir / "result.json");
  if (!result.contains("metrics") || !result["metrics"].is_object())
    throw ConfigError((dir / "result.json").string() + ": no \"metrics\" object (not an abt run directory?)");
  run.metrics = result["metrics"];
  run.config = result.value("config", nlohmann::json());
  run.plugins = result.value("plugins", nlohmann::json::array());
  // equity.csv through the one input-file reader (a FIFO or a directory is a clear error, never a hang) and
  // every number through the one numeric reader (no "nan" or "inf").
  const std::string equity_file = (dir / "equity.csv").string();
  const std::string text = read_input_file<ConfigError>(equity_file, "an abt equity.csv");
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.rfind("date,nav,", 0) != 0)
    throw ConfigError(equity_file + ": line 1: expected a header starting with date,nav,");
  const bool with_benchmark = line.size() >= 10 && line.compare(line.size() - 10, 10, ",benchmark") == 0;
  int row = 1;
  const auto number = [&](std::string_view cell, const char* column) {
    // abt writes a benchmark without a value on a day as printf does ("nan"); a NAV always has one.
    if (std::string_view(column) == "benchmark" && (cell == "nan" || cell == "-nan")) return double{NAN};
    double v = 0;
    if (const ValueRead r = read_value(cell, ValueDomain::Finite, v); r != ValueRead::Ok)
      throw ConfigError(equity_file + ": line " + std::to_string(row) + ": " +
                        value_error(r, ValueDomain::Finite, column, utf8_for_display(cell)));
    return v;
  };
  while (std::getline(in, line)) {
    ++row;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto c1 = line.find(','), c2 = line.find(',', c1 + 1);
    if (c1 == std::string::npos || c2 == std::string::npos)
      throw ConfigError(equity_file + ": line " + std::to_string(row) + ": expected date,nav,...");
    run.dates.push_back(utf8_for_display(line.substr(0, c1)));
    run.navs.push_back(number(std::string_view(line).substr(c1 + 1, c2 - c1 - 1), "nav"));
    if (with_benchmark)
      run.benchmark.push_back(number(std::string_view(line).substr(line.rfind(',') + 1), "benchmark"));
  }
  return run;
}

int metric_winner(const std::string& name, const std::vector<nlohmann::json>& values) {
  const MetricInfo* info = find_metric(name);
  if (!info || info->better == Better::None) return -1;  // days, trades, beta, benchmark figures, ...
  int best = -1;
  bool all_equal = true;
  size_t numeric = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i].is_number()) continue;
    ++numeric;
    const double v = values[i].get<double>();
    if (best < 0) {
      best = static_cast<int>(i);
      continue;
    }
    const double b = values[static_cast<size_t>(best)].get<double>();
    if (v != b) all_equal = false;
    if (metric_better(*info, v, b)) best = static_cast<int>(i);
  }
  if (values.size() < 2 || (numeric >= 2 && all_equal)) return -1;
  return best;
}

std::vector<std::pair<std::string, std::vector<std::string>>> differing_settings(
    const std::vector<ComparedRun>& runs) {
  // Every leaf of the resolved configs (strategy params, execution, costs, risk, span, ...) by JSON path.
  std::vector<std::map<std::string, std::string>> flat;
  std::set<std::string> keys;
  for (const ComparedRun& r : runs) {
    std::map<std::string, std::string> leaves;
    if (r.config.is_object()) {
      const nlohmann::json flattened = r.config.flatten();
      for (const auto& [path, value] : flattened.items())
        leaves[path] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    for (const auto& [k, v] : leaves) keys.insert(k);
    flat.push_back(std::move(leaves));
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const std::string& key : keys) {
    std::vector<std::string> values;
    for (const auto& leaves : flat) {
      const auto it = leaves.find(key);
      values.push_back(it == leaves.end() ? "(absent)" : it->second);
    }
    if (std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end())
      out.emplace_back(key, std::move(values));
  }
  return out;
}

std::string comparison_text(const std::vector<ComparedRun>& runs) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"metric"};
  for (size_t i = 0; i < runs.size(); ++i) header.push_back("[" + std::to_string(i + 1) + "]");
  for (size_t i = 1; i < runs.size(); ++i) header.push_back("[" + std::to_string(i + 1) + "]-[1]");
  header.push_back("best");
  rows.push_back(header);
  for (const auto& name : metric_names(runs)) {
    std::vector<nlohmann::json> values;
    for (const auto& r : runs) values.push_back(r.metrics.value(name, nlohmann::json()));
    std::vector<std::string> row = {name};
    for (const auto& v : values) row.push_back(show(v));
    for (size_t i = 1; i < values.size(); ++i) row.push_back(difference(values[0], values[i]));
    const int w = metric_winner(name, values);
    row.push_back(w >= 0 ? "[" + std::to_string(w + 1) + "]" : "");
    rows.push_back(std::move(row));
  }
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], r[c].size());
  std::string out;
  for (size_t i = 0; i < runs.size(); ++i) out += "[" + std::to_string(i + 1) + "] " + runs[i].name + "\n";
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) {
      out += r[c];
      if (c + 1 < r.size()) out += std::string(widths[c] - r[c].size() + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

std::string plugins_text(const std::vector<ComparedRun>& runs, const nlohmann::json& loaded) {
  const bool any = std::any_of(runs.begin(), runs.end(), [](const ComparedRun& r) {
    return r.plugins.is_array() && !r.plugins.empty();
  });
  if (!any && (!loaded.is_array() || loaded.empty())) return "";
  std::string out = "plugins\n";
  for (size_t i = 0; i < runs.size(); ++i) {
    const std::string tag = "  [" + std::to_string(i + 1) + "] ";
    if (!runs[i].plugins.is_array() || runs[i].plugins.empty()) out += tag + "none (built-in strategies)\n";
    if (runs[i].plugins.is_array())
      for (const auto& p : runs[i].plugins) out += tag + describe_plugin(p) + "\n";
    if (i > 0)
      for (const auto& change : plugin_changes(runs[0].plugins, runs[i].plugins))
        out += tag + change + " from [1]\n";
    if (loaded.is_array() && !loaded.empty())
      for (const auto& change : plugin_changes(runs[i].plugins, loaded))
        if (change.find(" changed: ") != std::string::npos)  // one-sided plugins say nothing about a build
          out += tag + change + " in the --plugin file\n";
  }
  return out;
}

std::string comparison_html(const std::vector<ComparedRun>& runs) {
  // Overlays on the union of dates (sorted "YYYY-MM-DD" strings); a run without a date has a gap there.
  std::set<std::string> all_dates;
  for (const auto& r : runs) all_dates.insert(r.dates.begin(), r.dates.end());
  const std::vector<std::string> dates(all_dates.begin(), all_dates.end());
  std::vector<ChartSeries> navs, drawdowns;
  const ComparedRun* with_benchmark = nullptr;
  for (size_t i = 0; i < runs.size(); ++i) {
    ChartSeries nav{"[" + std::to_string(i + 1) + "] " + runs[i].name, std::vector<double>(dates.size(), NAN),
                    kPalette[i % (sizeof kPalette / sizeof kPalette[0])]};
    ChartSeries dd = nav;
    const double base = runs[i].navs.empty() ? 1.0 : runs[i].navs.front();
    double peak = 0;
    size_t k = 0;
    for (size_t d = 0; d < dates.size() && k < runs[i].dates.size(); ++d)
      if (runs[i].dates[k] == dates[d]) {
        const double v = runs[i].navs[k++];
        peak = std::max(peak, v);
        nav.values[d] = v / base;
        dd.values[d] = peak > 0 ? v / peak - 1.0 : 0.0;
      }
    navs.push_back(std::move(nav));
    drawdowns.push_back(std::move(dd));
    if (!with_benchmark && !runs[i].benchmark.empty()) with_benchmark = &runs[i];
  }
  if (with_benchmark) {  // the first run's benchmark, normalised like the NAVs
    ChartSeries b{
        "benchmark " + derived_ref_label(with_benchmark->config.value("benchmark", nlohmann::json())),
        std::vector<double>(dates.size(), NAN), "#999999"};
    const double base = with_benchmark->benchmark.front();
    size_t k = 0;
    for (size_t d = 0; d < dates.size() && k < with_benchmark->dates.size(); ++d)
      if (with_benchmark->dates[k] == dates[d]) b.values[d] = with_benchmark->benchmark[k++] / base;
    navs.push_back(std::move(b));
  }
  std::string h =
      std::string(
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>abt "
          "compare</title><style>")
          .append(kPageBaseStyle) +
      "body{max-width:1000px}td:first-child{text-align:left}"
      "td.win{background:#fde2e2;font-weight:bold}td.diff{background:#fff3c4;font-weight:bold}"
      "td.wrap{overflow-wrap:anywhere;max-width:420px;text-align:left}svg{margin:0}</style></head>"
      "<body>\n<h1>abt compare</h1>\n<ol>";
  for (const auto& r : runs)
    h += "<li>" + html_escape(r.name) + " (" +
         html_escape(r.config.is_object() ? r.config.value("/strategy/name"_json_pointer, std::string())
                                          : "") +
         ")</li>";
  h += "</ol>\n";
  const auto settings = differing_settings(runs);
  h += "<h2 id=\"settings\">Settings that differ</h2>\n";
  if (settings.empty()) {
    h += "<p>The runs have the same resolved settings.</p>\n";
  } else {
    h += "<table class=\"settings\"><tr><th>setting</th>";
    for (size_t i = 0; i < runs.size(); ++i) h += "<th>[" + std::to_string(i + 1) + "]</th>";
    h += "</tr>\n";
    for (const auto& [key, values] : settings) {
      h += "<tr><td>" + html_escape(key) + "</td>";
      for (const std::string& v : values) h += "<td class=\"diff wrap\">" + html_escape(v) + "</td>";
      h += "</tr>\n";
    }
    h += "</table>\n";
  }
  ChartOptions log;
  log.log_scale = true;
  h += std::string("<h2 id=\"nav\">NAV (each normalized to 1 at its first day") +
       (with_benchmark ? ", with the first run's benchmark" : "") + ")</h2>\n" +
       svg_line_chart(dates, navs, log) + "\n";
  ChartOptions under;
  under.percent = true;
  h += "<h2 id=\"drawdown\">Drawdown from the running peak</h2>\n" + svg_line_chart(dates, drawdowns, under) +
       "\n";
  h += "<h2 id=\"metrics\">Metrics</h2>\n<table class=\"metrics\"><tr><th>metric</th>";
  for (size_t i = 0; i < runs.size(); ++i) h += "<th>[" + std::to_string(i + 1) + "]</th>";
  for (size_t i = 1; i < runs.size(); ++i) h += "<th>[" + std::to_string(i + 1) + "] - [1]</th>";
  h += "<th>best</th></tr>\n";
  for (const auto& name : metric_names(runs)) {
    std::vector<nlohmann::json> values;
    for (const auto& r : runs) values.push_back(r.metrics.value(name, nlohmann::json()));
    const int w = metric_winner(name, values);
    const MetricInfo* info = find_metric(name);
    h += "<tr><td>" + html_escape(info ? info->label : name) + "</td>";
    for (size_t i = 0; i < values.size(); ++i)
      h += std::string(static_cast<int>(i) == w ? "<td class=\"win\">" : "<td>") +
           html_escape(show_metric(name, values[i])) + "</td>";
    for (size_t i = 1; i < values.size(); ++i) {
      const bool numeric =
          values[0].is_number() && values[i].is_number() && info && info->unit != MetricUnit::Date;
      h += "<td>" +
           (numeric ? html_escape(format_metric(*info, values[i].get<double>() - values[0].get<double>()))
                    : difference(values[0], values[i])) +
           "</td>";
    }
    h += "<td>" + (w >= 0 ? "[" + std::to_string(w + 1) + "]" : std::string()) + "</td></tr>\n";
  }
  return h + "</table>\n</body></html>\n";
}

}  // namespace abt
