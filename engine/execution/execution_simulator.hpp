#pragma once
// The execution simulator: turns pending order intents into fills at a fill point (docs/event-ordering.md).
//
// A fill pass at FillPoint{row, price, time} considers every pending entry whose eligible_row <= row:
//   1. gate (side-independent): instrument not listed on the bar's day -> RejectReason::NotListed, dropped;
//      no tradeable price in the bar (NaN or <= 0, or volume 0 / NaN when rules.block_suspended) -> the
//      entry stays pending with eligible_row = row + 1 (dropped without rules.retry_blocked) and
//      RejectReason::Suspended is counted once per intent;
//   2. sizing (strategies.md section 6) of all gated entries together at the bar's prices p:
//      NAV = cash + sum(q_i x p_i) (fill prices for instruments in the batch, marks for other holdings);
//      TargetWeight w -> floor(w x weight_scale x NAV / p) shares, TargetShares n -> floor(n), plus
//      accumulated Shares deltas; the wanted position is clamped at 0 (no short selling); then the pre-trade
//      limits of config.risk and the drawdown-stop halt (apply_risk_limits, RejectReason::Risk). For an
//      instrument trading fractional shares (LotRule::fractional(): rules.fractional_shares without a board
//      lot) nothing is floored: w x weight_scale x NAV / p shares exactly, and a change below
//      kFractionalDust is no change;
//   3. sells first (ascending instrument id): rounded by the LotRule, checked by admit(), executed at the
//      market price moved by the cost model's slippage (snapped to the tick, inside the limits), fees paid;
//   4. buys (ascending instrument id): rounded by the LotRule, checked by admit(); if their total cash need
//      sum(dq x p' + cost(dq, p')) at the slipped prices p' exceeds cash, every buy is scaled by one factor
//      and re-rounded down, then the largest buy steps down one lot at a time (fractional: by the overshoot)
//      while fen rounding still overshoots. Cash never goes negative. A buy reduced this way counts
//      RejectReason::Scaled (one scaled to nothing: Cash); a nonzero change that rounds to zero shares counts
//      RejectReason::Lot.
// Admission, admit(), is the per-intent, side-aware eligibility step of the A-share rules (each a switch in
// ExecutionRules, market-rules.md):
//   - price limits (price_limits): a buy whose execution price is at or above the day's limit-up, or a sell
//     at or below limit-down, is blocked (LimitUp / LimitDown); a bar whose high equals its low at a limit
//     (a one-price limit bar) blocks both sides. The execution price is the one of the fill mode (the bar's
//     open, close or VWAP proxy). The day's limits (price_limit.hpp, from the daily unadjusted PreClose,
//     else the previous daily close) apply to every 60-minute bar of the day. An older-rule listing day
//     without an issue price (PreClose unknown) counts as sealed at limit-up: buys are blocked (LimitUp);
//   - T+1 (t_plus_1): a sell is capped at the sellable quantity (shares bought today are not) -> TPlus1;
//   - participation (> 0): a fill is capped at floor(participation x bar volume), lot-rounded ->
//     Participation.
// A blocked or capped intent stays pending and is retried at the next bar of the execution frequency when
// rules.retry_blocked (else it is dropped). Each reason is counted at most once per intent.
//
// Prices are unadjusted CNY, stock prices snapped to the 0.01 tick. The pass allocates nothing (buffers are
// pre-sized for every instrument); fills are appended to ExecutionLog::fills, rejections to
// ExecutionLog::rejections.
#include <cstdint>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/execution/daily_limits.hpp"
#include "engine/execution/lot_rule.hpp"
#include "engine/execution/order_book.hpp"
#include "engine/execution/price_limit.hpp"
#include "engine/portfolio/portfolio.hpp"
#include "engine/execution/execution_log.hpp"
#include "engine/execution/execution_settings.hpp"

namespace abt {

/// Which price of the execution bar a fill pass uses: open, close, or the VWAP proxy amount / volume
/// (without an amount field: (high + low + close) / 3), snapped to the tick for stocks.
enum class PriceKind : uint8_t { Open, Close, Vwap };

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
  ExecutionSimulator(const MarketData& data, const ExecutionSettings& config, Portfolio& portfolio,
                     ExecutionLog& result);

  /// The execution frequency: the finest loaded frequency.
  Frequency frequency() const { return frequency_; }
  const BarData& bars() const { return *bars_; }
  OrderBook& orders() { return orders_; }
  /// The market's daily limits (whatever the run's rules), for Context::status.
  const DailyLimits& limits() const { return limits_; }
  const OrderBook& orders() const { return orders_; }
  DayTotals& day_totals() { return totals_; }

  /// True when some pending entry may fill at `row`.
  bool has_eligible(int32_t row) const;
  /// Runs a fill pass (see the file comment).
  void execute(const FillPoint& point);
  /// Sells a whole holding at `price` >= 0 without costs (delisted instruments); records the fill.
  void liquidate(InstrumentId id, double price, Timestamp time);
  /// The lot rule of `id` under the run's rules (whole shares, lots, or fractional).
  const LotRule& lot_rule(InstrumentId id) const { return lot_rules_[id]; }

  /// Portfolio controls set by the engine (engine/risk/risk_config.hpp): while halted every buy is refused
  /// (RejectReason::Risk); TargetWeight amounts are multiplied by weight_scale (volatility targeting).
  void set_halted(bool halted) { halted_ = halted; }
  bool halted() const { return halted_; }
  void set_weight_scale(double scale) { weight_scale_ = scale; }
  double weight_scale() const { return weight_scale_; }

 private:
  enum class Gate : uint8_t { Ok, NotListed, Blocked };
  struct Admission {
    Quantity quantity = 0;                      // allowed quantity (<= the requested one)
    RejectReason reason = RejectReason::Count;  // why it is smaller (Count = not reduced)
    bool retry = false;                         // keep the intent pending for the next bar
  };
  struct Candidate {
    int32_t entry = 0;  // index into orders_.entries()
    InstrumentId instrument = -1;
    double price = 0;
    Quantity change = 0;     // wanted position change in shares (signed)
    Quantity quantity = 0;   // executable quantity (> 0) after rounding and admission
    Quantity requested = 0;  // buys: quantity before cash scaling
  };

  Gate gate(InstrumentId id, int32_t row, PriceKind kind, double& price) const;
  /// Per-intent, side-aware eligibility (see the file comment): how much of the lot-rounded `quantity` may
  /// trade now at `price`.
  Admission admit(InstrumentId id, Side side, Quantity quantity, double price, const FillPoint& point) const;
  /// The price limits of `id` on calendar day `day` (not limited when rules.price_limits is off).
  LimitBand day_band(InstrumentId id, int32_t day) const;
  /// Counts `reason` for pending entry `e` unless it was already counted for that intent.
  void count_once(PendingOrder& e, RejectReason reason);
  /// Bookkeeping after a fill of `quantity` (signed) for a kept entry: a pure Shares delta shrinks.
  void after_partial_fill(int32_t entry, Quantity signed_quantity);
  double cost_of(InstrumentId id, Side side, Quantity quantity, double price, Date day) const;
  /// The fill price of `quantity` shares at market price `market` in execution bar `row`: moved by the cost
  /// model's slippage against the trader, snapped to the tick and kept inside the day's limits.
  double fill_price(InstrumentId id, Side side, Quantity quantity, double market, int32_t row) const;
  /// Pays nothing itself: records the fill with its itemised fees and the day's totals.
  void record_fill(InstrumentId id, Side side, Quantity quantity, double price, double market, Date day,
                   Timestamp time);
  void size_batch();
  /// Pre-trade limits of config.risk and the halt on the sized batch (execution_simulator_risk.cpp):
  /// blacklist / halt, max weight, gross cap (buys scaled), turnover cap (all changes scaled). `nav` and
  /// `holdings` are valued at the pass's prices.
  void apply_risk_limits(double nav, double holdings);
  void execute_sells(const FillPoint& point, Date day);
  void execute_buys(const FillPoint& point, Date day);
  double buy_cash_need(Date day, int32_t row) const;

  const MarketData& data_;
  const ExecutionSettings& config_;
  Portfolio& portfolio_;
  ExecutionLog& result_;
  Frequency frequency_;
  const BarData* bars_;
  OrderBook orders_;
  DayTotals totals_;
  std::vector<LotRule> lot_rules_;
  std::vector<uint8_t> on_tick_;
  DailyLimits limits_;
  std::vector<int32_t> row_day_;  // per execution bar: its calendar day index
  // Scratch buffers, sized once.
  std::vector<Candidate> batch_;
  std::vector<Candidate*> buys_;
  std::vector<uint8_t> keep_;
  std::vector<double> fill_price_;  // per instrument, NaN outside a pass
  Timestamp pass_time_;             // time of the running fill pass (stamped on rejection records)
  bool halted_ = false;
  double weight_scale_ = 1.0;
};

}  // namespace abt
