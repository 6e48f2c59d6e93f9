#pragma once
// The deterministic discrete-event backtest loop (docs/event-ordering.md).
#include "engine/data/market_data.hpp"
#include "engine/sim/backtest_config.hpp"
#include "engine/sim/run_result.hpp"
#include "engine/strategy/strategy.hpp"

namespace abt {

class Backtest {
 public:
  /// `data` must outlive the Backtest and is only read. Throws ConfigError when the date range has no
  /// trading day.
  Backtest(const MarketData& data, BacktestConfig config);
  ~Backtest();
  Backtest(const Backtest&) = delete;
  Backtest& operator=(const Backtest&) = delete;

  /// Replays every event from config.start to config.end through `strategy`. Single-threaded; the same
  /// data, config and strategy give the same result. Checks every day that cash >= 0 and
  /// cash + holdings = NAV (InternalError otherwise).
  ///
  /// Exceptions from the strategy's callbacks: an InternalError passes through (an engine bug, also when
  /// raised inside a Context call); a UserError (ConfigError, DataError) from on_start passes through (the
  /// strategy rejecting its params or the data before the first event: bad input, exit code 2); anything
  /// else, including a UserError from a later callback, LookAheadError and std::out_of_range from a
  /// HistoryView, becomes a StrategyError with the callback ("on_bar(1d)") and the simulated time, and
  /// stops the run. The strategy's name is added by the caller (run_backtest). A RunCancelled (from a
  /// callback or from config.on_day_done: the run stopped from outside) passes through unchanged.
  RunResult run(Strategy& strategy);

 private:
  struct Impl;
  const MarketData& data_;
  BacktestConfig config_;
};

}  // namespace abt
