#pragma once
// Conversion of stored float32 prices to the CNY prices used for trading and valuation. Stock prices live on
// the 0.01 CNY tick, but a float32 cannot hold 10.37 exactly (10.3699998...), so stock prices are snapped to
// the fen; index-kind instruments (synthetic levels such as 1234.5678) keep their value.
#include <cmath>

#include "engine/data/instrument.hpp"
#include "engine/execution/cost_model.hpp"

namespace abt {

/// True when `instrument` trades on the 0.01 CNY tick (every stock; not index-kind instruments).
inline bool trades_on_tick(const Instrument& instrument) {
  return instrument.kind == InstrumentKind::Stock;
}

/// The trading price of a stored value: NaN stays NaN; snapped to the fen when on_tick.
inline double to_trade_price(float stored, bool on_tick) {
  const double v = stored;
  return on_tick && !std::isnan(v) ? round_to_fen(v) : v;
}

}  // namespace abt
