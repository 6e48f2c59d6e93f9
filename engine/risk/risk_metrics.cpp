#include "engine/risk/risk_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace abt {

TailRisk historical_tail_risk(std::span<const double> returns, double level) {
  if (returns.empty()) return {};
  std::vector<double> sorted(returns.begin(), returns.end());
  std::sort(sorted.begin(), sorted.end());
  const double n = static_cast<double>(sorted.size());
  // ceil with a tolerance: 0.05 x 100 must give 5, not 6.
  const auto k = std::max<size_t>(1, static_cast<size_t>(std::ceil((1.0 - level) * n - 1e-9)));
  double tail = 0;
  for (size_t i = 0; i < k; ++i) tail += sorted[i];
  return TailRisk{-sorted[k - 1], -tail / static_cast<double>(k)};
}

namespace {
double mean(std::span<const double> x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}
}  // namespace

double beta(std::span<const double> returns, std::span<const double> benchmark) {
  if (returns.size() != benchmark.size() || returns.size() < 2) return 0.0;
  const double mr = mean(returns), mb = mean(benchmark);
  double cov = 0, var = 0;
  for (size_t i = 0; i < returns.size(); ++i) {
    cov += (returns[i] - mr) * (benchmark[i] - mb);
    var += (benchmark[i] - mb) * (benchmark[i] - mb);
  }
  return var > 0 ? cov / var : 0.0;
}

double tracking_error(std::span<const double> returns, std::span<const double> benchmark,
                      double days_per_year) {
  if (returns.size() != benchmark.size() || returns.size() < 2) return 0.0;
  std::vector<double> diff(returns.size());
  for (size_t i = 0; i < returns.size(); ++i) diff[i] = returns[i] - benchmark[i];
  const double m = mean(diff);
  double ss = 0;
  for (double d : diff) ss += (d - m) * (d - m);
  return std::sqrt(ss / static_cast<double>(diff.size() - 1)) * std::sqrt(days_per_year);
}

}  // namespace abt
