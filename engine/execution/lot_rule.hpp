#pragma once
// Board-lot rounding of order quantities (market-rules.md, "Lots, ticks, settlement").
//  - Stocks with lots on: buys in multiples of 100 shares; STAR market (688/689): at least 200 shares, then
//    steps of 1. A sell may include the odd lot only when it sells the whole position; a partial sell is
//    rounded down to a multiple of 100 (STAR: a partial sell must be at least 200 shares).
//  - Index-kind instruments (synthetic tradable series), and every instrument when lots are off: units of 1,
//    or, with fractional shares (ExecutionRules::fractional_shares), no rounding at all.
// Every function rounds DOWN (towards zero) and returns 0 when no valid quantity fits. Quantities of the
// whole-share kinds are whole numbers (engine/core/quantity.hpp).
#include <cstdint>

#include "engine/core/quantity.hpp"
#include "engine/data/instrument.hpp"

namespace abt {

class LotRule {
 public:
  /// `lots` = ExecutionRules::lots, `fractional` = ExecutionRules::fractional_shares. Board lots win: a
  /// stock with lots on trades in lots even with fractional shares on.
  LotRule(const Instrument& instrument, bool lots, bool fractional = false);

  /// True when quantities are not rounded to whole shares.
  bool fractional() const { return kind_ == Kind::Fractional; }
  /// `x` shares in this rule's unit, rounded down: whole shares (tolerant of binary noise, 0.1 x 100000 / 10
  /// gives 1000), or x itself when fractional; 0 for x <= 0, NaN or infinity.
  Quantity shares(double x) const;
  /// Largest valid buy quantity <= wanted (wanted >= 0).
  Quantity round_buy(Quantity wanted) const;
  /// Largest valid sell quantity <= wanted for a sellable position of `position` shares (0 <= wanted).
  /// wanted >= position sells the whole position, odd lot included (fractional: within kFractionalDust).
  Quantity round_sell(Quantity wanted, Quantity position) const;
  /// The next smaller valid buy quantity below a valid buy quantity `quantity` > 0 (0 when none): one lot
  /// (one share, one unit) less; fractional: at least `at_least` (and kFractionalDust) less.
  Quantity step_down_buy(Quantity quantity, Quantity at_least = 0) const;

 private:
  enum class Kind : uint8_t { Units, Lots100, Star, Fractional };
  Kind kind_;
};

}  // namespace abt
