#include "app/run/walk_forward.hpp"

#include <algorithm>
#include <charconv>

#include "app/run/number_format.hpp"
#include "app/run/svg_chart.hpp"
#include "app/run/sweep_robustness.hpp"
#include "engine/analytics/metric_registry.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

CalendarSpan parse_span(const std::string& text, const std::string& where) {
  CalendarSpan span;
  if (text.size() >= 2) {
    const char unit = text.back();
    const char* end = text.data() + text.size() - 1;
    const auto r = std::from_chars(text.data(), end, span.count);
    if (r.ec == std::errc() && r.ptr == end && span.count > 0 && span.count <= 100000 &&
        (unit == 'y' || unit == 'm' || unit == 'w' || unit == 'd')) {
      span.unit = unit;
      return span;
    }
  }
  throw ConfigError(where + ": expected a span like 3y, 6m, 2w or 30d (a positive count), got '" + text +
                    "'");
}

WalkForwardSpec checked(WalkForwardSpec spec, bool has_step, const std::string& where) {
  if (!has_step) spec.step = spec.test;
  // Compare spans by their length in days on a fixed anchor (a month is never shorter than 28 days).
  const Date anchor = Date::from_ymd(2001, 2, 1);
  if (add_span(anchor, spec.step) < add_span(anchor, spec.test))
    throw ConfigError(where + ": step (" + spec.step.to_string() + ") must be at least test (" +
                      spec.test.to_string() + "): out-of-sample segments must not overlap");
  return spec;
}

std::string fmt(const nlohmann::json& metrics, const char* key) {
  if (!metrics.is_object() || !metrics.contains(key) || !metrics[key].is_number()) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10g", metrics[key].get<double>());
  return buf;
}

std::string cell(const nlohmann::json& v) {
  if (v.is_null()) return "";
  std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

WalkForwardSpec parse_walk_forward(const std::string& text, const std::string& where) {
  WalkForwardSpec spec;
  bool train = false, test = false, step = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = std::min(text.find(',', pos), text.size());
    const std::string item = text.substr(pos, comma - pos);
    const size_t eq = item.find('=');
    const std::string key = item.substr(0, eq), value = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (key == "train" && eq != std::string::npos) {
      spec.train = parse_span(value, where + " train");
      train = true;
    } else if (key == "test" && eq != std::string::npos) {
      spec.test = parse_span(value, where + " test");
      test = true;
    } else if (key == "step" && eq != std::string::npos) {
      spec.step = parse_span(value, where + " step");
      step = true;
    } else {
      throw ConfigError(where + ": expected train=SPAN,test=SPAN[,step=SPAN], got '" + text + "'");
    }
    pos = comma + 1;
  }
  if (!train || !test)
    throw ConfigError(where + ": expected train=SPAN,test=SPAN[,step=SPAN], got '" + text + "'");
  return checked(spec, step, where);
}

WalkForwardSpec parse_walk_forward(const nlohmann::json& block, const std::string& where) {
  if (!block.is_object())
    throw ConfigError(where + ": expected an object {\"train\": \"3y\", \"test\": \"1y\"}");
  WalkForwardSpec spec;
  for (const auto& [key, value] : block.items())
    if (key != "train" && key != "test" && key != "step")
      throw ConfigError(where + "." + key + ": unknown key (expected train, test, step)");
  auto span = [&](const char* key) {
    if (!block.contains(key) || !block[key].is_string())
      throw ConfigError(where + "." + key + ": expected a span like \"3y\"");
    return parse_span(block[key].get<std::string>(), where + "." + key);
  };
  spec.train = span("train");
  spec.test = span("test");
  const bool has_step = block.contains("step");
  if (has_step) spec.step = span("step");
  return checked(spec, has_step, where);
}

Date add_span(Date date, const CalendarSpan& span, int64_t count) {
  const int64_t n = span.count * count;
  if (span.unit == 'd') return Date{static_cast<int32_t>(date.days + n)};
  if (span.unit == 'w') return Date{static_cast<int32_t>(date.days + 7 * n)};
  int y = 0, m = 0, d = 0;
  date.to_ymd(y, m, d);
  const int64_t months = (span.unit == 'y' ? 12 * n : n) + (m - 1);
  const int year = static_cast<int>(y + months / 12), month = static_cast<int>(months % 12 + 1);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return Date::from_ymd(year, month, std::min(d, last));
}

std::vector<WalkForwardWindow> walk_forward_windows(const WalkForwardSpec& spec,
                                                    const std::vector<Date>& days) {
  std::vector<WalkForwardWindow> out;
  if (days.empty()) throw ConfigError("--walk-forward: the run has no trading days");
  const Date first = days.front(), last = days.back();
  for (int64_t i = 0;; ++i) {
    const Date train_from = add_span(first, spec.step, i);
    const Date test_from = add_span(train_from, spec.train);
    const Date test_to = add_span(test_from, spec.test);  // exclusive
    if (test_from > last) break;
    const auto a = std::lower_bound(days.begin(), days.end(), train_from);
    const auto b = std::lower_bound(days.begin(), days.end(), test_from);
    const auto c = std::lower_bound(days.begin(), days.end(), test_to);
    if (a == b || b == c) continue;  // no train or no test day in this window
    out.push_back({static_cast<int64_t>(out.size()), *a, *(b - 1), *b, *(c - 1)});
  }
  if (out.empty())
    throw ConfigError("--walk-forward: train " + spec.train.to_string() + " + test " + spec.test.to_string() +
                      " do not fit in the run " + first.to_string() + " .. " + last.to_string());
  return out;
}

ChainedResult chain_segments(const std::vector<WindowOutcome>& windows, const MetricsOptions& options) {
  ChainedResult chained;
  for (const WindowOutcome& w : windows) {
    if (!w.chosen) continue;
    const RunResult& r = w.out_of_sample;
    chained.result.daily.insert(chained.result.daily.end(), r.daily.begin(), r.daily.end());
    chained.result.fills.insert(chained.result.fills.end(), r.fills.begin(), r.fills.end());
    if (!w.benchmark.empty()) {
      if (chained.benchmark.empty()) chained.benchmark.push_back(w.benchmark.front());
      chained.benchmark.insert(chained.benchmark.end(), w.benchmark.begin() + 1, w.benchmark.end());
    }
  }
  if (chained.benchmark.size() != chained.result.daily.size() + 1) chained.benchmark.clear();
  MetricsOptions o = options;
  for (const WindowOutcome& w : windows)
    if (w.chosen) {
      o.initial_cash = w.start_nav;
      break;
    }
  chained.metrics = compute_metrics(chained.result, chained.benchmark, o);
  return chained;
}

nlohmann::json walk_forward_json(const WalkForwardSpec& spec, const std::string& rank_by,
                                 const std::vector<std::string>& paths,
                                 const std::vector<WindowOutcome>& windows, const ChainedResult& chained) {
  nlohmann::json list = nlohmann::json::array();
  for (const WindowOutcome& w : windows) {
    nlohmann::json in_sample = nlohmann::json::array();
    for (const SweepRow& r : w.in_sample) {
      const auto v = row_metric(r, rank_by);
      in_sample.push_back({{"id", r.variant.id}, {"value", v ? nlohmann::json(*v) : nlohmann::json()}});
    }
    nlohmann::json chosen;
    if (w.chosen)
      chosen = {{"id", w.chosen->variant.id},
                {"index", w.chosen->variant.index},
                {"overrides", w.chosen->variant.overrides},
                {"in_sample", *row_metric(*w.chosen, rank_by)}};
    const double end_nav = w.out_of_sample.daily.empty() ? w.start_nav : w.out_of_sample.daily.back().nav;
    list.push_back({{"index", w.window.index},
                    {"train_start", w.window.train_start.to_string()},
                    {"train_end", w.window.train_end.to_string()},
                    {"test_start", w.window.test_start.to_string()},
                    {"test_end", w.window.test_end.to_string()},
                    {"chosen", chosen},
                    {"start_nav", w.start_nav},
                    {"end_nav", end_nav},
                    {"out_of_sample", w.out_of_sample_metrics},
                    {"in_sample", in_sample}});
  }
  nlohmann::json dates = nlohmann::json::array(), nav = nlohmann::json::array();
  for (const DailyRecord& d : chained.result.daily) {
    dates.push_back(d.date.to_string());
    nav.push_back(d.nav);
  }
  nlohmann::json benchmark = nlohmann::json::array();
  for (size_t i = 1; i < chained.benchmark.size(); ++i) benchmark.push_back(chained.benchmark[i]);
  return {
      {"spec",
       {{"train", spec.train.to_string()}, {"test", spec.test.to_string()}, {"step", spec.step.to_string()}}},
      {"rank_by", rank_by},
      {"paths", paths},
      {"windows", list},
      {"metrics", metrics_to_json(chained.metrics)},
      {"equity", {{"dates", dates}, {"nav", nav}, {"benchmark", benchmark}}}};
}

std::string walk_forward_csv(const nlohmann::json& doc, const std::vector<std::string>& paths) {
  const std::string rank_by = doc.at("rank_by").get<std::string>();
  std::string out = "window,train_start,train_end,test_start,test_end,variant";
  auto field = [&out](const std::string& text) { out.append(",").append(text); };
  for (const auto& p : paths) field(cell(p));
  out.append(",in_sample_")
      .append(rank_by)
      .append(",start_nav,end_nav,oos_total_return,oos_sharpe,oos_max_drawdown,oos_trades\n");
  for (const auto& w : doc.at("windows")) {
    const auto& chosen = w.at("chosen");
    out.append(std::to_string(w.at("index").get<int64_t>()));
    for (const char* key : {"train_start", "train_end", "test_start", "test_end"})
      field(w.at(key).get<std::string>());
    field(chosen.is_null() ? std::string() : chosen.at("id").get<std::string>());
    for (const auto& p : paths)
      field(chosen.is_null() || !chosen.at("overrides").contains(p) ? std::string()
                                                                    : cell(chosen["overrides"][p]));
    const auto& oos = w.at("out_of_sample");
    field(chosen.is_null() ? std::string() : fmt(chosen, "in_sample"));
    field(format_fixed(w.at("start_nav").get<double>(), 2));
    field(format_fixed(w.at("end_nav").get<double>(), 2));
    for (const char* key : {"total_return", "sharpe", "max_drawdown", "trades"}) field(fmt(oos, key));
    out += '\n';
  }
  return out;
}

std::string walk_forward_html(const nlohmann::json& doc) {
  const std::string rank_by = doc.at("rank_by").get<std::string>();
  const auto paths = doc.at("paths").get<std::vector<std::string>>();
  auto metric = [](const std::string& key, const nlohmann::json& m) -> std::string {
    if (!m.is_object() || !m.contains(key) || !m[key].is_number()) return "-";
    const MetricInfo* info = find_metric(key);
    return info ? format_metric(*info, m[key].get<double>()) : format_fixed(m[key].get<double>(), 4);
  };
  const auto& spec = doc.at("spec");
  std::string h = "<h2 id=\"walk-forward\">Walk-forward: out-of-sample</h2>\n<p class=\"note\">train " +
                  html_escape(spec.at("train").get<std::string>()) + ", test " +
                  html_escape(spec.at("test").get<std::string>()) + ", step " +
                  html_escape(spec.at("step").get<std::string>()) + "; in each window the best variant by " +
                  html_escape(rank_by) +
                  " in-sample runs on the test span, starting with the previous segment's end NAV.</p>\n";
  const auto& m = doc.at("metrics");
  h += "<table><tr><th class=\"l\">chained out-of-sample</th>";
  for (const char* key : {"total_return", "annual_return", "sharpe", "max_drawdown", "trades"})
    h += "<th>" + html_escape(find_metric(key) ? find_metric(key)->label : key) + "</th>";
  h += "</tr><tr><td class=\"l\">all windows</td>";
  for (const char* key : {"total_return", "annual_return", "sharpe", "max_drawdown", "trades"})
    h += "<td>" + html_escape(metric(key, m)) + "</td>";
  h += "</tr></table>\n<table><tr><th>window</th><th>train</th><th>test</th><th class=\"l\">chosen</th>";
  for (const auto& p : paths) h += "<th>" + html_escape(p) + "</th>";
  h += "<th>in-sample " + html_escape(rank_by) + "</th><th>out-of-sample " + html_escape(rank_by) +
       "</th><th>out-of-sample return</th></tr>\n";
  for (const auto& w : doc.at("windows")) {
    const auto& c = w.at("chosen");
    h += "<tr><td>" + std::to_string(w.at("index").get<int64_t>()) + "</td><td>" +
         html_escape(w.at("train_start").get<std::string>() + " .. " + w.at("train_end").get<std::string>()) +
         "</td><td>" +
         html_escape(w.at("test_start").get<std::string>() + " .. " + w.at("test_end").get<std::string>()) +
         "</td><td class=\"l\">" + (c.is_null() ? "-" : html_escape(c.at("id").get<std::string>())) + "</td>";
    for (const auto& p : paths) {
      const bool has = !c.is_null() && c.at("overrides").contains(p);
      const auto& v = has ? c.at("overrides").at(p) : nlohmann::json();
      h += "<td>" + (has ? html_escape(v.is_string() ? v.get<std::string>() : v.dump()) : "") + "</td>";
    }
    h += "<td>" + (c.is_null() ? "-" : html_escape(metric(rank_by, {{rank_by, c.at("in_sample")}}))) +
         "</td><td>" + html_escape(metric(rank_by, w.at("out_of_sample"))) + "</td><td>" +
         html_escape(metric("total_return", w.at("out_of_sample"))) + "</td></tr>\n";
  }
  h += "</table>\n";
  const auto& eq = doc.at("equity");
  const auto labels = eq.at("dates").get<std::vector<std::string>>();
  if (!labels.empty()) {
    const auto nav = eq.at("nav").get<std::vector<double>>();
    std::vector<ChartSeries> series;
    std::vector<double> rel;
    for (const double v : nav) rel.push_back(v / nav.front());
    series.push_back({"walk-forward out-of-sample", rel, "#c0392b"});
    const auto bench = eq.at("benchmark").get<std::vector<double>>();
    if (bench.size() == nav.size()) {
      std::vector<double> b;
      for (const double v : bench) b.push_back(v / bench.front());
      series.push_back({"benchmark", b, "#2c3e50"});
    }
    ChartOptions o;
    o.y_min = 0.0;
    h += svg_line_chart(labels, series, o) + "\n";
  }
  return h;
}

}  // namespace abt
