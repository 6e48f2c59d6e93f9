#include "app/run/attribution_report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/run/attribution_table.hpp"
#include "app/run/html_page.hpp"
#include "app/run/number_format.hpp"
#include "app/run/svg_chart.hpp"

namespace abt {
namespace {

// After kPageBaseStyle.
const char* kStyle =
    "p{font-size:14px}p.params{overflow-wrap:anywhere;font-size:13px;color:#444}"
    "td.wrap{text-align:left;overflow-wrap:anywhere;max-width:360px}td:first-child{text-align:left}"
    "tr.total td{font-weight:bold}tr.unchanged td{color:#888}";

std::string num(double v) {
  return format_fixed(v, 1);
}

std::string text_at(double x, double y, const std::string& text, const std::string& extra = "") {
  return std::string("<text x=\"") + num(x) + "\" y=\"" + num(y) + "\" font-size=\"11\"" + extra + ">" +
         html_escape(text) + "</text>";
}

std::string waterfall_of(const nlohmann::json& doc, const std::string& metric, const std::string& title) {
  std::vector<WaterfallBar> bars;
  const auto& steps = doc["steps"];
  double level = steps[0]["metrics"][metric].get<double>();
  bars.push_back({"ideal", level, level, true});
  for (size_t i = 1; i < steps.size(); ++i) {
    const double next = steps[i]["metrics"][metric].get<double>();
    bars.push_back({steps[i]["step"].get<std::string>(), level, next, false});
    level = next;
  }
  const double end = doc["realistic"]["metrics"][metric].get<double>();
  bars.push_back({"realistic", end, end, true});
  return svg_waterfall(bars, title);
}

std::string cell(const std::string& text, const std::string& cls = "") {
  return (cls.empty() ? "<td>" : std::string("<td class=\"") + cls + "\">") + html_escape(text) + "</td>";
}

std::string table_row(const std::string& name, const nlohmann::json& m, const nlohmann::json& d,
                      const std::string& what, const std::string& cls) {
  const bool has = !d.is_null();
  return std::string("<tr") + (cls.empty() ? std::string() : std::string(" class=\"") + cls + "\"") + ">" +
         cell(name) + cell(attribution_percent(m["total_return"].get<double>(), 2)) +
         cell(has ? attribution_points(d["total_return"].get<double>(), 2) : "") +
         cell(attribution_percent(m["annual_return"].get<double>(), 2)) +
         cell(has ? attribution_points(d["annual_return"].get<double>(), 3) : "") +
         cell(format_fixed(m["sharpe"].get<double>(), 3)) + cell(format_fixed(m["fees"].get<double>(), 2)) +
         cell(format_fixed(m["slippage"].get<double>(), 2)) +
         cell(std::to_string(m["fills"].get<int64_t>())) + cell(std::to_string(m["blocked"].get<int64_t>())) +
         cell(what, "wrap") + "</tr>\n";
}

}  // namespace

std::string svg_waterfall(const std::vector<WaterfallBar>& bars, const std::string& title, int width,
                          int height) {
  const double left = 70, right = 20, top = 34, bottom = 70;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& b : bars) {
    lo = std::min({lo, b.from, b.to});
    hi = std::max({hi, b.from, b.to});
  }
  if (!std::isfinite(lo)) lo = hi = 0;
  const double span = hi > lo ? hi - lo : std::max(std::fabs(hi) * 0.01, 1e-4);
  // Room below the lowest value so that the totals are bars, and above for the labels.
  lo -= span * 0.25;
  hi += span * 0.15;
  std::vector<double> ticks = nice_ticks(lo, hi, 5);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : hi - lo;
  const double floor_v = ticks.empty() ? lo : std::min(lo, ticks.front() - (ticks.front() > lo ? step : 0));
  const double ceil_v = ticks.empty() ? hi : std::max(hi, ticks.back());
  auto y_of = [&](double v) { return top + plot_h * (ceil_v - v) / (ceil_v - floor_v); };
  const int decimals = step >= 0.1 ? 0 : step >= 0.01 ? 1 : step >= 0.001 ? 2 : 3;

  std::string svg = std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"") +
                    std::to_string(width) + std::string("\" height=\"") + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\" font-family=\"sans-serif\">";
  svg += text_at(left, 18, title, " font-size=\"13\" font-weight=\"bold\"");
  for (double t : ticks) {
    if (t < floor_v || t > ceil_v) continue;
    const double y = y_of(t);
    svg += std::string("<line x1=\"") + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plot_w) +
           "\" y2=\"" + num(y) + "\" stroke=\"#e3e3e3\"/>";
    svg += text_at(left - 6, y + 4, format_fixed(t * 100, decimals) + "%", " text-anchor=\"end\"");
  }
  const double slot = plot_w / static_cast<double>(std::max<size_t>(bars.size(), 1));
  const double bar_w = slot * 0.62;
  for (size_t i = 0; i < bars.size(); ++i) {
    const WaterfallBar& b = bars[i];
    const double x = left + slot * static_cast<double>(i) + (slot - bar_w) / 2;
    const double y_from = b.total ? y_of(floor_v) : y_of(b.from), y_to = y_of(b.to);
    const double y1 = std::min(y_from, y_to), h = std::max(std::fabs(y_from - y_to), 1.0);
    const double delta = b.to - b.from;
    const std::string color = b.total ? "#4a78b5" : delta < 0 ? "#c0392b" : delta > 0 ? "#2e8b57" : "#999";
    svg += std::string("<rect x=\"") + num(x) + "\" y=\"" + num(y1) + "\" width=\"" + num(bar_w) +
           "\" height=\"" + num(h) + std::string("\" fill=\"") + color + "\"><title>" +
           html_escape(b.label + ": " +
                       (b.total ? attribution_percent(b.to, 3) : attribution_points(delta, 4) + " pp")) +
           "</title></rect>";
    if (i + 1 < bars.size()) {  // connector to the next bar at this bar's end level
      const double yc = y_of(b.to);
      svg += std::string("<line x1=\"") + num(x + bar_w) + "\" y1=\"" + num(yc) + "\" x2=\"" + num(x + slot) +
             "\" y2=\"" + num(yc) + "\" stroke=\"#777\" stroke-dasharray=\"3,2\"/>";
    }
    const std::string value = b.total ? attribution_percent(b.to, 2) : attribution_points(delta, 2);
    svg += text_at(x + bar_w / 2, y1 - 4, value, " text-anchor=\"middle\"");
    const double ly = top + plot_h + 14;
    svg += text_at(x + bar_w / 2, ly, b.label,
                   std::string(" text-anchor=\"end\" transform=\"rotate(-35 ") + num(x + bar_w / 2) + " " +
                       num(ly) + ")\"");
  }
  svg += std::string("<line x1=\"") + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" +
         num(left + plot_w) + std::string("\" y2=\"") + num(top + plot_h) + "\" stroke=\"#555\"/></svg>";
  return svg;
}

std::string attribution_html(const nlohmann::json& doc) {
  const nlohmann::json& config = doc["config"];
  const std::string strategy = config.contains("strategy") && config["strategy"].contains("name")
                                   ? config["strategy"]["name"].get<std::string>()
                                   : std::string("?");
  std::string order;
  for (const auto& s : doc["order"]) order += (order.empty() ? "" : ", ") + s.get<std::string>();
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>abt attribute: " +
                  html_escape(strategy) + "</title><style>" + kPageBaseStyle + kStyle +
                  "</style></head><body>\n<h1>Reality-gap attribution: " + html_escape(strategy) +
                  "</h1>\n<p class=\"params\">config: " + html_escape(config.dump()) + "</p>\n";
  h +=
      "<p>From the ideal run (the <code>ideal</code> profile with suspended bars fillable and no costs) each "
      "step switches one more A-share rule or cost item to the config's realistic setting, cumulatively; a "
      "bar is what that step takes from (red) or adds to (green) the return. The steps add up to realistic "
      "&minus; ideal: " +
      html_escape(attribution_points(doc["sum_of_steps"]["total_return"].get<double>(), 4)) +
      " pp of total return. The y axis does not start at 0.</p>\n";
  h += waterfall_of(doc, "total_return", "Total return, ideal to realistic") + "\n";
  h += waterfall_of(doc, "annual_return", "Annual return, ideal to realistic") + "\n";
  h += "<h2>Steps</h2>\n<table><tr><th>step</th><th>total return</th><th>step (pp)</th><th>annual</th>"
       "<th>step (pp)</th><th>Sharpe</th><th>fees (CNY)</th><th>slippage (CNY)</th><th>fills</th>"
       "<th>blocked</th><th>what it switches on</th></tr>\n";
  for (const auto& s : doc["steps"]) {
    const bool ran = s["ran"].get<bool>();
    const std::string what = s["label"].get<std::string>() +
                             (ran ? "" : std::string(" (no change: ") + s["note"].get<std::string>() + ")");
    h += table_row(s["step"].get<std::string>(), s["metrics"], s["delta"], what, ran ? "" : "unchanged");
  }
  h += table_row("realistic", doc["realistic"]["metrics"], doc["gap"], "the whole gap: realistic - ideal",
                 "total");
  h += std::string("</table>\n<h2>Order</h2>\n<p>Steps in this order: ") + html_escape(order) +
       ". The attribution depends on the order: a rule's step measures it given the rules before it (a cost "
       "item is charged only on the trades the rules let through, a participation cap binds less after price "
       "limits have already blocked an order). Market rules come first because they decide which trades "
       "exist; "
       "costs and slippage then price those trades. <code>abt attribute --order</code> runs another "
       "order.</p>\n</body></html>\n";
  return h;
}

}  // namespace abt
