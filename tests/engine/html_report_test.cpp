// report.html and the comparison page: structure (every chart and table present, self-contained, no external
// resources), rolling Sharpe on a hand-computed series, and the metric winner rules.
#include <gtest/gtest.h>

#include <cmath>

#include "app/run/html_report.hpp"
#include "app/run/run_comparison.hpp"

namespace abt {
namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

RunOutput hand_made_output(bool with_benchmark) {
  RunOutput out;
  std::vector<Date> dates;
  std::vector<double> navs;
  Date d = Date::from_ymd(2023, 1, 2);
  for (int i = 0; i < 400; ++i, d = d + 1) {
    if (d.weekday() >= 5) {
      --i;
      continue;
    }
    DailyRecord r;
    r.date = d;
    r.nav = 1'000'000 * (1 + 0.001 * i + 0.01 * std::sin(i / 7.0));
    r.holdings_value = r.nav / 2;
    r.cash = r.nav / 2;
    r.holdings = 1 + i % 3;
    r.bought = i % 20 == 0 ? 100'000 : 0;
    out.result.daily.push_back(r);
    dates.push_back(d);
    navs.push_back(r.nav);
  }
  if (with_benchmark) {
    out.benchmark.push_back(100);
    for (size_t i = 0; i < navs.size(); ++i)
      out.benchmark.push_back(100 * (1 + 0.0005 * static_cast<double>(i)));
  }
  MetricsOptions o;
  o.initial_cash = 1'000'000;
  out.metrics = compute_metrics(out.result, out.benchmark, o);
  out.tables = compute_tables(dates, navs, 1'000'000, out.benchmark);
  out.resolved_config = {{"capital", 1'000'000},
                         {"days_per_year", 243},
                         {"benchmark", with_benchmark ? "IDX" : ""},
                         {"strategy", {{"name", "hand<made>"}, {"params", nlohmann::json::object()}}},
                         {"start", "2023-01-02"},
                         {"end", "2024-07-01"}};
  return out;
}

TEST(HtmlReport, HasEveryChartAndTableAndIsSelfContained) {
  const std::string html = html_report(hand_made_output(true));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* id :
       {"nav",     "excess",     "drawdown",   "worst-drawdowns", "monthly",       "crises",
        "sharpe",  "volatility", "beta",       "histogram",       "exposure",      "turnover",
        "costs",   "blocked",    "delistings", "rules",           "contributions", "round-trips",
        "metrics", "yearly",     "weekday",    "month-effect"})
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  // NAV linear + log, excess, drawdown, rolling Sharpe, volatility, beta, histogram, exposure, holdings,
  // turnover, costs (no fills: no round-trip chart; nothing blocked: no blocked chart).
  EXPECT_EQ(count(html, "<svg "), 12u);
  EXPECT_EQ(count(html, "</svg>"), 12u);
  EXPECT_NE(html.find("class=\"nav-log"), std::string::npos);
  EXPECT_NE(html.find("class=\"kpis\""), std::string::npos);
  EXPECT_NE(html.find("No order was blocked or reduced."), std::string::npos);
  EXPECT_NE(html.find("abtScale(true)"), std::string::npos);
  EXPECT_EQ(count(html, "<table class=\"heat\">"), 1u);
  EXPECT_NE(html.find("<th>2024</th>"), std::string::npos);      // a heatmap row per year
  EXPECT_NE(html.find("information ratio"), std::string::npos);  // the registry's label
  EXPECT_NE(html.find("<td>Mon</td>"), std::string::npos);
  EXPECT_NE(html.find("hand&lt;made&gt;"), std::string::npos);  // escaped
  // Nothing is fetched: no external scripts, styles, images or URLs other than the SVG namespace.
  for (const char* external : {"<script src", "<link", "@import", "<img", "https://"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_EQ(count(html, "http://"), count(html, "http://www.w3.org/2000/svg"));
  // Deterministic.
  EXPECT_EQ(html, html_report(hand_made_output(true)));
  // Without a benchmark there is no excess chart.
  const std::string plain = html_report(hand_made_output(false));
  EXPECT_EQ(plain.find("id=\"excess\""), std::string::npos);
  EXPECT_EQ(count(plain, "<svg "), 10u);  // no excess, no beta
}

TEST(HtmlReport, RollingSharpeOnAHandComputedSeries) {
  const std::vector<double> r = {0.01, 0.03, -0.01, 0.02};
  const auto s = rolling_sharpe(r, 3, 243);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_TRUE(std::isnan(s[1]));
  // Window {0.01, 0.03, -0.01}: mean 0.01, sample std 0.02.
  EXPECT_NEAR(s[2], 0.01 / 0.02 * std::sqrt(243.0), 1e-9);
  // Window {0.03, -0.01, 0.02}: mean 0.04/3, sample var = ((0.03-m)^2 + (-0.01-m)^2 + (0.02-m)^2) / 2.
  const double m = 0.04 / 3;
  const double var = ((0.03 - m) * (0.03 - m) + (-0.01 - m) * (-0.01 - m) + (0.02 - m) * (0.02 - m)) / 2;
  EXPECT_NEAR(s[3], m / std::sqrt(var) * std::sqrt(243.0), 1e-9);
}

TEST(RunComparison, WinnerDirectionAndTextTable) {
  using J = nlohmann::json;
  EXPECT_EQ(metric_winner("sharpe", {J(0.5), J(0.9), J(0.1)}), 1);
  EXPECT_EQ(metric_winner("max_drawdown", {J(0.5), J(0.9), J(0.1)}), 2);
  EXPECT_EQ(metric_winner("sharpe", {J(0.5), J(0.5)}), -1);  // a tie has no winner
  EXPECT_EQ(metric_winner("trades", {J(10), J(20)}), -1);    // no better direction
  EXPECT_EQ(metric_winner("sharpe", {J(), J(0.2)}), 1);      // null never wins
  std::vector<ComparedRun> runs(2);
  runs[0].name = "a";
  runs[0].metrics = {{"sharpe", 0.5}, {"max_drawdown", 0.2}};
  runs[1].name = "b";
  runs[1].metrics = {{"sharpe", 0.75}, {"max_drawdown", 0.3}};
  runs[0].dates = runs[1].dates = {"2024-01-02", "2024-01-03"};
  runs[0].navs = {100, 110};
  runs[1].navs = {200, 180};
  const std::string text = comparison_text(runs);
  EXPECT_NE(text.find("+0.25"), std::string::npos) << text;
  EXPECT_NE(text.find("+0.1"), std::string::npos) << text;
  EXPECT_EQ(metric_winner("var_95", {J(0.03), J(0.02)}), 1);  // the registry: less risk is better
  runs[0].config = {{"strategy", {{"name", "dual_ma"}, {"params", {{"fast", 5}, {"slow", 20}}}}}};
  runs[1].config = {{"strategy", {{"name", "dual_ma"}, {"params", {{"fast", 8}, {"slow", 20}}}}}};
  const auto differing = differing_settings(runs);
  ASSERT_EQ(differing.size(), 1u);
  EXPECT_EQ(differing[0].first, "/strategy/params/fast");
  EXPECT_EQ(differing[0].second, (std::vector<std::string>{"5", "8"}));
  const std::string html = comparison_html(runs);
  EXPECT_EQ(count(html, "<svg "), 2u);  // NAV and drawdown overlays
  EXPECT_EQ(count(html, "class=\"win\""), 2u);
  EXPECT_EQ(count(html, "class=\"diff wrap\""), 2u);   // fast 5 vs 8, highlighted
  EXPECT_NE(html.find("20.00 %"), std::string::npos);  // drawdown formatted by the registry
}

}  // namespace
}  // namespace abt
