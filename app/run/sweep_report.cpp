#include "app/run/sweep_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/run/html_page.hpp"
#include "app/run/number_format.hpp"
#include "app/run/report_tables.hpp"
#include "app/run/svg_chart.hpp"
#include "app/run/sweep_robustness.hpp"
#include "app/run/walk_forward.hpp"
#include "engine/analytics/metric_registry.hpp"

namespace abt {
namespace {

constexpr size_t kMaxMaps = 12;    // heatmaps per parameter pair (combinations of the other parameters)
constexpr size_t kMaxAxis = 60;    // a parameter with more distinct values is not drawn as a grid axis
constexpr size_t kTopRows = 20;    // rows of the top table
constexpr size_t kTopCurves = 5;   // equity curves drawn
constexpr size_t kRobustTop = 10;  // points of the robustness table

// After kPageBaseStyle.
const char* kStyle =
    "body{max-width:1100px}"
    "h3{font-size:14px;margin:14px 0 4px}p.note{font-size:13px;color:#444;overflow-wrap:anywhere}"
    "td{white-space:nowrap}"
    "td.l,th.l{text-align:left}"
    "table.heat td{min-width:46px}td.best{outline:2px solid #000}"
    ".pair-hidden{display:none}.flag{color:#c0392b;font-weight:bold}select{margin:4px 0}";

// Shows the heatmaps of the chosen parameter pair.
const char* kScript =
    "function abtPair(id){document.querySelectorAll('.pair').forEach(function(e){"
    "e.classList.toggle('pair-hidden',e.id!==id);});}";

constexpr const char* kPalette[] = {"#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400"};

std::string value_text(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string metric_text(const std::string& key, const std::optional<double>& v) {
  if (!v) return "-";
  const MetricInfo* info = find_metric(key);
  return info ? format_metric(*info, *v) : format_fixed(*v, 4);
}

std::string metric_label(const std::string& key) {
  const MetricInfo* info = find_metric(key);
  return info ? info->label : key;
}

/// Distinct values of `path` over the rows, sorted.
std::vector<nlohmann::json> axis_values(const std::vector<SweepRow>& rows, const std::string& path) {
  std::set<nlohmann::json> values;
  for (const SweepRow& r : rows)
    if (r.variant.overrides.contains(path)) values.insert(r.variant.overrides[path]);
  return {values.begin(), values.end()};
}

/// A cell colour: red for the better end, green for the worse (the A-share convention of report.html).
std::string cell_color(double v, double lo, double hi, bool lower_better) {
  if (!(hi > lo)) return heat_color(0.0, 1.0);
  double r = (v - lo) / (hi - lo) * 2 - 1;  // -1 .. 1
  if (lower_better) r = -r;
  return heat_color(r, 1.0);
}

struct Grid {
  const std::vector<SweepRow>& rows;  // ok rows with a metric value
  const std::string& rank_by;
  bool lower_better;
  double lo, hi;
  const SweepRow* best;
};

/// One heatmap: rows = values of `a`, columns = values of `b`, over the rows matching `fixed`.
std::string heatmap(const Grid& g, const std::string& a, const std::string& b,
                    const std::vector<std::pair<std::string, nlohmann::json>>& fixed) {
  const auto av = axis_values(g.rows, a), bv = axis_values(g.rows, b);
  std::map<std::pair<nlohmann::json, nlohmann::json>, const SweepRow*> cell;
  for (const SweepRow& r : g.rows) {
    bool match = r.variant.overrides.contains(a) && r.variant.overrides.contains(b);
    for (const auto& [path, value] : fixed)
      match = match && r.variant.overrides.contains(path) && r.variant.overrides[path] == value;
    if (match)
      cell.emplace(std::make_pair(r.variant.overrides[a], r.variant.overrides[b]), &r);  // best first
  }
  std::string h =
      "<table class=\"heat\"><tr><th class=\"l\">" + html_escape(a) + " \\ " + html_escape(b) + "</th>";
  for (const auto& v : bv) h += "<th>" + html_escape(value_text(v)) + "</th>";
  h += "</tr>\n";
  for (const auto& x : av) {
    h += "<tr><th>" + html_escape(value_text(x)) + "</th>";
    for (const auto& y : bv) {
      const auto it = cell.find({x, y});
      if (it == cell.end()) {
        h += "<td></td>";
        continue;
      }
      const double v = *row_metric(*it->second, g.rank_by);
      h += std::string("<td") + (it->second == g.best ? " class=\"best\"" : "") +
           " style=\"background:" + cell_color(v, g.lo, g.hi, g.lower_better) + "\" title=\"" +
           html_escape(it->second->variant.id) + "\">" + html_escape(metric_text(g.rank_by, v)) + "</td>";
    }
    h += "</tr>\n";
  }
  return h + "</table>\n";
}

std::string grid_section(const SweepHeader& header, const std::vector<SweepRow>& ok) {
  const MetricInfo* info = find_metric(header.rank_by);
  const bool lower = info && info->better == Better::Lower;
  std::vector<std::string> swept;  // paths with more than one value, most values first (then by name)
  for (const auto& p : header.paths) {
    const size_t n = axis_values(ok, p).size();
    if (n > 1 && n <= kMaxAxis) swept.push_back(p);
  }
  std::stable_sort(swept.begin(), swept.end(), [&](const std::string& x, const std::string& y) {
    return axis_values(ok, x).size() > axis_values(ok, y).size();
  });
  std::string h = "<h2 id=\"grid\">" + html_escape(metric_label(header.rank_by)) + " over the grid</h2>\n";
  if (ok.empty())
    return h + "<p class=\"note\">No variant has a value of " + html_escape(header.rank_by) + ".</p>\n";
  double lo = INFINITY, hi = -INFINITY;
  for (const SweepRow& r : ok) {
    lo = std::min(lo, *row_metric(r, header.rank_by));
    hi = std::max(hi, *row_metric(r, header.rank_by));
  }
  const Grid g{ok, header.rank_by, lower, lo, hi, &ok.front()};
  if (swept.empty())
    return h + "<p class=\"note\">No parameter takes between 2 and " + std::to_string(kMaxAxis) +
           " values: nothing to draw as a grid.</p>\n";
  if (swept.size() == 1) {
    const auto values = axis_values(ok, swept[0]);
    std::vector<std::string> labels;
    std::vector<double> best(values.size(), NAN);
    for (size_t i = 0; i < values.size(); ++i) {
      labels.push_back(value_text(values[i]));
      for (const SweepRow& r : ok)  // ok is best first: the first match is the best at this value
        if (r.variant.overrides.contains(swept[0]) && r.variant.overrides[swept[0]] == values[i]) {
          best[i] = *row_metric(r, header.rank_by);
          break;
        }
    }
    h += "<p class=\"note\">The best " + html_escape(header.rank_by) + " at each value of " +
         html_escape(swept[0]) + ".</p>\n";
    return h + svg_line_chart(labels, {{header.rank_by, best, "#c0392b"}}, {}) + "\n";
  }
  // Every pair of swept parameters; the first (the two with the most values) is shown.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < swept.size(); ++i)
    for (size_t j = i + 1; j < swept.size(); ++j) pairs.emplace_back(swept[i], swept[j]);
  if (pairs.size() > 1) {
    h += "<p>parameters <select onchange=\"abtPair(this.value)\">";
    for (size_t k = 0; k < pairs.size(); ++k)
      h += "<option value=\"pair" + std::to_string(k) + "\">" + html_escape(pairs[k].first) + " x " +
           html_escape(pairs[k].second) + "</option>";
    h += "</select></p>\n";
  }
  h += "<p class=\"note\">Cells: " + html_escape(header.rank_by) + " (red = better" +
       std::string(lower ? ", lower is better" : "") + "); the outlined cell is the best variant.</p>\n";
  for (size_t k = 0; k < pairs.size(); ++k) {
    const auto& [a, b] = pairs[k];
    h += "<div class=\"pair" + std::string(k ? " pair-hidden" : "") + "\" id=\"pair" + std::to_string(k) +
         "\">\n";
    std::vector<std::string> others;
    for (const auto& p : swept)
      if (p != a && p != b) others.push_back(p);
    // One map per combination of the other swept parameters' values (those the rows have), best first.
    std::vector<std::vector<std::pair<std::string, nlohmann::json>>> combos;
    std::set<std::vector<nlohmann::json>> seen;
    for (const SweepRow& r : ok) {
      std::vector<nlohmann::json> key;
      std::vector<std::pair<std::string, nlohmann::json>> fixed;
      for (const auto& p : others) {
        const nlohmann::json v = r.variant.overrides.contains(p) ? r.variant.overrides[p] : nlohmann::json();
        key.push_back(v);
        fixed.emplace_back(p, v);
      }
      if (seen.insert(key).second) combos.push_back(std::move(fixed));
    }
    for (size_t c = 0; c < std::min(combos.size(), kMaxMaps); ++c) {
      if (!others.empty()) {
        std::string title;
        for (const auto& [p, v] : combos[c]) title += (title.empty() ? "" : ", ") + p + " = " + value_text(v);
        h += "<h3>" + html_escape(title) + "</h3>\n";
      }
      h += heatmap(g, a, b, combos[c]);
    }
    if (combos.size() > kMaxMaps)
      h += "<p class=\"note\">... and " + std::to_string(combos.size() - kMaxMaps) +
           " more combinations of the other parameters (the maps of the best ones are shown).</p>\n";
    h += "</div>\n";
  }
  return h;
}

std::string top_table(const SweepHeader& header, const std::vector<SweepRow>& ranked) {
  std::vector<std::string> metrics = {"total_return", "annual_return", "sharpe", "max_drawdown",
                                      "calmar",       "turnover",      "trades"};
  if (std::find(metrics.begin(), metrics.end(), header.rank_by) == metrics.end())
    metrics.insert(metrics.begin(), header.rank_by);
  std::string h = "<h2 id=\"top\">Top variants by " + html_escape(metric_label(header.rank_by)) +
                  "</h2>\n<table><tr><th>rank</th><th class=\"l\">variant</th>";
  for (const auto& p : header.paths) h += "<th>" + html_escape(p) + "</th>";
  for (const auto& m : metrics) h += "<th>" + html_escape(metric_label(m)) + "</th>";
  h += "<th class=\"l\">result</th></tr>\n";
  size_t rank = 0;
  for (const SweepRow& r : ranked) {
    if (r.status != "ok" || rank >= kTopRows) break;
    h += "<tr><td>" + std::to_string(++rank) + "</td><td class=\"l\">" + html_escape(r.variant.id) + "</td>";
    for (const auto& p : header.paths)
      h += "<td>" + (r.variant.overrides.contains(p) ? html_escape(value_text(r.variant.overrides[p])) : "") +
           "</td>";
    for (const auto& m : metrics) h += "<td>" + html_escape(metric_text(m, row_metric(r, m))) + "</td>";
    h += "<td class=\"l\">" +
         (r.dir.empty()
              ? std::string("-")
              : "<a href=\"" + html_escape(r.dir) + "/result.json\">" + html_escape(r.dir) + "</a>") +
         "</td></tr>\n";
  }
  size_t failed = 0;
  for (const SweepRow& r : ranked) failed += r.status == "ok" ? 0 : 1;
  h += "</table>\n";
  if (failed)
    h += "<p class=\"note\">" + std::to_string(failed) + " variants failed (sweep.csv, status).</p>\n";
  return h;
}

std::string curves_section(const std::vector<SweepRow>& ranked, const std::vector<VariantCurve>& curves) {
  std::map<int64_t, const VariantCurve*> by_index;
  for (const VariantCurve& c : curves) by_index[c.index] = &c;
  std::vector<const VariantCurve*> best;
  for (const SweepRow& r : ranked) {
    if (best.size() >= kTopCurves || r.status != "ok") break;
    const auto it = by_index.find(r.variant.index);
    if (it != by_index.end() && !it->second->dates.empty()) best.push_back(it->second);
  }
  std::string h = "<h2 id=\"equity\">Equity of the best variants (start = 1)</h2>\n";
  if (best.empty()) return h + "<p class=\"note\">No equity curves.</p>\n";
  std::set<Date> all;
  for (const VariantCurve* c : best) all.insert(c->dates.begin(), c->dates.end());
  const std::vector<Date> dates(all.begin(), all.end());
  std::vector<std::string> labels;
  for (const Date d : dates) labels.push_back(d.to_string());
  auto aligned = [&dates](const VariantCurve& c, const std::vector<double>& values) {
    std::vector<double> out(dates.size(), NAN);
    const double base = values.empty() || values.front() == 0 ? 1.0 : values.front();
    for (size_t i = 0, k = 0; i < c.dates.size(); ++i) {
      while (dates[k] < c.dates[i]) ++k;
      out[k] = values[i] / base;
    }
    return out;
  };
  std::vector<ChartSeries> series;
  for (size_t i = 0; i < best.size(); ++i)
    series.push_back({best[i]->id, aligned(*best[i], best[i]->nav), kPalette[i % std::size(kPalette)]});
  // The benchmark of the lowest-index variant (sweep_equity.csv), on its dates.
  const VariantCurve& first = *by_index.begin()->second;
  if (!first.benchmark.empty()) series.push_back({"benchmark", aligned(first, first.benchmark), "#2c3e50"});
  ChartOptions o;
  o.y_min = 0.0;
  return h + svg_line_chart(labels, series, o) + "\n";
}

std::string robustness_section(const SweepHeader& header, const std::vector<SweepRow>& ranked) {
  const SweepRobustness rob = sweep_robustness(header.paths, ranked, header.rank_by, kRobustTop);
  std::string h = "<h2 id=\"robustness\">Robustness: the best points against their grid neighbours</h2>\n";
  if (rob.points.empty()) return h + "<p class=\"note\">No ranked variants.</p>\n";
  const auto& best = rob.points.front();
  if (best.neighbours == 0) {
    h += "<p class=\"note\">The best variant has no grid neighbours (a list or random plan, or an isolated "
         "value): the neighbourhood cannot be judged.</p>\n";
  } else if (best.isolated) {
    h += "<p class=\"flag\">The best variant " + html_escape(best.row->variant.id) +
         " is an isolated peak: its neighbours keep " +
         (best.retained ? format_fixed(*best.retained * 100, 0) + "%" : std::string("-")) +
         " of its lead over the median variant. Prefer a point whose neighbourhood holds up.</p>\n";
  } else {
    h += "<p class=\"note\">The best variant's neighbours keep " +
         (best.retained ? format_fixed(*best.retained * 100, 0) + "%" : std::string("-")) +
         " of its lead over the median variant: not an isolated peak.</p>\n";
  }
  h += "<p class=\"note\">Neighbours differ in one parameter by one grid step. kept = (neighbours' median - "
       "median of all) / (point - median of all); isolated when below 50%; not judged (-) for a point worse "
       "than the median or whose lead over it is under a quarter of the best's. Median of all ranked "
       "variants: " +
       html_escape(metric_text(header.rank_by, rob.grid_median)) + ".</p>\n";
  h += "<table><tr><th>rank</th><th class=\"l\">variant</th><th>" + html_escape(header.rank_by) +
       "</th><th>neighbours</th><th>neighbours' median</th><th>worst "
       "neighbour</th><th>kept</th><th></th></tr>\n";
  for (const PointRobustness& p : rob.points) {
    h += "<tr><td>" + std::to_string(p.rank) + "</td><td class=\"l\">" + html_escape(p.row->variant.id) +
         "</td><td>" + html_escape(metric_text(header.rank_by, p.value)) + "</td><td>" +
         std::to_string(p.neighbours) + "</td><td>" +
         (p.neighbours ? html_escape(metric_text(header.rank_by, p.neighbour_median)) : "-") + "</td><td>" +
         (p.neighbours ? html_escape(metric_text(header.rank_by, p.neighbour_worst)) : "-") + "</td><td>" +
         (p.retained ? format_fixed(*p.retained * 100, 0) + "%" : std::string("-")) + "</td><td>" +
         (p.isolated ? "<span class=\"flag\">isolated</span>" : "") + "</td></tr>\n";
  }
  return h + "</table>\n";
}

}  // namespace

std::string sweep_html(const SweepHeader& header, const std::vector<SweepRow>& ranked,
                       const std::vector<VariantCurve>& curves, const nlohmann::json& walk_forward) {
  std::vector<SweepRow> ok;
  for (const SweepRow& r : ranked)
    if (row_metric(r, header.rank_by)) ok.push_back(r);
  const std::string strategy = header.base_config.value("/strategy/name"_json_pointer, std::string());
  const std::string title = "abt sweep: " + strategy + ", " + std::to_string(ranked.size()) + " of " +
                            std::to_string(header.total_variants) + " variants";
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(title) + "</title><style>" + kPageBaseStyle + kStyle + "</style><script>" +
                  kScript + "</script></head><body>\n";
  h += "<h1>" + html_escape(title) + "</h1>\n<p class=\"note\">" + html_escape(header.kind) + " plan over " +
       std::to_string(header.paths.size()) + " parameters, ranked by " + html_escape(header.rank_by) + " (" +
       html_escape(metric_label(header.rank_by)) + "); " + (header.complete ? "complete" : "INCOMPLETE") +
       "; result directories kept: " + html_escape(header.keep) + "; abt " + ABT_VERSION + "</p>\n";
  h += grid_section(header, ok);
  h += top_table(header, ranked);
  h += curves_section(ranked, curves);
  h += robustness_section(header, ranked);
  if (!walk_forward.is_null()) h += walk_forward_html(walk_forward);
  return h + "</body></html>\n";
}

}  // namespace abt
