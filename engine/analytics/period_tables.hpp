#pragma once
// Return tables of one run (result.json "tables", docs/metrics.md): yearly and monthly returns of the
// strategy, the benchmark and their difference, and calendar effects (weekday and month of year) as broker
// reports show them. Pure functions of the daily NAV series and the benchmark levels.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/time.hpp"

namespace abt {

/// Compounded return of one calendar period ("2016" or "2016-03"). A period's return runs from the last NAV
/// before it (the initial capital for the first) to its last NAV; the benchmark likewise from its base level.
struct PeriodReturn {
  std::string period;
  double strategy = 0;
  std::optional<double> benchmark, excess;  // excess = strategy - benchmark (arithmetic)
};

/// Mean return and win rate of a group of returns (days of one weekday, or months of one calendar month).
/// Excess values use strategy - benchmark per day (per month); absent without a benchmark.
struct CalendarEffect {
  std::string label;  // "Mon".."Fri" (weekday) or "Jan".."Dec" (month of year)
  int64_t count = 0;  // days (weekday) or months (month of year) in the group
  double mean_return = 0, win_rate = 0;
  std::optional<double> mean_excess, excess_win_rate;  // win rate of excess = fraction with excess > 0
};

struct PerformanceTables {
  std::vector<PeriodReturn> yearly, monthly;
  std::vector<CalendarEffect> weekday;  // from daily returns; only weekdays that occur
  std::vector<CalendarEffect> month;    // from the monthly table's returns; only months that occur
};

/// `dates` and `navs` are the daily records (same length); `initial` is the capital before the first day;
/// `benchmark` is empty or has navs.size() + 1 levels (base first, as compute_metrics takes it).
PerformanceTables compute_tables(std::span<const Date> dates, std::span<const double> navs, double initial,
                                 std::span<const double> benchmark);

nlohmann::json tables_to_json(const PerformanceTables& tables);

}  // namespace abt
