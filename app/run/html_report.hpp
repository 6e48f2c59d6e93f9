#pragma once
// report.html: one self-contained page per run (no network, no external scripts; inline SVG and a few lines
// of inline JavaScript for the linear/log toggle), a pure function of the run output (deterministic).
// Sections (ids): headline KPIs; warnings; nav (log by default when growth exceeds 3x), excess, drawdown
// (underwater), worst-drawdowns, monthly heatmap, crises (market episodes the run covers), rolling sharpe,
// volatility and beta, histogram of daily returns, exposure and holdings; the A-share facts: costs by item,
// blocked orders by reason, delistings, rules (execution profile, switches, costs, risk); contributions,
// round-trips; recorded signals (a panel each with its levels); metrics (the registry's labels and
// formats), yearly, weekday and month effects. docs/reports.md describes every section.
#include <string>

#include "engine/data/market_data.hpp"
#include "app/run/run_output.hpp"

namespace abt {

/// Rolling annualized Sharpe of daily `returns` over `window` days (NaN until the window is full).
std::vector<double> rolling_sharpe(const std::vector<double>& returns, size_t window, double days_per_year);

/// `data` (optional) names the instruments in the contribution table.
std::string html_report(const RunOutput& output, const MarketData* data = nullptr);

}  // namespace abt
