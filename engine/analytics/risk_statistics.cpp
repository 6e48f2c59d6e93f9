#include "engine/analytics/risk_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/error.hpp"

namespace abt {
namespace {

double mean(std::span<const double> x) {
  if (x.empty()) return 0.0;
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

}  // namespace

double sortino_ratio(std::span<const double> returns, double days_per_year, double risk_free) {
  if (returns.empty()) return 0.0;
  const double target = risk_free / days_per_year;
  double downside = 0;
  for (double r : returns) {
    const double shortfall = std::min(r - target, 0.0);
    downside += shortfall * shortfall;
  }
  const double deviation = std::sqrt(downside / static_cast<double>(returns.size()) * days_per_year);
  if (deviation <= 0) return 0.0;
  return (mean(returns) * days_per_year - risk_free) / deviation;
}

double calmar_ratio(double annual_return, double max_drawdown) {
  return max_drawdown > 0 ? annual_return / max_drawdown : 0.0;
}

double win_rate(std::span<const double> returns) {
  if (returns.empty()) return 0.0;
  const auto wins = std::count_if(returns.begin(), returns.end(), [](double r) { return r > 0; });
  return static_cast<double>(wins) / static_cast<double>(returns.size());
}

RelativeStatistics relative_statistics(std::span<const double> returns, std::span<const double> benchmark,
                                       double days_per_year, double risk_free) {
  if (returns.size() != benchmark.size()) throw InternalError("relative_statistics: series lengths differ");
  RelativeStatistics s;
  const size_t n = returns.size();
  if (n < 2) return s;
  const double mr = mean(returns), mb = mean(benchmark);
  double cov = 0, var_b = 0, active_sum = 0, active_ss = 0;
  for (size_t i = 0; i < n; ++i) {
    cov += (returns[i] - mr) * (benchmark[i] - mb);
    var_b += (benchmark[i] - mb) * (benchmark[i] - mb);
    active_sum += returns[i] - benchmark[i];
  }
  const double active_mean = active_sum / static_cast<double>(n);
  for (size_t i = 0; i < n; ++i) {
    const double a = returns[i] - benchmark[i] - active_mean;
    active_ss += a * a;
  }
  const double dn = static_cast<double>(n - 1);
  // A daily active-return deviation below 1e-12 is rounding noise of identical series: treated as none.
  const double active_std = std::sqrt(active_ss / dn);
  s.tracking_error = active_std < 1e-12 ? 0.0 : active_std * std::sqrt(days_per_year);
  s.information_ratio = s.tracking_error > 0 ? active_mean * days_per_year / s.tracking_error : 0.0;
  s.beta = var_b > 0 ? cov / var_b : 0.0;
  const double rf_daily = risk_free / days_per_year;
  s.alpha = (mr - rf_daily - s.beta * (mb - rf_daily)) * days_per_year;
  return s;
}

TailRisk historical_tail_risk(std::span<const double> returns, double level) {
  if (returns.empty()) return {};
  std::vector<double> sorted(returns.begin(), returns.end());
  const double n = static_cast<double>(sorted.size());
  // ceil with a tolerance: 0.05 x 100 must give 5, not 6.
  const auto k = std::max<size_t>(1, static_cast<size_t>(std::ceil((1.0 - level) * n - 1e-9)));
  // Only the k smallest are read, in ascending order. Without NaN and -0 (the only doubles that compare
  // equal to a value with other bits, or unordered), they are one sequence however they are found:
  // selecting them and sorting those gives the bits of a full sort.
  const bool plain = std::none_of(sorted.begin(), sorted.end(),
                                  [](double r) { return std::isnan(r) || (r == 0 && std::signbit(r)); });
  if (plain && k < sorted.size()) {
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end());
    std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1));
  } else {
    std::sort(sorted.begin(), sorted.end());
  }
  double tail = 0;
  for (size_t i = 0; i < k; ++i) tail += sorted[i];
  return TailRisk{-sorted[k - 1], -tail / static_cast<double>(k)};
}

}  // namespace abt
