#pragma once
// What report.html shows beyond the metrics, computed from a run's output (pure functions, deterministic):
// monthly costs by item and blocked orders by reason, rolling volatility and beta, the return histogram,
// the market's crisis windows the run covers, and each instrument's contribution.
#include <array>
#include <string>
#include <vector>

#include "app/run/run_output.hpp"

namespace abt {

/// Monthly sums: fees by item and slippage (CNY), and rejections by reason (counts).
struct MonthlyFacts {
  std::vector<std::string> months;  // "YYYY-MM", every month of the run
  std::vector<double> commission, stamp_duty, transfer_fee, slippage;
  std::array<std::vector<double>, kRejectReasonCount> rejections;
};
MonthlyFacts monthly_facts(const RunOutput& output);

/// Rolling annualised volatility of `returns` and beta against `benchmark` returns over `window` days
/// (NaN until the window is full; beta NaN without a benchmark).
struct RollingRisk {
  std::vector<double> volatility, beta;
};
RollingRisk rolling_risk(const std::vector<double>& returns, const std::vector<double>& benchmark,
                         size_t window, double days_per_year);

/// Counts of `values` in `bins` equal bins between the 1st and 99th percentiles (the outer bins take the
/// tails); labels are the bin centres formatted as percentages.
struct Histogram {
  std::vector<std::string> labels;
  std::vector<double> counts;
};
Histogram histogram(std::vector<double> values, int bins);

/// A named market episode (the 2015 crash, ...) and what the strategy and the benchmark did in it.
struct CrisisWindow {
  std::string name, from, to;
  double strategy = 0, benchmark = 0;  // returns over the days of the run inside the window
  bool has_benchmark = false;
};
/// The episodes whose window overlaps the run.
std::vector<CrisisWindow> crisis_windows(const RunOutput& output);

/// One instrument's share of the result: P&L = sells - buys - fees + the last holding value (CNY).
struct Contribution {
  InstrumentId instrument = -1;
  double pnl = 0;
  int64_t days_held = 0;
  double max_weight = 0;
};
/// The `count` instruments with the largest |P&L| (largest first; ties by id).
std::vector<Contribution> top_contributions(const RunOutput& output, size_t count);

}  // namespace abt
