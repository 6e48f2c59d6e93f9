#include "engine/risk/holdings_volatility.hpp"

#include <cmath>

#include <Eigen/Dense>

namespace abt {

HoldingsVolatility::HoldingsVolatility(int32_t instrument_count, int32_t window)
    : window_(window),
      returns_(static_cast<size_t>(window) * static_cast<size_t>(instrument_count)),
      weights_(static_cast<size_t>(instrument_count)),
      portfolio_(static_cast<size_t>(window)) {}

double HoldingsVolatility::annualised(const MarketData& data, const Portfolio& portfolio, int32_t d,
                                      double days_per_year) {
  const auto held = portfolio.held();
  const auto k = static_cast<Eigen::Index>(held.size());
  const double nav = portfolio.nav();
  if (k == 0 || d < window_ + 1 || window_ < 2 || !(nav > 0)) return 0.0;
  const Panel& close = data.daily.field(Field::Close);
  const Panel* adj = data.daily.has(Field::AdjFactor) ? &data.daily.field(Field::AdjFactor) : nullptr;
  auto adjusted = [&](int32_t t, InstrumentId id) {
    const double c = close(t, id);
    const double a = adj ? static_cast<double>((*adj)(t, id)) : 1.0;
    return c * (a > 0 ? a : 1.0);
  };
  for (Eigen::Index j = 0; j < k; ++j) {
    const InstrumentId id = held[static_cast<size_t>(j)];
    weights_[static_cast<size_t>(j)] = static_cast<double>(portfolio.quantity(id)) * portfolio.mark(id) / nav;
    for (int32_t i = 0; i < window_; ++i) {
      const int32_t t = d - window_ + i;
      const double now = adjusted(t, id), before = adjusted(t - 1, id);
      const double r = now > 0 && before > 0 ? now / before - 1.0 : 0.0;
      returns_[static_cast<size_t>(j) * static_cast<size_t>(window_) + static_cast<size_t>(i)] = r;
    }
  }
  const Eigen::Map<const Eigen::MatrixXd> x(returns_.data(), window_, k);
  const Eigen::Map<const Eigen::VectorXd> w(weights_.data(), k);
  Eigen::Map<Eigen::VectorXd> p(portfolio_.data(), window_);
  p.noalias() = x * w;
  const double mean = p.mean();
  const double variance = (p.array() - mean).square().sum() / static_cast<double>(window_ - 1);
  return std::sqrt(variance * days_per_year);
}

}  // namespace abt
