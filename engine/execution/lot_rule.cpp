#include "engine/execution/lot_rule.hpp"

#include <algorithm>

namespace abt {

namespace {
constexpr int64_t kBoardLot = 100;
constexpr int64_t kStarMinimum = 200;
}  // namespace

LotRule::LotRule(const Instrument& instrument, bool lots) {
  if (!lots || instrument.kind == InstrumentKind::Index)
    kind_ = Kind::Units;
  else if (instrument.board == Board::Star)
    kind_ = Kind::Star;
  else
    kind_ = Kind::Lots100;
}

int64_t LotRule::round_buy(int64_t wanted) const {
  if (wanted <= 0) return 0;
  switch (kind_) {
    case Kind::Units:
      return wanted;
    case Kind::Lots100:
      return wanted / kBoardLot * kBoardLot;
    case Kind::Star:
      return wanted >= kStarMinimum ? wanted : 0;
  }
  return 0;
}

int64_t LotRule::round_sell(int64_t wanted, int64_t position) const {
  if (wanted <= 0 || position <= 0) return 0;
  if (wanted >= position) return position;  // the whole position, odd lot included
  switch (kind_) {
    case Kind::Units:
      return wanted;
    case Kind::Lots100:
      return wanted / kBoardLot * kBoardLot;
    case Kind::Star:
      return wanted >= kStarMinimum ? wanted : 0;
  }
  return 0;
}

int64_t LotRule::step_down_buy(int64_t quantity) const {
  switch (kind_) {
    case Kind::Units:
      return std::max<int64_t>(0, quantity - 1);
    case Kind::Lots100:
      return std::max<int64_t>(0, quantity - kBoardLot);
    case Kind::Star:
      return quantity > kStarMinimum ? quantity - 1 : 0;
  }
  return 0;
}

}  // namespace abt
