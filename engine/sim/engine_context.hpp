#pragma once
// The engine's implementation of Context (the strategy's only door to the engine).
//
// Time: the engine updates the SimClock before every strategy call. cursor[f] is the last *closed* row of
// frequency f at clock.now; history views end there, so a strategy can never read a later bar: during the
// 10:30 hourly BarClose of day t, the daily cursor is still t-1; after the daily BarClose it is t.
// Orders: intents go to the execution simulator's order book with the first execution-frequency row at which
// they may fill: NextOpen -> the row after the execution cursor (its open); Close -> the execution cursor
// itself (its close, filled right after the strategy call by the engine).
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/execution/execution_simulator.hpp"
#include "engine/portfolio/portfolio.hpp"
#include "engine/sim/backtest_config.hpp"
#include "engine/sim/timer_set.hpp"
#include "engine/strategy/context.hpp"

namespace abt {

/// Simulated time and per-frequency history cursors, owned by the event loop.
struct SimClock {
  Timestamp now;
  int32_t day = -1;  // calendar index of today
  /// Last closed row per frequency (index = Frequency), -1 before the first bar.
  std::array<int32_t, kFrequencyCount> cursor{-1, -1};
};

class EngineContext final : public Context {
 public:
  /// Every argument must outlive the context.
  EngineContext(const MarketData& data, const BacktestConfig& config, const SimClock& clock,
                Portfolio& portfolio, ExecutionSimulator& simulator, TimerSet& timers, WarningLog& warnings,
                SignalTable& signals, std::array<int32_t, kFrequencyCount> first_rows);

  // time
  Timestamp now() const override { return clock_.now; }
  int32_t today_index() const override { return clock_.day; }
  const TradingCalendar& calendar() const override { return data_.calendar; }

  // instruments and data
  int32_t instrument_count() const override { return data_.instrument_count(); }
  const Instrument& instrument(InstrumentId id) const override;
  std::optional<InstrumentId> find_instrument(std::string_view symbol) const override;
  bool has_frequency(Frequency f) const override { return data_.bars(f) != nullptr; }
  DataHandle field(Frequency f, std::string_view name) const override;
  DataHandle series(std::string_view name) const override;
  HistoryView history(const DataHandle& handle, int32_t length) const override;
  using Context::history;
  TradingStatus status(InstrumentId id) const override;
  uint64_t seed() const override { return config_.seed; }

  // portfolio
  double cash() const override { return portfolio_.cash(); }
  double nav() const override { return portfolio_.nav(); }
  Quantity position(InstrumentId id) const override;
  Quantity sellable(InstrumentId id) const override;
  PositionInfo position_info(InstrumentId id) const override;

  // orders
  void target_weights(std::span<const WeightTarget> targets, bool exit_others = true) override;
  void target_shares(InstrumentId id, Quantity shares) override;
  void order_shares(InstrumentId id, Quantity delta) override;
  std::optional<PendingOrderInfo> pending_order(InstrumentId id) const override;
  std::vector<PendingOrderInfo> pending_orders() const override;
  bool cancel(InstrumentId id) override;

  // callbacks
  void subscribe(Frequency f) override;
  TimerId schedule(const Schedule& schedule) override;
  void log(LogLevel level, std::string_view message) override;
  void request_reentry() override { reentry_requested_ = true; }
  WarningLog* warnings() override { return &warnings_; }
  SignalHandle declare_signal(std::string_view name, Frequency f, SignalStyle style) override;
  void record(SignalHandle signal, double value) override;
  const DataProvenance& provenance() const override { return data_.provenance; }

  /// Engine side: whether request_reentry() was called since the last take (and clears the flag).
  bool take_reentry_request() { return std::exchange(reentry_requested_, false); }
  /// Engine side: orders the strategy has placed so far (a counter).
  uint64_t orders_placed() const { return next_sequence_; }

  /// True when the strategy subscribed to BarClose events of f.
  bool subscribed(Frequency f) const { return subscribed_[static_cast<int>(f)]; }

 private:
  void check_instrument(InstrumentId id, const char* what) const;
  void place(InstrumentId id, OrderKind kind, double amount);

  const MarketData& data_;
  const BacktestConfig& config_;
  const SimClock& clock_;
  Portfolio& portfolio_;
  ExecutionSimulator& simulator_;
  TimerSet& timers_;
  WarningLog& warnings_;
  SignalTable& signals_;
  std::array<int32_t, kFrequencyCount> first_rows_;  // the run's first row per frequency (signal row 0)
  std::array<bool, kFrequencyCount> subscribed_{};
  uint64_t next_sequence_ = 0;
  bool reentry_requested_ = false;
  std::vector<uint8_t> in_targets_;  // scratch for target_weights, one flag per instrument
};

}  // namespace abt
