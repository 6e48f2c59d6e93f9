#pragma once
// Order intents placed by strategies and the fills the execution simulator produces.
#include <cstdint>
#include <string_view>

#include "engine/core/quantity.hpp"
#include "engine/core/time.hpp"
#include "engine/data/instrument.hpp"

namespace abt {

enum class OrderKind : uint8_t {
  TargetWeight,  // amount = target fraction of NAV at the fill (strategies.md section 6)
  TargetShares,  // amount = target position in shares (rounded down to whole shares unless fractional)
  Shares,        // amount = shares to buy (> 0) or sell (< 0)
};

/// A pending intent for one instrument. A newer TargetWeight/TargetShares intent for the same instrument
/// replaces an older pending one; Shares intents accumulate.
struct OrderIntent {
  InstrumentId instrument = -1;
  OrderKind kind = OrderKind::TargetWeight;
  double amount = 0.0;
  Timestamp placed;  // when the strategy placed it (bar close time)
  uint64_t sequence = 0;
};

struct WeightTarget {
  InstrumentId instrument = -1;
  double weight = 0.0;
};

enum class Side : uint8_t { Buy, Sell };
inline std::string_view side_name(Side s) {
  return s == Side::Buy ? "buy" : "sell";
}

/// One execution. price is the fill price in CNY (unadjusted, on the tick); cost is all fees in CNY (fen).
struct Fill {
  Timestamp time;  // execution time (the bar open time for next_open, the bar close time for close)
  InstrumentId instrument = -1;
  Side side = Side::Buy;
  Quantity quantity = 0;  // > 0 (whole shares unless ExecutionRules::fractional_shares)
  double price = 0.0;
  double cost = 0.0;  // = commission + stamp_duty + transfer_fee
  double commission = 0.0;
  double stamp_duty = 0.0;
  double transfer_fee = 0.0;
  /// What slippage cost relative to the market price: |price - market price| x quantity, CNY. Already in
  /// `price`, not in `cost`.
  double slippage = 0.0;
};

/// Why an intent could not be (fully) executed; counted in result.json.
enum class RejectReason : uint8_t {
  Suspended,      // no trading in the bar (volume 0 or no price)
  NotListed,      // before listing or after delisting
  Lot,            // rounds to zero shares under the lot rule
  Cash,           // a buy refused for lack of cash (scaled down to nothing)
  LimitUp,        // buy at limit-up (or any fill in a one-price limit-up bar)
  LimitDown,      // sell at limit-down
  TPlus1,         // shares bought today not sellable
  Risk,           // a pre-trade risk limit
  Participation,  // capped at a fraction of the bar's volume
  Scaled,         // a buy scaled down (not refused) so that every buy of the pass fits the cash; not a block
  Count
};
inline constexpr int kRejectReasonCount = static_cast<int>(RejectReason::Count);
std::string_view reject_reason_name(RejectReason r);

/// An intent blocked, reduced or dropped for a reason, the first time that reason hits the intent
/// (rejections.csv, Strategy::on_reject).
struct Rejection {
  Timestamp time;  // the fill pass at which it happened
  InstrumentId instrument = -1;
  RejectReason reason = RejectReason::Count;
};

}  // namespace abt
