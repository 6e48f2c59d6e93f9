#pragma once
// The execution simulator: turns pending order intents into fills at a fill point (docs/event-ordering.md).
//
// A fill pass at FillPoint{row, price, time} considers every pending entry whose eligible_row <= row:
//   1. gate (side-independent): instrument not listed on the bar's day -> RejectReason::NotListed, dropped;
//      no tradeable price in the bar (NaN or <= 0, or volume 0 / NaN when rules.block_suspended) -> the
//      entry stays pending with eligible_row = row + 1 and RejectReason::Suspended is counted once per
//      intent;
//   2. sizing (strategies.md section 6) of all gated entries together at the bar's prices p:
//      NAV = cash + sum(q_i x p_i) (fill prices for instruments in the batch, marks for other holdings);
//      TargetWeight w -> floor(w x NAV / p) shares, TargetShares n -> n, plus accumulated Shares deltas;
//      the wanted position is clamped at 0 (no short selling);
//   3. sells first (ascending instrument id): rounded by the LotRule, checked by admit(), executed, costs
//   paid;
//   4. buys (ascending instrument id): rounded by the LotRule, checked by admit(); if their total cash need
//      sum(dq x p + cost(dq, p)) exceeds cash, every buy is scaled by one factor and re-rounded down, then
//      the largest buy steps down one lot at a time while fen rounding still overshoots. Cash never goes
//      negative. A buy reduced this way counts RejectReason::Cash; a nonzero change that rounds to zero
//      shares counts RejectReason::Lot.
// Extension point: admit() is the per-intent, side-aware eligibility step. A-share rules (price limits, T+1,
// participation cap) belong there: they return a smaller allowed quantity with a reason, and may ask for a
// retry at the next bar.
//
// Prices are unadjusted CNY, stock prices snapped to the 0.01 tick. The pass allocates nothing (buffers are
// pre-sized for every instrument); fills are appended to RunResult::fills.
#include <cstdint>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/execution/lot_rule.hpp"
#include "engine/execution/order_book.hpp"
#include "engine/portfolio/portfolio.hpp"
#include "engine/sim/backtest_config.hpp"
#include "engine/sim/run_result.hpp"

namespace abt {

enum class PriceKind : uint8_t { Open, Close };

/// Where and when a fill pass executes: `row` of the execution-frequency bars, its open or close price, and
/// the time stamped on the fills.
struct FillPoint {
  int32_t row = 0;
  PriceKind price = PriceKind::Open;
  Timestamp time;
};

/// Money moved by fills during one trading day (reset by the engine at SessionOpen).
struct DayTotals {
  double bought = 0;  // notional CNY
  double sold = 0;    // notional CNY
  double costs = 0;   // fees CNY
};

class ExecutionSimulator {
 public:
  /// `data`, `config`, `portfolio` and `result` must outlive the simulator.
  ExecutionSimulator(const MarketData& data, const BacktestConfig& config, Portfolio& portfolio,
                     RunResult& result);

  /// The execution frequency: the finest loaded frequency.
  Frequency frequency() const { return frequency_; }
  const BarData& bars() const { return *bars_; }
  OrderBook& orders() { return orders_; }
  const OrderBook& orders() const { return orders_; }
  DayTotals& day_totals() { return totals_; }

  /// True when some pending entry may fill at `row`.
  bool has_eligible(int32_t row) const;
  /// Runs a fill pass (see the file comment).
  void execute(const FillPoint& point);
  /// Sells a whole holding at `price` without costs (delisted instruments); records the fill.
  void liquidate(InstrumentId id, double price, Timestamp time);

 private:
  enum class Gate : uint8_t { Ok, NotListed, Blocked };
  struct Admission {
    int64_t quantity = 0;                       // allowed quantity (<= the requested one)
    RejectReason reason = RejectReason::Count;  // why it is smaller (Count = not reduced)
    bool retry = false;                         // keep the intent pending for the next bar
  };
  struct Candidate {
    int32_t entry = 0;  // index into orders_.entries()
    InstrumentId instrument = -1;
    double price = 0;
    int64_t change = 0;     // wanted position change in shares (signed)
    int64_t quantity = 0;   // executable quantity (> 0) after rounding and admission
    int64_t requested = 0;  // buys: quantity before cash scaling
  };

  Gate gate(InstrumentId id, int32_t row, PriceKind kind, double& price) const;
  /// Per-intent, side-aware eligibility: how much of `quantity` may trade now. Currently caps sells at the
  /// sellable quantity (T+1 slot); price limits and participation caps are to be added here.
  Admission admit(InstrumentId id, Side side, int64_t quantity, const FillPoint& point) const;
  double cost_of(InstrumentId id, Side side, int64_t quantity, double price, Date day) const;
  void record_fill(InstrumentId id, Side side, int64_t quantity, double price, double cost, Timestamp time);
  void size_batch();
  void execute_sells(const FillPoint& point, Date day);
  void execute_buys(const FillPoint& point, Date day);
  double buy_cash_need(Date day) const;

  const MarketData& data_;
  const BacktestConfig& config_;
  Portfolio& portfolio_;
  RunResult& result_;
  Frequency frequency_;
  const BarData* bars_;
  OrderBook orders_;
  DayTotals totals_;
  std::vector<LotRule> lot_rules_;
  std::vector<uint8_t> on_tick_;
  // Scratch buffers, sized once.
  std::vector<Candidate> batch_;
  std::vector<Candidate*> buys_;
  std::vector<uint8_t> keep_;
  std::vector<double> fill_price_;  // per instrument, NaN outside a pass
};

}  // namespace abt
