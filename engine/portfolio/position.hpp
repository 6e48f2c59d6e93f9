#pragma once
// One holding of the simulated account. Quantities are shares (units for index-kind instruments; whole
// numbers unless ExecutionRules::fractional_shares, engine/core/quantity.hpp); prices and money are CNY.
#include "engine/core/quantity.hpp"

namespace abt {

struct Position {
  /// Shares held, including shares not sellable yet. Never negative (no short selling).
  Quantity quantity = 0;
  /// Shares that may be sold now. The engine resets it to `quantity` at every SessionOpen; with the T+1 rule
  /// shares bought during the day are kept out of it until then. Invariant: 0 <= sellable <= quantity.
  Quantity sellable = 0;
  /// Average purchase price per share, excluding fees (CNY). 0 when flat.
  double avg_cost = 0.0;
  /// Realised P&L of sells, (sell price - avg_cost) x quantity, gross of fees (CNY). Kept when flat.
  double realized_pnl = 0.0;
};

}  // namespace abt
