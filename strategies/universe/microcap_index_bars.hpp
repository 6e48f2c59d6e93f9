#pragma once
// The micro-cap index as a tradable instrument's bars (strategies.md sections 1 and 3: "the micro-cap index
// as a synthetic tradable series"). Registered as the derived instrument "microcap_index" -> MICROCAP.IDX
// (strategies/builtin.cpp; config "derived_instruments", app/run/derived_instruments.hpp).
//
// With C_{t-1} the members decided at the close of t-1 and L(t-1) the level then (microcap_index.hpp), the
// bars of day t use only prices of day t and t-1 (no look-ahead):
//   close  L(t)                      the index definition (adjusted close-to-close returns, 0 while
//   suspended) open   equal_weight_level(L(t-1), C_{t-1}, open(t), adj(t), close(t-1), adj(t-1)) hourly close
//   of bar h: equal_weight_level(L(t-1), C_{t-1}, hourly close(h), hourly adj, close(t-1), adj(t-1));
//          hourly open = the previous hourly close of the day (the daily open for the first bar); the 15:00
//          bar closes at L(t), like the daily bar
//   high / low  max / min of the open, the hourly closes and the close [D: the intraday extremes of an equal-
//          weight portfolio are not computable from its members' bars; this is the tightest consistent band]
//   volume the members' summed volume of the bar (0 when every member is suspended: the bar is blocked);
//   amount volume x (open + close) / 2, so that amount / volume (the next_bar_vwap fill) is a level between
//          the bar's open and close.
// Day 0 (no previous close): every price is the base level, volume 0 (no trade).
#include "engine/data/market_data.hpp"
#include "engine/strategy/registry.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

/// Bars of the micro-cap index over the whole calendar of `data` (hourly ones when `data` has hourly bars).
DerivedBars microcap_index_bars(const MarketData& data, const MicrocapIndexParams& params);

}  // namespace abt
