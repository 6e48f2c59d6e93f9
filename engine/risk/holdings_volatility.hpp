#pragma once
// Volatility of the current holdings estimated from a covariance of their trailing daily returns (the
// "covariance" model of volatility targeting, RiskConfig::vol_model).
//
// With X the window x k matrix of the held instruments' daily returns on the adjusted close (close x
// adj_factor; a missing price gives a 0 return) over the `window` trading days before day d, and w the
// holdings' weights (quantity x mark / NAV), the sample covariance S of X gives the portfolio variance
// w' S w, which equals the sample variance of the portfolio return series p = X w. The estimate is
// sqrt(w' S w x days_per_year). Buffers are sized once for every instrument: no allocation per call.
#include <cstdint>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/portfolio/portfolio.hpp"

namespace abt {

class HoldingsVolatility {
 public:
  HoldingsVolatility(int32_t instrument_count, int32_t window);
  /// Annualised volatility of the holdings at SessionOpen of calendar day d (0 without holdings or with
  /// fewer than window + 1 days of history).
  double annualised(const MarketData& data, const Portfolio& portfolio, int32_t d, double days_per_year);

 private:
  int32_t window_;
  std::vector<double> returns_;    // window x instruments, column-major
  std::vector<double> weights_;    // instruments
  std::vector<double> portfolio_;  // window
};

}  // namespace abt
