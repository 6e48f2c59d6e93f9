#include "app/run/html_report.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "engine/analytics/drawdown_periods.hpp"
#include "engine/analytics/return_statistics.hpp"
#include "engine/analytics/round_trips.hpp"
#include "app/run/number_format.hpp"
#include "app/run/report_data.hpp"
#include "app/run/report_tables.hpp"
#include "app/run/summary_table.hpp"
#include "app/run/svg_chart.hpp"

namespace abt {
namespace {

const char* kStyle =
    "body{font-family:sans-serif;margin:24px;color:#222;max-width:960px}"
    "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}"
    "p.params{overflow-wrap:anywhere;font-size:13px;color:#444}"
    "table{border-collapse:collapse;font-size:13px;margin:8px 0}"
    "td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}"
    "td.wrap{text-align:left;overflow-wrap:anywhere;max-width:640px}"
    "table.metrics td:first-child,table.warnings td,table.rules td:first-child{text-align:left}"
    ".heat td{min-width:44px}svg{display:block;margin:6px 0}.nav-hidden{display:none}"
    ".kpis{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}"
    ".kpi{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}"
    ".kpi-value{font-size:20px;font-weight:bold}.kpi-label{font-size:12px;color:#666}"
    "button{margin-right:6px}";

// Toggles the NAV chart between its linear and log views.
const char* kScript =
    "function abtScale(log){"
    "document.querySelector('.nav-linear').classList.toggle('nav-hidden',log);"
    "document.querySelector('.nav-log').classList.toggle('nav-hidden',!log);}";

std::vector<double> cumulative(const std::vector<double>& v) {
  std::vector<double> out(v.size());
  double sum = 0;
  for (size_t i = 0; i < v.size(); ++i) out[i] = sum += v[i];
  return out;
}

constexpr int kEventsShown = 3;

constexpr const char* kPalette[] = {"#c0392b", "#2c3e50", "#27ae60", "#8e44ad", "#d35400",
                                    "#2980b9", "#16a085", "#7f8c8d", "#f39c12", "#34495e"};

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

std::string html_report(const RunOutput& output, const MarketData* data) {
  const auto& daily = output.result.daily;
  const auto& cfg = output.resolved_config;
  const double capital = cfg.value("capital", 1.0);
  const double days_per_year = cfg.value("days_per_year", 243.0);
  const bool with_benchmark = output.benchmark.size() == daily.size() + 1 && !daily.empty();
  std::vector<std::string> dates;
  std::vector<double> nav, bench, excess, drawdown, exposure, holdings, navs_abs, bench_returns;
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
      bench_returns.push_back(output.benchmark[i + 1] / output.benchmark[i] - 1.0);
    }
  }
  const auto returns = daily_returns(navs_abs, capital);
  const size_t half_year = static_cast<size_t>(days_per_year / 2);
  const auto sharpe6m = rolling_sharpe(returns, half_year, days_per_year);
  const RollingRisk risk = rolling_risk(returns, bench_returns, half_year, days_per_year);
  const MonthlyFacts monthly = monthly_facts(output);

  std::string title = "abt report: " + cfg.value("/strategy/name"_json_pointer, std::string()) + " " +
                      cfg.value("start", std::string()) + " .. " + cfg.value("end", std::string());
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  html_escape(title) + "</title><style>" + kStyle + "</style><script>" + kScript +
                  "</script></head><body>\n";
  h += "<h1>" + html_escape(title) + "</h1>\n";
  h +=
      "<p class=\"params\">params " +
      html_escape(cfg.value("/strategy/params"_json_pointer, nlohmann::json()).dump()) +
      "; data fingerprint " +
      html_escape(output.data_info.is_object() ? output.data_info.value("fingerprint", std::string()) : "-") +
      "; abt " + ABT_VERSION + "</p>\n";
  h += kpi_cards(output.metrics) + "\n";

  const std::vector<RunWarning> warnings = output.result.warnings.entries();
  if (!warnings.empty()) {
    // Data-honesty warnings and notable events first: they qualify every number below.
    h += "<h2 id=\"warnings\">Warnings</h2>\n<table class=\"warnings\"><tr><th>kind</th><th>about</th>"
         "<th>what</th><th>how much</th></tr>\n";
    // Events of one kind beyond the first few collapse into one row (delistings have their own table).
    std::map<std::string, int> shown, total;
    for (const RunWarning& w : warnings) ++total[w.kind];
    for (const RunWarning& w : warnings) {
      if (++shown[w.kind] > kEventsShown && total[w.kind] > kEventsShown + 1) {
        if (shown[w.kind] == kEventsShown + 1)
          h += "<tr><td>" + html_escape(w.kind) + "</td><td></td><td>... and " +
               std::to_string(total[w.kind] - kEventsShown) + " more" +
               (w.kind == "delisted" ? " (see Delistings)" : "") + "</td><td></td></tr>\n";
        continue;
      }
      h += "<tr><td>" + html_escape(w.kind) + "</td><td>" + html_escape(w.subject) + "</td><td>" +
           html_escape(w.message) + "</td><td>" + html_escape(warning_extent(w)) + "</td></tr>\n";
    }
    h += "</table>\n";
  }

  // Growth over 3x (strategy or benchmark) reads better on a log axis: the page opens on it.
  const double growth = std::max(nav.empty() ? 1.0 : nav.back(), bench.empty() ? 1.0 : bench.back());
  const bool log_first = growth > 3.0;
  std::vector<ChartSeries> nav_series = {{"strategy", nav, "#c0392b"}};
  if (with_benchmark)
    nav_series.push_back({"benchmark " + cfg.value("benchmark", std::string()), bench, "#2c3e50"});
  ChartOptions linear, log;
  linear.css_class = std::string("nav-linear") + (log_first ? " nav-hidden" : "");
  linear.y_min = 0.0;
  log.css_class = std::string("nav-log") + (log_first ? "" : " nav-hidden");
  log.log_scale = true;
  h += "<h2 id=\"nav\">NAV vs benchmark (start = 1)</h2>\n<div><button "
       "onclick=\"abtScale(false)\">linear</button>"
       "<button onclick=\"abtScale(true)\">log</button></div>\n";
  h += svg_line_chart(dates, nav_series, linear) + "\n" + svg_line_chart(dates, nav_series, log) + "\n";
  if (with_benchmark) {
    h += "<h2 id=\"excess\">Excess NAV (strategy NAV / benchmark NAV)</h2>\n";
    h += svg_line_chart(dates, {{"excess NAV", excess, "#8e44ad"}}, {}) + "\n";
  }
  ChartOptions pct;
  pct.percent = true;
  ChartOptions under = pct;
  under.area = true;
  h += "<h2 id=\"drawdown\">Underwater (drawdown from the running peak)</h2>\n" +
       svg_line_chart(dates, {{"drawdown", drawdown, "#27ae60"}}, under) + "\n";
  h += "<h2 id=\"worst-drawdowns\">Worst drawdowns</h2>\n" +
       drawdowns_table(worst_drawdowns(navs_abs, 5), dates) + "\n";
  h += "<h2 id=\"monthly\">Monthly returns</h2>\n" + monthly_heatmap(output.tables) + "\n";
  h += "<h2 id=\"crises\">Market episodes in the run</h2>\n";
  const std::vector<CrisisWindow> crises = crisis_windows(output);
  h += crises.empty() ? std::string("<p>The run covers none of the listed episodes.</p>\n")
                      : crisis_table(crises) + "\n";
  h += "<h2 id=\"sharpe\">Rolling 6-month Sharpe</h2>\n" +
       svg_line_chart(dates, {{"Sharpe (" + std::to_string(half_year) + " days)", sharpe6m, "#d35400"}}, {}) +
       "\n";
  h += "<h2 id=\"volatility\">Rolling 6-month volatility (annualised)</h2>\n" +
       svg_line_chart(dates, {{"volatility", risk.volatility, "#2980b9"}}, pct) + "\n";
  if (with_benchmark)
    h += "<h2 id=\"beta\">Rolling 6-month beta to the benchmark</h2>\n" +
         svg_line_chart(dates, {{"beta", risk.beta, "#7f8c8d"}}, {}) + "\n";
  const Histogram hist = histogram(returns, 40);
  ChartOptions bars;
  bars.bars = true;
  bars.y_format = "%.0f";
  h += "<h2 id=\"histogram\">Daily returns (days per bin)</h2>\n" +
       svg_line_chart(hist.labels, {{"days", hist.counts, "#c0392b"}}, bars) + "\n";
  h += "<h2 id=\"exposure\">Exposure and holdings</h2>\n" +
       svg_line_chart(dates, {{"exposure (holdings value / NAV)", exposure, "#2980b9"}}, pct) + "\n";
  ChartOptions count_opts;
  count_opts.y_format = "%.0f";
  count_opts.y_min = 0.0;
  h += svg_line_chart(dates, {{"holdings (instruments)", holdings, "#16a085"}}, count_opts) + "\n";

  // Monthly turnover: (bought + sold) / mean NAV within each month.
  std::vector<double> turnover(monthly.months.size(), 0.0), nav_sum(monthly.months.size(), 0.0),
      days_in(monthly.months.size(), 0.0);
  for (size_t i = 0, m = 0; i < daily.size(); ++i) {
    while (m + 1 < monthly.months.size() && dates[i].compare(0, 7, monthly.months[m]) != 0) ++m;
    turnover[m] += daily[i].bought + daily[i].sold;
    nav_sum[m] += daily[i].nav;
    days_in[m] += 1;
  }
  for (size_t m = 0; m < turnover.size(); ++m)
    turnover[m] = nav_sum[m] > 0 ? turnover[m] / (nav_sum[m] / days_in[m]) : 0.0;
  ChartOptions turnover_bars = bars;
  turnover_bars.y_format = "%.2f";
  h += "<h2 id=\"turnover\">Monthly turnover ((bought + sold) / mean NAV)</h2>\n" +
       svg_line_chart(monthly.months, {{"turnover", turnover, "#7f8c8d"}}, turnover_bars) + "\n";

  // The A-share facts: what costs, rules and delistings took.
  ChartOptions cny;
  cny.y_format = "%.0f";
  cny.y_min = 0.0;
  h += "<h2 id=\"costs\">Costs by item (cumulative, CNY)</h2>\n" +
       svg_line_chart(monthly.months,
                      {{"commission", cumulative(monthly.commission), "#c0392b"},
                       {"stamp duty", cumulative(monthly.stamp_duty), "#2c3e50"},
                       {"transfer fee", cumulative(monthly.transfer_fee), "#27ae60"},
                       {"slippage", cumulative(monthly.slippage), "#8e44ad"}},
                      cny) +
       "\n";
  h += "<h2 id=\"blocked\">Blocked and reduced orders by reason (per month)</h2>\n";
  std::vector<ChartSeries> blocked;
  for (int r = 0; r < kRejectReasonCount; ++r)
    if (output.result.rejects[static_cast<size_t>(r)] > 0)
      blocked.push_back({std::string(reject_reason_name(static_cast<RejectReason>(r))),
                         monthly.rejections[static_cast<size_t>(r)], kPalette[static_cast<size_t>(r) % 10]});
  h += blocked.empty()
           ? std::string("<p>No order was blocked or reduced.</p>\n")
           : svg_line_chart(monthly.months, blocked, count_opts) + "\n" + rejections_table(output.result);
  h += "<h2 id=\"delistings\">Delistings</h2>\n" + delistings_table(output.result) + "\n";
  h += "<h2 id=\"rules\">Execution profile, rules and costs</h2>\n" + rules_table(cfg) + "\n";

  // Holdings and round trips.
  h += "<h2 id=\"contributions\">Top contributions (P&amp;L by instrument, fees included)</h2>\n" +
       contributions_table(top_contributions(output, 10), data) + "\n";
  const RoundTripSummary trips = pair_round_trips(output.result.fills);
  std::vector<double> trip_returns;
  for (const RoundTrip& t : trips.trips)
    if (t.buy_price > 0) trip_returns.push_back(t.pnl / (t.quantity * t.buy_price));
  h += "<h2 id=\"round-trips\">Round trips: return distribution (" + std::to_string(trips.trips.size()) +
       " trips, round_trips.csv)</h2>\n";
  if (!trip_returns.empty()) {
    const Histogram th = histogram(trip_returns, 30);
    h += svg_line_chart(th.labels, {{"round trips", th.counts, "#d35400"}}, bars) + "\n";
  }

  // The strategy's recorded signals: one panel each, with its reference levels.
  const SignalTable& signals = output.result.signals;
  if (!signals.empty(Frequency::Daily) || !signals.empty(Frequency::Min60))
    h += "<h2 id=\"signals\">Recorded signals</h2>\n";
  for (const SignalTable::Column& c : signals.columns()) {
    const auto& stamps = signals.stamps(c.frequency);
    std::vector<std::string> labels;
    std::vector<double> values;
    for (size_t r = 0; r < stamps.size(); ++r) {
      labels.push_back(c.frequency == Frequency::Daily ? stamps[r].date().to_string()
                                                       : stamps[r].to_string());
      values.push_back(signals.value(c.frequency, static_cast<int32_t>(r), c.index));
    }
    ChartOptions o;
    o.height = 180;
    o.levels = c.style.levels;
    o.y_format = "%.3g";
    h += svg_line_chart(labels, {{c.name, values, "#2c3e50"}}, o) + "\n";
  }

  h += "<h2 id=\"metrics\">Metrics</h2>\n" + metrics_table(metrics_to_json(output.metrics)) + "\n";
  const nlohmann::json tables = tables_to_json(output.tables);
  h += "<h2 id=\"yearly\">Yearly returns</h2>\n" + period_table(tables["yearly"]) + "\n";
  h += "<h2 id=\"weekday\">Weekday effect (daily returns)</h2>\n" +
       effect_table(tables["weekday_effect"], "days") + "\n";
  h += "<h2 id=\"month-effect\">Month-of-year effect (monthly returns)</h2>\n" +
       effect_table(tables["month_effect"], "months") + "\n";
  h += "<p>Definitions: docs/metrics.md and docs/reports.md.</p>\n</body></html>\n";
  return h;
}

}  // namespace abt
