#pragma once
// Pure return statistics on NAV series. Conventions: returns are simple daily returns; "annual" figures use
// `days_per_year` trading days (243 by default, strategies.md section 0); volatility uses the sample standard
// deviation (n - 1); max drawdown is reported as a positive fraction (0.25 = a 25 % fall from the peak).
#include <cstdint>
#include <span>
#include <vector>

namespace abt {

/// r_t = nav_t / nav_{t-1} - 1, with nav_{-1} = initial.
std::vector<double> daily_returns(std::span<const double> navs, double initial);
/// (1 + total)^(days_per_year / days) - 1; 0 when days == 0.
double annualized_return(double total_return, int64_t days, double days_per_year);
/// Sample standard deviation of returns x sqrt(days_per_year); 0 for fewer than 2 returns.
double annualized_volatility(std::span<const double> returns, double days_per_year);
/// (mean daily return x days_per_year - risk_free) / annualized volatility; 0 when volatility is 0.
double sharpe_ratio(std::span<const double> returns, double days_per_year, double risk_free);

struct Drawdown {
  double depth = 0;       // positive fraction
  int64_t peak = -1;      // index of the peak before the trough (-1 = the initial capital)
  int64_t trough = -1;    // index of the deepest point (-1 when no drawdown)
  int64_t recovery = -1;  // first index back at or above the peak (-1 if not recovered)
};
/// Deepest peak-to-trough fall of navs, starting from `initial` as the first peak.
Drawdown max_drawdown(std::span<const double> navs, double initial);

}  // namespace abt
