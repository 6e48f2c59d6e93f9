#pragma once
// Static description of an instrument. Instruments have dense ids 0..N-1 = panel columns.
#include <cstdint>
#include <string>

#include "engine/core/time.hpp"
#include "engine/data/board.hpp"

namespace abt {

using InstrumentId = int32_t;

enum class InstrumentKind : uint8_t {
  Stock = 0,  // an A-share: lots, limits, T+1 apply
  Index = 1,  // an index level traded as a synthetic asset: 1-unit lots, no limits
};

struct Instrument {
  std::string symbol;  // "600519.SH"; indices may use any unique name, e.g. "BROAD.IDX"
  std::string name;    // display name (may be empty)
  InstrumentKind kind = InstrumentKind::Stock;
  Board board = Board::Other;
  Date list_date = Date::min();    // first trading day
  Date delist_date = Date::max();  // last trading day (Date::max() while listed)
};

}  // namespace abt
