#pragma once
// Pure risk and benchmark-relative statistics on daily return series (docs/metrics.md). Conventions as in
// return_statistics.hpp: simple daily returns, `days_per_year` trading days a year, sample (n - 1) moments.
// `risk_free` is an annual rate; its daily share is risk_free / days_per_year.
#include <span>

namespace abt {

/// (mean daily return x days_per_year - risk_free) / annualized downside deviation, where the downside
/// deviation is sqrt(mean over all days of min(r - risk_free / days_per_year, 0)^2). 0 when there is no
/// downside.
double sortino_ratio(std::span<const double> returns, double days_per_year, double risk_free);
/// annual_return / max_drawdown (max_drawdown a positive fraction); 0 when there is no drawdown.
double calmar_ratio(double annual_return, double max_drawdown);
/// Fraction of returns > 0 (0 for an empty series).
double win_rate(std::span<const double> returns);

/// Statistics of `returns` against `benchmark` (same length, day-aligned).
struct RelativeStatistics {
  double tracking_error = 0;     // sample std of (r - b) x sqrt(days_per_year); 0 below 1e-12 a day
  double information_ratio = 0;  // mean(r - b) x days_per_year / tracking_error (0 when TE is 0)
  double beta = 0;               // cov(r, b) / var(b) (0 when var(b) is 0)
  double alpha = 0;  // annual Jensen alpha: (mean(r) - rf_d - beta x (mean(b) - rf_d)) x days_per_year
};
/// Precondition: returns.size() == benchmark.size().
RelativeStatistics relative_statistics(std::span<const double> returns, std::span<const double> benchmark,
                                       double days_per_year, double risk_free);

/// Historical VaR and CVaR (expected shortfall) at confidence `level` in (0, 1): sort the n returns ascending;
/// the k = ceil((1 - level) x n) worst form the tail; var = -(k-th worst), cvar = -(mean of the tail). Both are
/// positive fractions of NAV (0.021 = a 2.1 % daily loss); 0 without returns.
struct TailRisk {
  double var = 0;
  double cvar = 0;
};
TailRisk historical_tail_risk(std::span<const double> returns, double level = 0.95);

}  // namespace abt
