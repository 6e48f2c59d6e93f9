#pragma once
// Pre-trade limits and portfolio controls of one run (config section "risk", docs/configuration.md). Every
// limit is off by default. Orders a limit reduces or rejects count RejectReason::Risk.
#include <cstdint>
#include <limits>
#include <vector>

namespace abt {

struct RiskConfig {
  // --- Pre-trade limits, applied to each fill pass after sizing (ExecutionSimulator).
  /// Max value of one holding after a buy, as a fraction of NAV (buys are cut to it; sells pass).
  double max_weight = std::numeric_limits<double>::infinity();
  /// Max holdings value after the pass as a fraction of NAV; buys are scaled down by one factor to fit.
  double max_gross = std::numeric_limits<double>::infinity();
  /// Fraction of NAV kept in cash: the gross cap becomes min(max_gross, 1 - cash_buffer).
  double cash_buffer = 0.0;
  /// Max traded notional of one fill pass (one rebalance) as a fraction of NAV; every change is scaled by one
  /// factor to fit. 0 = no limit.
  double max_turnover = 0.0;
  /// Per instrument id: 1 = no buys (sells pass). Empty = none.
  std::vector<uint8_t> blacklist;

  // --- Portfolio controls, applied by the engine.
  /// Drawdown stop: when the day's closing NAV falls more than this fraction below its running peak, every
  /// holding is sold at the next fill and buys are refused until the re-entry rule below lifts the stop;
  /// then the peak restarts at the NAV of that day. 0 = off.
  double drawdown_stop = 0.0;
  int32_t reenter_after_days = 20;
  /// What lifts the stop, always at a session open (decided at a close, so nothing later is read):
  ///   Days               `reenter_after_days` trading days after the stop;
  ///   BenchmarkAboveSma  after the first close, from the day after the stop on, at which the benchmark
  ///                      closes above the SMA of its last `reenter_sma` closes (`reentry_benchmark`);
  ///   Strategy           after a day on which the strategy called Context::request_reentry().
  enum class Reentry : uint8_t { Days, BenchmarkAboveSma, Strategy };
  Reentry reenter_on = Reentry::Days;
  int32_t reenter_sma = 20;
  /// Benchmark close per calendar day for BenchmarkAboveSma (NaN = none); the run layer fills it.
  std::vector<double> reentry_benchmark;
  /// On lifting, re-submit the weights held when the stop triggered, unless the strategy has placed orders
  /// since (then its own orders re-enter).
  bool restore_on_reentry = true;
  /// Volatility targeting: TargetWeight orders are scaled by min(1, vol_target / realised), realised being
  /// the annualised sample volatility of the last `vol_window` daily NAV returns (no scaling before that many
  /// days, or when realised is 0). 0 = off.
  double vol_target = 0.0;
  int32_t vol_window = 60;
  /// Where the realised volatility comes from: the run's own NAV returns, or a covariance estimate of the
  /// current holdings' trailing returns (holdings_volatility.hpp; no holdings -> no scaling).
  enum class VolModel : uint8_t { Nav, Covariance };
  VolModel vol_model = VolModel::Nav;
  double days_per_year = 243;  // annualisation of the realised volatility

  bool has_pre_trade_limits() const {
    return max_weight < std::numeric_limits<double>::infinity() ||
           max_gross < std::numeric_limits<double>::infinity() || cash_buffer > 0 || max_turnover > 0 ||
           !blacklist.empty();
  }
};

}  // namespace abt
