#pragma once
// The summary metrics of one run (result.json "metrics"). Definitions: docs/metrics.md.
#include <array>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/sim/run_result.hpp"

namespace abt {

struct MetricsOptions {
  double initial_cash = 0;
  double days_per_year = 243;
  double risk_free_rate = 0;  // annual, subtracted in the Sharpe ratio
};

struct PerformanceMetrics {
  int64_t days = 0;
  double final_nav = 0;
  double total_return = 0;
  double annual_return = 0;
  double annual_volatility = 0;
  double sharpe = 0;
  double max_drawdown = 0;                                                    // positive fraction
  std::string max_drawdown_peak, max_drawdown_trough, max_drawdown_recovery;  // dates ("" when none)
  int64_t trades = 0;                                                         // fills
  double turnover = 0;  // annual two-sided turnover: (bought + sold) / mean NAV / years
  double costs = 0;     // CNY
  double exposure = 0;  // mean holdings_value / nav
  // Historical daily VaR and CVaR at 95 % (positive fractions of NAV, risk_statistics.hpp).
  double var_95 = 0, cvar_95 = 0;
  // Benchmark (present when a benchmark series was given).
  std::optional<double> benchmark_total_return, benchmark_annual_return, excess_annual_return;

  // Added with issue 6 (docs/metrics.md); the keys above keep their meaning.
  double sortino = 0;
  double calmar = 0;                    // annual_return / max_drawdown
  int64_t max_drawdown_duration = 0;    // trading days from the peak to the recovery (or the last day)
  double daily_win_rate = 0;            // fraction of days with a positive return
  int64_t round_trips = 0;              // FIFO-paired buy/sell chunks (round_trips.hpp)
  double trade_win_rate = 0;            // fraction of round trips with positive pnl net of costs
  std::optional<double> profit_factor;  // gross profit / gross loss of round trips (none without a loss)
  std::optional<double> benchmark_annual_volatility, tracking_error, information_ratio, beta, alpha;
};

/// Computes the metrics from the daily records. `benchmark` is empty (no benchmark) or has daily.size() + 1
/// levels: the base (the close before the first day, or the first day's open when there is none) and then
/// the close of each record's day, so that both the strategy and the benchmark are measured over the same
/// span.
PerformanceMetrics compute_metrics(const RunResult& result, std::span<const double> benchmark,
                                   const MetricsOptions& options);

nlohmann::json metrics_to_json(const PerformanceMetrics& m);

}  // namespace abt
