#include "app/run/report_tables.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "engine/analytics/metric_registry.hpp"
#include "engine/core/quantity.hpp"
#include "app/run/number_format.hpp"
#include "app/run/svg_chart.hpp"

namespace abt {
namespace {

std::string cell_of(const nlohmann::json& v) {
  if (v.is_null()) return "-";
  if (v.is_number()) return report_percent(v.get<double>());
  return html_escape(v.dump());
}

std::string signed_cell(double v) {
  return "<td style=\"background:" + heat_color(v, 0.30) + "\">" + report_percent(v) + "</td>";
}

}  // namespace

std::string report_percent(double v) {
  if (!std::isfinite(v)) return "-";
  return format_fixed(v * 100, 2) + "%";
}

std::string heat_color(double r, double full) {
  const double a = std::min(1.0, std::fabs(r) / full);
  const int fade = static_cast<int>(255 - a * 160);
  char buf[32];
  if (r >= 0)
    std::snprintf(buf, sizeof buf, "rgb(255,%d,%d)", fade, fade);
  else
    std::snprintf(buf, sizeof buf, "rgb(%d,255,%d)", fade, fade);
  return buf;
}

std::string kpi_cards(const PerformanceMetrics& m) {
  struct Card {
    const char* key;
    double value;
  };
  std::vector<Card> cards = {{"total_return", m.total_return},
                             {"annual_return", m.annual_return},
                             {"sharpe", m.sharpe},
                             {"max_drawdown", m.max_drawdown}};
  if (m.excess_annual_return) cards.push_back({"excess_annual_return", *m.excess_annual_return});
  cards.push_back({"costs", m.costs});
  cards.push_back({"turnover", m.turnover});
  std::string out = "<div class=\"kpis\">";
  for (const Card& c : cards) {
    const MetricInfo& info = *find_metric(c.key);
    out += "<div class=\"kpi\"><div class=\"kpi-value\">" + html_escape(format_metric(info, c.value)) +
           "</div><div class=\"kpi-label\">" + html_escape(info.label) + "</div></div>";
  }
  return out + "</div>";
}

std::string metrics_table(const nlohmann::json& metrics) {
  std::string out = "<table class=\"metrics\"><tr><th>metric</th><th>value</th><th>better</th></tr>";
  for (const MetricInfo& info : metric_registry()) {
    if (!metrics.contains(info.key)) continue;
    const nlohmann::json& v = metrics[info.key];
    std::string shown = v.is_number() ? format_metric(info, v.get<double>())
                        : v.is_string() && !v.get<std::string>().empty() ? v.get<std::string>()
                                                                         : "-";
    const char* better = info.better == Better::Higher  ? "higher"
                         : info.better == Better::Lower ? "lower"
                                                        : "";
    out += "<tr><td>" + html_escape(info.label) + "</td><td>" + html_escape(shown) + "</td><td>" + better +
           "</td></tr>";
  }
  return out + "</table>";
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
        out +=
            "<td style=\"background:" + heat_color(it->second) + "\">" + report_percent(it->second) + "</td>";
    }
    const double y = yearly.count(year) ? yearly[year] : 0.0;
    out += "<td style=\"background:" + heat_color(y / 3) + "\"><b>" + report_percent(y) + "</b></td></tr>";
  }
  return out + "</table>";
}

std::string period_table(const nlohmann::json& rows) {
  std::string out = "<table><tr><th>year</th><th>strategy</th><th>benchmark</th><th>excess</th></tr>";
  for (const auto& r : rows)
    out += "<tr><td>" + r["period"].get<std::string>() + "</td><td>" + cell_of(r["strategy"]) + "</td><td>" +
           cell_of(r["benchmark"]) + "</td><td>" + cell_of(r["excess"]) + "</td></tr>";
  return out + "</table>";
}

std::string effect_table(const nlohmann::json& rows, const char* count_name) {
  std::string out =
      std::string("<table><tr><th></th><th>") + count_name +
      "</th><th>mean return</th><th>win rate</th><th>mean excess</th><th>excess win rate</th></tr>";
  for (const auto& r : rows)
    out += "<tr><td>" + r["label"].get<std::string>() + "</td><td>" + r["count"].dump() + "</td><td>" +
           cell_of(r["mean_return"]) + "</td><td>" + cell_of(r["win_rate"]) + "</td><td>" +
           cell_of(r["mean_excess"]) + "</td><td>" + cell_of(r["excess_win_rate"]) + "</td></tr>";
  return out + "</table>";
}

std::string drawdowns_table(const std::vector<DrawdownPeriod>& periods,
                            const std::vector<std::string>& dates) {
  std::string out =
      "<table class=\"drawdowns\"><tr><th>#</th><th>peak</th><th>trough</th><th>recovery</th><th>depth</th>"
      "<th>length (days)</th></tr>";
  const auto date = [&](int32_t i) {
    return i >= 0 && i < static_cast<int32_t>(dates.size()) ? dates[i] : "-";
  };
  for (size_t k = 0; k < periods.size(); ++k) {
    const DrawdownPeriod& p = periods[k];
    out += "<tr><td>" + std::to_string(k + 1) + "</td><td>" + date(p.peak) + "</td><td>" + date(p.trough) +
           "</td><td>" + (p.recovery < 0 ? std::string("not recovered") : date(p.recovery)) + "</td><td>" +
           report_percent(-p.depth) + "</td><td>" + std::to_string(p.length()) + "</td></tr>";
  }
  return out + "</table>";
}

std::string crisis_table(const std::vector<CrisisWindow>& windows) {
  std::string out =
      "<table class=\"crises\"><tr><th>episode</th><th>from</th><th>to</th><th>strategy</th>"
      "<th>benchmark</th></tr>";
  for (const CrisisWindow& w : windows)
    out += "<tr><td>" + html_escape(w.name) + "</td><td>" + w.from + "</td><td>" + w.to + "</td>" +
           signed_cell(w.strategy) + (w.has_benchmark ? signed_cell(w.benchmark) : "<td>-</td>") + "</tr>";
  return out + "</table>";
}

std::string contributions_table(const std::vector<Contribution>& rows, const MarketData* data) {
  std::string out =
      "<table class=\"contributions\"><tr><th>instrument</th><th>P&amp;L (CNY)</th><th>days held</th>"
      "<th>max weight</th></tr>";
  for (const Contribution& c : rows) {
    const std::string name = data && c.instrument >= 0 && c.instrument < data->instrument_count()
                                 ? data->instruments[static_cast<size_t>(c.instrument)].symbol
                                 : std::string("#").append(std::to_string(c.instrument));
    out += "<tr><td>" + html_escape(name) + "</td><td>" +
           html_escape(format_metric(*find_metric("costs"), c.pnl)) + "</td><td>" +
           std::to_string(c.days_held) + "</td><td>" + report_percent(c.max_weight) + "</td></tr>";
  }
  return out + "</table>";
}

std::string rules_table(const nlohmann::json& cfg) {
  std::string out = "<table class=\"rules\"><tr><th>setting</th><th>value</th></tr>";
  const auto row = [&](const std::string& k, const nlohmann::json& v) {
    out += "<tr><td>" + html_escape(k) + "</td><td class=\"wrap\">" +
           html_escape(v.is_string() ? v.get<std::string>() : v.dump()) + "</td></tr>";
  };
  if (cfg.contains("execution"))
    for (const auto& [k, v] : cfg["execution"].items()) row("execution." + k, v);
  if (cfg.contains("costs")) row("costs", cfg["costs"]);
  if (cfg.contains("risk"))
    for (const auto& [k, v] : cfg["risk"].items())
      if (!v.is_null() && !(v.is_number() && v.get<double>() == 0) && !(v.is_array() && v.empty()))
        row("risk." + k, v);
  return out + "</table>";
}

std::string delistings_table(const RunResult& result) {
  if (result.delistings.empty()) return "<p>No holding was delisted.</p>";
  double loss = 0;
  std::string out =
      "<table class=\"delistings\"><tr><th>symbol</th><th>date</th><th>quantity</th><th>last close</th>"
      "<th>recovery price</th><th>loss (CNY)</th></tr>";
  for (const DelistingRecord& d : result.delistings) {
    loss += d.loss;
    out += "<tr><td>" + html_escape(d.symbol) + "</td><td>" + d.date.to_string() + "</td><td>" +
           format_quantity(d.quantity) + "</td><td>" + format_fixed(d.last_close, 2) + "</td><td>" +
           format_fixed(d.recovery_price, 2) + "</td><td>" + format_fixed(d.loss, 2) + "</td></tr>";
  }
  return out + "<tr><th colspan=\"5\">total</th><th>" + format_fixed(loss, 2) + "</th></tr></table>";
}

std::string rejections_table(const RunResult& result) {
  std::string out = "<table class=\"rejections\"><tr><th>reason</th><th>orders</th></tr>";
  for (int r = 0; r < kRejectReasonCount; ++r)
    if (result.rejects[static_cast<size_t>(r)] > 0)
      out += "<tr><td>" + std::string(reject_reason_name(static_cast<RejectReason>(r))) + "</td><td>" +
             std::to_string(result.rejects[static_cast<size_t>(r)]) + "</td></tr>";
  return out + "</table>";
}

}  // namespace abt
