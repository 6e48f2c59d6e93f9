#pragma once
// report.html: one self-contained page per run (no network, no external scripts; inline SVG and a few lines
// of inline JavaScript for the linear/log toggle). Charts: NAV vs benchmark (linear/log), excess NAV,
// drawdown, monthly return heatmap, rolling 6-month Sharpe, exposure, holdings count, monthly turnover;
// tables: metrics, yearly returns, weekday and month-of-year effects. A pure function of the run output
// (deterministic).
#include <string>

#include "engine/run/run_output.hpp"

namespace abt {

/// Rolling annualized Sharpe of daily `returns` over `window` days (NaN until the window is full).
std::vector<double> rolling_sharpe(const std::vector<double>& returns, size_t window, double days_per_year);

std::string html_report(const RunOutput& output);

}  // namespace abt
