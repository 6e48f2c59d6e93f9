#pragma once
// Board-lot rounding of order quantities (market-rules.md, "Lots, ticks, settlement").
//  - Stocks with lots on: buys in multiples of 100 shares; STAR market (688/689): at least 200 shares, then
//    steps of 1. A sell may include the odd lot only when it sells the whole position; a partial sell is
//    rounded down to a multiple of 100 (STAR: a partial sell must be at least 200 shares).
//  - Index-kind instruments (synthetic tradable series), and every instrument when lots are off: units of 1.
// Every function rounds DOWN (towards zero) and returns 0 when no valid quantity fits.
#include <cstdint>

#include "engine/data/instrument.hpp"

namespace abt {

class LotRule {
 public:
  /// `lots` = ExecutionRules::lots.
  LotRule(const Instrument& instrument, bool lots);

  /// Largest valid buy quantity <= wanted (wanted >= 0).
  int64_t round_buy(int64_t wanted) const;
  /// Largest valid sell quantity <= wanted for a sellable position of `position` shares (0 <= wanted).
  /// wanted >= position sells the whole position, odd lot included.
  int64_t round_sell(int64_t wanted, int64_t position) const;
  /// The next smaller valid buy quantity below a valid buy quantity `quantity` > 0 (0 when none).
  int64_t step_down_buy(int64_t quantity) const;

 private:
  enum class Kind : uint8_t { Units, Lots100, Star };
  Kind kind_;
};

}  // namespace abt
