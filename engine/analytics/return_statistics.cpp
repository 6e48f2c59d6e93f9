#include "engine/analytics/return_statistics.hpp"

#include <cmath>

namespace abt {

std::vector<double> daily_returns(std::span<const double> navs, double initial) {
  std::vector<double> r(navs.size());
  double prev = initial;
  for (size_t i = 0; i < navs.size(); ++i) {
    r[i] = prev != 0 ? navs[i] / prev - 1.0 : 0.0;
    prev = navs[i];
  }
  return r;
}

double annualized_return(double total_return, int64_t days, double days_per_year) {
  if (days <= 0) return 0.0;
  if (total_return <= -1.0) return -1.0;
  return std::pow(1.0 + total_return, days_per_year / static_cast<double>(days)) - 1.0;
}

namespace {
double mean_of(std::span<const double> x) {
  double s = 0;
  for (double v : x) s += v;
  return x.empty() ? 0.0 : s / static_cast<double>(x.size());
}
double sample_std(std::span<const double> x) {
  if (x.size() < 2) return 0.0;
  const double m = mean_of(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}
}  // namespace

double annualized_volatility(std::span<const double> returns, double days_per_year) {
  return sample_std(returns) * std::sqrt(days_per_year);
}

double sharpe_ratio(std::span<const double> returns, double days_per_year, double risk_free) {
  const double vol = annualized_volatility(returns, days_per_year);
  if (vol <= 0) return 0.0;
  return (mean_of(returns) * days_per_year - risk_free) / vol;
}

Drawdown max_drawdown(std::span<const double> navs, double initial) {
  Drawdown best;
  double peak = initial;
  int64_t peak_index = -1;
  for (size_t i = 0; i < navs.size(); ++i) {
    if (navs[i] >= peak) {
      peak = navs[i];
      peak_index = static_cast<int64_t>(i);
      continue;
    }
    const double depth = peak > 0 ? 1.0 - navs[i] / peak : 0.0;
    if (depth > best.depth) best = {depth, peak_index, static_cast<int64_t>(i), -1};
  }
  if (best.trough >= 0) {
    const double peak_value = best.peak >= 0 ? navs[best.peak] : initial;
    for (size_t i = best.trough + 1; i < navs.size(); ++i)
      if (navs[i] >= peak_value) {
        best.recovery = static_cast<int64_t>(i);
        break;
      }
  }
  return best;
}

}  // namespace abt
