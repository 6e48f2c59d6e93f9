#pragma once
// What a strategy can ask the engine about its account, its pending orders and the market's rules
// (Context::position_info, pending_orders, status). Plain values, copied out: nothing refers into the engine.
#include <cstdint>
#include <limits>

#include "engine/core/quantity.hpp"
#include "engine/core/time.hpp"
#include "engine/data/instrument.hpp"
#include "engine/strategy/order.hpp"

namespace abt {

/// One instrument of the account, valued at its latest mark.
struct PositionInfo {
  Quantity quantity = 0;  // shares held (including those not sellable yet)
  Quantity sellable = 0;  // shares that may be sold now (T+1: not those bought today)
  double avg_cost = 0.0;  // average purchase price, fees excluded (CNY); 0 when flat
  double mark = std::numeric_limits<double>::quiet_NaN();  // latest close or fill price; NaN if never held
  double realized_pnl = 0.0;    // sells so far, (sell price - avg_cost) x quantity, gross of fees (CNY)
  double unrealized_pnl = 0.0;  // quantity x (mark - avg_cost), gross of fees (CNY)
};

/// A pending intent of one instrument (at most one per instrument, see engine/execution/order_book.hpp).
struct PendingOrderInfo {
  InstrumentId instrument = -1;
  bool has_target = false;  // a TargetWeight / TargetShares intent is pending
  OrderKind target_kind = OrderKind::TargetWeight;
  double target = 0.0;   // its amount (a weight or shares)
  Quantity delta = 0;    // Shares intents accumulated on top (signed)
  Timestamp placed;      // time of the latest intent merged in
  uint32_t reasons = 0;  // bit r set: RejectReason r has held it back so far (0: not tried yet)
  bool blocked() const { return reasons != 0; }
};

/// The market's view of an instrument at the latest closed daily bar, whatever rules the run applies
/// (one implementation: engine/execution/daily_limits.hpp; the built-in strategies use it).
struct TradingStatus {
  /// Trading days since the listing day (0 on it); kListedBeforeData when it listed before the data.
  static constexpr int32_t kListedBeforeData = std::numeric_limits<int32_t>::max();
  bool listed = false;         // list_date <= day <= delist_date and the bar has a close
  bool suspended = false;      // no trade in the bar: volume 0 or no price
  bool at_limit_up = false;    // close at or above the day's limit-up (an older-rule listing day without an
                               // issue price counts: it is taken as sealed)
  bool at_limit_down = false;  // close at or below the day's limit-down
  float st = 0;                // IsST: 0 normal, 1 ST / *ST, 2 delisting arrangement
  int32_t days_listed = kListedBeforeData;
};

}  // namespace abt
