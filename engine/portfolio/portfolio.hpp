#pragma once
// The simulated cash account: cash, positions and marks. The portfolio is pure bookkeeping; the execution
// simulator decides what trades, the engine decides when prices are marked.
//
// Marks: the latest known price of each held instrument (CNY per share): the last close seen by the engine,
// or the price of a fill after that close. Suspended holdings keep their last mark. NAV = cash + sum of
// quantity x mark over held instruments. Every operation touches only held instruments, never all columns.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/data/instrument.hpp"
#include "engine/portfolio/position.hpp"

namespace abt {

class Portfolio {
 public:
  /// Preconditions: instrument_count >= 0, initial_cash >= 0.
  Portfolio(int32_t instrument_count, double initial_cash);

  double cash() const { return cash_; }
  /// Sum of quantity x mark over held instruments (maintained incrementally).
  double holdings_value() const { return holdings_value_; }
  double nav() const { return cash_ + holdings_value_; }

  const Position& position(InstrumentId id) const { return positions_[id]; }
  Quantity quantity(InstrumentId id) const { return positions_[id].quantity; }
  /// The latest mark of `id` (NaN when it has never been held or marked).
  double mark(InstrumentId id) const { return marks_[id]; }
  /// Instruments with quantity > 0, in ascending id order.
  std::span<const InstrumentId> held() const { return held_; }

  /// Buys `quantity` > 0 shares at `price` paying `cost` in fees: cash -= quantity x price + cost. The
  /// mark becomes `price`. With sellable_now (T+0) the shares are sellable at once; without (T+1) they add
  /// to the quantity only and become sellable at the next reset_sellable() (the next SessionOpen).
  void buy(InstrumentId id, Quantity quantity, double price, double cost, bool sellable_now = true);
  /// Sells 0 < quantity <= position shares at `price` >= 0 paying `cost`: cash += quantity x price - cost
  /// (price 0: a holding written off at a delisting).
  void sell(InstrumentId id, Quantity quantity, double price, double cost);
  /// Sets the mark of a held instrument (ignored for instruments not held; NaN ignored).
  void set_mark(InstrumentId id, double price);
  /// Makes every share sellable (called at SessionOpen).
  void reset_sellable();

  /// Converts a holding for a corporate action with share ratio `ratio` = adj_t / adj_{t-1} at reference
  /// price `ref_price` (the day's PreClose): with whole_shares, new quantity = floor(q x ratio) (with a 1e-6
  /// tolerance for float factors) and the fractional share remainder is paid out in cash at ref_price;
  /// without (fractional holdings), new quantity = q x ratio and nothing is paid. The mark becomes ref_price
  /// and avg_cost is divided by ratio. NAV is unchanged when ref_price = last close / ratio. Returns the cash
  /// paid for the remainder.
  double apply_share_ratio(InstrumentId id, double ratio, double ref_price, bool whole_shares = true);

  /// Unrealised P&L of a holding: quantity x (mark - avg_cost), gross of fees (CNY; 0 when flat).
  double unrealized_pnl(InstrumentId id) const {
    const Position& p = positions_[id];
    return p.quantity > 0 ? p.quantity * (marks_[id] - p.avg_cost) : 0.0;
  }

  /// Sum of quantity x mark recomputed from scratch over held instruments (for the daily invariant check).
  double recompute_holdings_value() const;

 private:
  void add_held(InstrumentId id);
  void remove_held(InstrumentId id);

  double cash_;
  double holdings_value_ = 0.0;
  std::vector<Position> positions_;
  std::vector<double> marks_;
  std::vector<InstrumentId> held_;  // sorted ascending
};

}  // namespace abt
