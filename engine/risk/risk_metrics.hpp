#pragma once
// Risk statistics of a run's daily returns (result.json "metrics"). Returns are simple daily returns.
//   historical VaR (level 95 %): sort the n returns ascending; k = ceil((1 - level) x n) returns form the
//     tail; VaR = -(the largest tail return) = -r_(k), the loss not exceeded on `level` of the days;
//   historical CVaR (expected shortfall): -(mean of the k tail returns);
//   both are positive fractions of NAV (0.021 = a 2.1 % daily loss); 0 without returns;
//   beta: sample cov(r, b) / sample var(b) against the benchmark's daily returns b (0 when var(b) = 0);
//   tracking error: sample std(r - b) x sqrt(days_per_year).
#include <span>

namespace abt {

struct TailRisk {
  double var = 0;
  double cvar = 0;
};

/// Historical VaR and CVaR of `returns` at confidence `level` in (0, 1).
TailRisk historical_tail_risk(std::span<const double> returns, double level = 0.95);
/// Beta of `returns` against `benchmark` (same length >= 2; else 0).
double beta(std::span<const double> returns, std::span<const double> benchmark);
/// Annualised tracking error of `returns` against `benchmark` (same length >= 2; else 0).
double tracking_error(std::span<const double> returns, std::span<const double> benchmark,
                      double days_per_year);

}  // namespace abt
