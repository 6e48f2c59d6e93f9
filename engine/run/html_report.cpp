#include "engine/run/html_report.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "engine/analytics/return_statistics.hpp"
#include "engine/run/number_format.hpp"
#include "engine/run/summary_table.hpp"
#include "engine/run/svg_chart.hpp"

namespace abt {
namespace {

std::string pct(double v) {
  return format_fixed(v * 100, 2) + "%";
}

std::string cell(const nlohmann::json& v, bool percent) {
  if (v.is_null()) return "-";
  if (v.is_number_float()) return percent ? pct(v.get<double>()) : format_fixed(v.get<double>(), 4);
  if (v.is_string()) return html_escape(v.get<std::string>().empty() ? "-" : v.get<std::string>());
  return html_escape(v.dump());
}

/// Red for gains, green for losses (the A-share convention), intensity by magnitude (full at 10 %).
std::string heat_color(double r) {
  const double a = std::min(1.0, std::fabs(r) / 0.10);
  const int fade = static_cast<int>(255 - a * 160);
  char buf[32];
  if (r >= 0)
    std::snprintf(buf, sizeof buf, "rgb(255,%d,%d)", fade, fade);
  else
    std::snprintf(buf, sizeof buf, "rgb(%d,255,%d)", fade, fade);
  return buf;
}

std::string monthly_heatmap(const PerformanceTables& tables) {
  std::map<std::string, std::map<int, double>> grid;  // year -> month -> return
  for (const auto& p : tables.monthly)
    grid[p.period.substr(0, 4)][std::stoi(p.period.substr(5, 2))] = p.strategy;
  std::string out = "<table class=\"heat\"><tr><th>year</th>";
  for (int m = 1; m <= 12; ++m) out += "<th>" + std::to_string(m) + "</th>";
  out += "<th>year</th></tr>";
  std::map<std::string, double> yearly;
  for (const auto& y : tables.yearly) yearly[y.period] = y.strategy;
  for (const auto& [year, months] : grid) {
    out += "<tr><th>" + year + "</th>";
    for (int m = 1; m <= 12; ++m) {
      const auto it = months.find(m);
      if (it == months.end())
        out += "<td></td>";
      else
        out += "<td style=\"background:" + heat_color(it->second) + "\">" + pct(it->second) + "</td>";
    }
    const double y = yearly.count(year) ? yearly[year] : 0.0;
    out += "<td style=\"background:" + heat_color(y / 3) + "\"><b>" + pct(y) + "</b></td></tr>";
  }
  return out + "</table>";
}

std::string metrics_table(const nlohmann::json& metrics) {
  static const std::map<std::string, bool> percent_keys = {{"total_return", true},
                                                           {"annual_return", true},
                                                           {"annual_volatility", true},
                                                           {"max_drawdown", true},
                                                           {"exposure", true},
                                                           {"daily_win_rate", true},
                                                           {"trade_win_rate", true},
                                                           {"benchmark_total_return", true},
                                                           {"benchmark_annual_return", true},
                                                           {"excess_annual_return", true},
                                                           {"tracking_error", true},
                                                           {"alpha", true},
                                                           {"benchmark_annual_volatility", true}};
  std::string out = "<table class=\"metrics\"><tr><th>metric</th><th>value</th></tr>";
  for (const auto& [key, value] : metrics.items())
    out +=
        "<tr><td>" + html_escape(key) + "</td><td>" + cell(value, percent_keys.count(key) > 0) + "</td></tr>";
  return out + "</table>";
}

std::string effect_table(const nlohmann::json& rows, const char* count_name) {
  std::string out =
      std::string("<table><tr><th></th><th>") + count_name +
      "</th><th>mean return</th><th>win rate</th><th>mean excess</th><th>excess win rate</th></tr>";
  for (const auto& r : rows)
    out += "<tr><td>" + r["label"].get<std::string>() + "</td><td>" + r["count"].dump() + "</td><td>" +
           cell(r["mean_return"], true) + "</td><td>" + cell(r["win_rate"], true) + "</td><td>" +
           cell(r["mean_excess"], true) + "</td><td>" + cell(r["excess_win_rate"], true) + "</td></tr>";
  return out + "</table>";
}

std::string period_table(const nlohmann::json& rows) {
  std::string out = "<table><tr><th>year</th><th>strategy</th><th>benchmark</th><th>excess</th></tr>";
  for (const auto& r : rows)
    out += "<tr><td>" + r["period"].get<std::string>() + "</td><td>" + cell(r["strategy"], true) +
           "</td><td>" + cell(r["benchmark"], true) + "</td><td>" + cell(r["excess"], true) + "</td></tr>";
  return out + "</table>";
}

const char* kStyle =
    "body{font-family:sans-serif;margin:24px;color:#222;max-width:960px}"
    "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}"
    "table{border-collapse:collapse;font-size:13px;margin:8px 0}"
    "td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}"
    "table.metrics td:first-child{text-align:left}.heat td{min-width:44px}"
    "svg{display:block;margin:6px 0}.nav-log{display:none}"
    "button{margin-right:6px}";

const char* kScript =
    "function abtScale(log){"
    "document.querySelector('.nav-linear').style.display=log?'none':'block';"
    "document.querySelector('.nav-log').style.display=log?'block':'none';}";

}  // namespace

std::vector<double> rolling_sharpe(const std::vector<double>& returns, size_t window, double days_per_year) {
  std::vector<double> out(returns.size(), NAN);
  if (window < 2) return out;
  double sum = 0, sum_sq = 0;
  for (size_t i = 0; i < returns.size(); ++i) {
    sum += returns[i];
    sum_sq += returns[i] * returns[i];
    if (i >= window) {
      sum -= returns[i - window];
      sum_sq -= returns[i - window] * returns[i - window];
    }
    if (i + 1 < window) continue;
    const double n = static_cast<double>(window);
    const double mean = sum / n;
    const double var = std::max(0.0, (sum_sq - n * mean * mean) / (n - 1));
    out[i] = var > 1e-18 ? mean / std::sqrt(var) * std::sqrt(days_per_year) : 0.0;
  }
  return out;
}

std::string html_report(const RunOutput& output) {
  const auto& daily = output.result.daily;
  const auto& cfg = output.resolved_config;
  const double capital = cfg.value("capital", 1.0);
  const double days_per_year = cfg.value("days_per_year", 243.0);
  const bool with_benchmark = output.benchmark.size() == daily.size() + 1 && !daily.empty();
  std::vector<std::string> dates;
  std::vector<double> nav, bench, excess, drawdown, exposure, holdings, navs_abs;
  double peak = capital;
  for (size_t i = 0; i < daily.size(); ++i) {
    const auto& d = daily[i];
    dates.push_back(d.date.to_string());
    navs_abs.push_back(d.nav);
    nav.push_back(d.nav / capital);
    peak = std::max(peak, d.nav);
    drawdown.push_back(peak > 0 ? d.nav / peak - 1 : 0);
    exposure.push_back(d.nav > 0 ? d.holdings_value / d.nav : 0);
    holdings.push_back(d.holdings);
    if (with_benchmark) {
      bench.push_back(output.benchmark[i + 1] / output.benchmark[0]);
      excess.push_back(nav.back() / bench.back());
    }
  }
  // Monthly turnover: (bought + sold) / mean NAV within each month.
  std::vector<std::string> months;
  std::vector<double> turnover;
  for (size_t i = 0; i < daily.size();) {
    const std::string m = dates[i].substr(0, 7);
    double traded = 0, nav_sum = 0;
    size_t j = i;
    for (; j < daily.size() && dates[j].compare(0, 7, m) == 0; ++j) {
      traded += daily[j].bought + daily[j].sold;
      nav_sum += daily[j].nav;
    }
    months.push_back(m);
    turnover.push_back(nav_sum > 0 ? traded / (nav_sum / static_cast<double>(j - i)) : 0);
    i = j;
  }
  const auto returns = daily_returns(navs_abs, capital);
  const auto sharpe6m = rolling_sharpe(returns, static_cast<size_t>(days_per_year / 2), days_per_year);

  std::vector<ChartSeries> nav_series = {{"strategy", nav, "#c0392b"}};
  if (with_benchmark)
    nav_series.push_back({"benchmark " + cfg.value("benchmark", std::string()), bench, "#2c3e50"});
  ChartOptions linear, log;
  linear.css_class = "nav-linear";
  log.css_class = "nav-log";
  log.log_scale = true;
  ChartOptions percent_axis;
  percent_axis.y_format = "%.2f";

  const nlohmann::json metrics = metrics_to_json(output.metrics);
  const nlohmann::json tables = tables_to_json(output.tables);
  std::string title = "abt report: " + cfg.value("/strategy/name"_json_pointer, std::string()) + " " +
                      cfg.value("start", std::string()) + " .. " + cfg.value("end", std::string());
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(title) + "</title><style>" + kStyle + "</style><script>" + kScript +
                  "</script></head><body>\n";
  h += "<h1>" + html_escape(title) + "</h1>\n";
  h +=
      "<p>params " + html_escape(cfg.value("/strategy/params"_json_pointer, nlohmann::json()).dump()) +
      "; data fingerprint " +
      html_escape(output.data_info.is_object() ? output.data_info.value("fingerprint", std::string()) : "-") +
      "; abt " + ABT_VERSION + "</p>\n";
  const std::vector<RunWarning> warnings = output.result.warnings.entries();
  if (!warnings.empty()) {
    // Data-honesty warnings and notable events first: they qualify every number below.
    h += "<h2 id=\"warnings\">Warnings</h2>\n<table class=\"warnings\"><tr><th>kind</th><th>about</th>"
         "<th>what</th><th>how much</th></tr>\n";
    for (const RunWarning& w : warnings)
      h += "<tr><td>" + html_escape(w.kind) + "</td><td>" + html_escape(w.subject) + "</td><td>" +
           html_escape(w.message) + "</td><td>" + html_escape(warning_extent(w)) + "</td></tr>\n";
    h += "</table>\n";
  }
  h += "<h2 id=\"nav\">NAV vs benchmark (start = 1)</h2>\n<div><button "
       "onclick=\"abtScale(false)\">linear</button>"
       "<button onclick=\"abtScale(true)\">log</button></div>\n";
  h += svg_line_chart(dates, nav_series, linear) + "\n" + svg_line_chart(dates, nav_series, log) + "\n";
  if (with_benchmark) {
    h += "<h2 id=\"excess\">Excess NAV (strategy NAV / benchmark NAV)</h2>\n";
    h += svg_line_chart(dates, {{"excess NAV", excess, "#8e44ad"}}, {}) + "\n";
  }
  ChartOptions dd_opts;
  dd_opts.y_format = "%.2f";
  h += "<h2 id=\"drawdown\">Drawdown</h2>\n" +
       svg_line_chart(dates, {{"drawdown", drawdown, "#27ae60"}}, dd_opts) + "\n";
  h += "<h2 id=\"monthly\">Monthly returns</h2>\n" + monthly_heatmap(output.tables) + "\n";
  h += "<h2 id=\"sharpe\">Rolling 6-month Sharpe</h2>\n" +
       svg_line_chart(dates,
                      {{"Sharpe (" + std::to_string(static_cast<int>(days_per_year / 2)) + " days)", sharpe6m,
                        "#d35400"}},
                      {}) +
       "\n";
  h += "<h2 id=\"exposure\">Exposure and holdings</h2>\n" +
       svg_line_chart(dates, {{"exposure (holdings value / NAV)", exposure, "#2980b9"}}, percent_axis) + "\n";
  ChartOptions count_opts;
  count_opts.y_format = "%.1f";
  h += svg_line_chart(dates, {{"holdings (instruments)", holdings, "#16a085"}}, count_opts) + "\n";
  ChartOptions bar_opts;
  bar_opts.bars = true;
  h += "<h2 id=\"turnover\">Monthly turnover ((bought + sold) / mean NAV)</h2>\n" +
       svg_line_chart(months, {{"turnover", turnover, "#7f8c8d"}}, bar_opts) + "\n";
  h += "<h2 id=\"metrics\">Metrics</h2>\n" + metrics_table(metrics) + "\n";
  h += "<h2 id=\"yearly\">Yearly returns</h2>\n" + period_table(tables["yearly"]) + "\n";
  h += "<h2 id=\"weekday\">Weekday effect (daily returns)</h2>\n" +
       effect_table(tables["weekday_effect"], "days") + "\n";
  h += "<h2 id=\"month-effect\">Month-of-year effect (monthly returns)</h2>\n" +
       effect_table(tables["month_effect"], "months") + "\n";
  h += "<p>Definitions: docs/metrics.md.</p>\n</body></html>\n";
  return h;
}

}  // namespace abt
