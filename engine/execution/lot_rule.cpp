#include "engine/execution/lot_rule.hpp"

#include <algorithm>
#include <cmath>

#include "engine/execution/share_math.hpp"

namespace abt {

namespace {
constexpr Quantity kBoardLot = 100;
constexpr Quantity kStarMinimum = 200;

/// Whole multiples of the board lot in `q` (a whole number).
Quantity whole_lots(Quantity q) {
  return std::floor(q / kBoardLot) * kBoardLot;
}
}  // namespace

LotRule::LotRule(const Instrument& instrument, bool lots, bool fractional) {
  if (lots && instrument.kind != InstrumentKind::Index)
    kind_ = instrument.board == Board::Star ? Kind::Star : Kind::Lots100;
  else
    kind_ = fractional ? Kind::Fractional : Kind::Units;
}

Quantity LotRule::shares(double x) const {
  if (kind_ != Kind::Fractional) return floor_shares(x);
  return x > 0 && std::isfinite(x) ? x : 0.0;
}

Quantity LotRule::round_buy(Quantity quantity) const {
  if (quantity <= 0) return 0;
  // Whole-share kinds: a fractional request (a fractional order_shares delta) rounds down first.
  const Quantity wanted = kind_ == Kind::Fractional ? quantity : std::floor(quantity);
  switch (kind_) {
    case Kind::Units:
      return wanted;
    case Kind::Lots100:
      return whole_lots(wanted);
    case Kind::Star:
      return wanted >= kStarMinimum ? wanted : 0;
    case Kind::Fractional:
      return wanted >= kFractionalDust ? wanted : 0;
  }
  return 0;
}

Quantity LotRule::round_sell(Quantity quantity, Quantity position) const {
  if (quantity <= 0 || position <= 0) return 0;
  if (quantity >= position) return position;  // the whole position, odd lot included
  const Quantity wanted = kind_ == Kind::Fractional ? quantity : std::floor(quantity);
  if (wanted <= 0) return 0;
  switch (kind_) {
    case Kind::Units:
      return wanted;
    case Kind::Lots100:
      return whole_lots(wanted);
    case Kind::Star:
      return wanted >= kStarMinimum ? wanted : 0;
    case Kind::Fractional:
      if (wanted > position - kFractionalDust) return position;
      return wanted >= kFractionalDust ? wanted : 0;
  }
  return 0;
}

Quantity LotRule::step_down_buy(Quantity quantity, Quantity at_least) const {
  switch (kind_) {
    case Kind::Units:
      return std::max<Quantity>(0, quantity - 1);
    case Kind::Lots100:
      return std::max<Quantity>(0, quantity - kBoardLot);
    case Kind::Star:
      return quantity > kStarMinimum ? quantity - 1 : 0;
    case Kind::Fractional: {
      const Quantity stepped = quantity - std::max(at_least * (1 + 1e-9), kFractionalDust);
      return stepped >= kFractionalDust ? stepped : 0;
    }
  }
  return 0;
}

}  // namespace abt
