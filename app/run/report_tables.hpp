#pragma once
// HTML tables of report.html (report_tables.cpp): each takes plain values and returns one <table>; text is
// escaped, numbers formatted for people (metric_registry.hpp), A-share colours (red gains, green losses).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/analytics/drawdown_periods.hpp"
#include "engine/data/market_data.hpp"
#include "app/run/report_data.hpp"
#include "app/run/run_output.hpp"

namespace abt {

/// "12.34%" (two decimals).
std::string report_percent(double v);
/// Red for gains, green for losses (the A-share convention), intensity by magnitude (full at `full`).
std::string heat_color(double r, double full = 0.10);

/// The headline numbers as cards: total and annual return, Sharpe, max drawdown, excess, costs, turnover.
std::string kpi_cards(const PerformanceMetrics& m);
/// Every metric of the registry present in `metrics`, labelled and formatted.
std::string metrics_table(const nlohmann::json& metrics);
std::string monthly_heatmap(const PerformanceTables& tables);
std::string period_table(const nlohmann::json& rows);
std::string effect_table(const nlohmann::json& rows, const char* count_name);
/// Worst drawdowns: peak, trough, recovery dates, depth, length in trading days.
std::string drawdowns_table(const std::vector<DrawdownPeriod>& periods,
                            const std::vector<std::string>& dates);
std::string crisis_table(const std::vector<CrisisWindow>& windows);
/// Top contributions with symbols from `data` (nullptr: ids).
std::string contributions_table(const std::vector<Contribution>& rows, const MarketData* data);
/// The execution profile, each rule switch, the cost model and the risk limits that were on.
std::string rules_table(const nlohmann::json& resolved_config);
/// Delisted holdings and what their recovery price cost.
std::string delistings_table(const RunResult& result);
/// Blocked / reduced orders by reason, totals.
std::string rejections_table(const RunResult& result);

}  // namespace abt
