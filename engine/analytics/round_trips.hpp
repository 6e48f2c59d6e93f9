#pragma once
// Round trips: buys and sells paired first-in first-out per instrument (docs/metrics.md). A round trip is one
// matched chunk: `quantity` shares of one buy fill closed by one sell fill. Its pnl is net of costs: each
// fill's cost is shared out pro rata to the matched quantity. Shares still held at the end form no round
// trip; sold shares without an open buy (impossible without short selling) are counted in `unmatched_sold`.
// Fractional quantities (ExecutionRules::fractional_shares) are matched the same way; remainders below
// kFractionalDust, binary noise of summing fractional fills, close no trip.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/core/time.hpp"
#include "engine/strategy/order.hpp"

namespace abt {

struct RoundTrip {
  InstrumentId instrument = -1;
  Timestamp opened, closed;
  Quantity quantity = 0;
  double buy_price = 0, sell_price = 0;
  double pnl = 0;  // CNY, net of the pro-rata buy and sell costs
};

struct RoundTripSummary {
  std::vector<RoundTrip> trips;  // in the order the sells happened
  Quantity unmatched_sold = 0;   // shares sold without an open buy (fractional dust ignored)
  /// Fraction of trips with pnl > 0 (0 without trips).
  double win_rate() const;
  /// Gross profit / gross loss over the trips; nullopt when there is no losing trip.
  std::optional<double> profit_factor() const;
};

/// Pairs `fills` (in execution order) FIFO per instrument.
RoundTripSummary pair_round_trips(std::span<const Fill> fills);

}  // namespace abt
