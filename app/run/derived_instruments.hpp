#pragma once
// Adds instruments derived from the data (StrategyRegistry::add_instrument, e.g. "microcap_index" ->
// MICROCAP.IDX) to a loaded market, so that strategies can trade them and runs can use them as benchmarks.
//
// The result is a new MarketData with the derived instruments appended as the last columns (ids N, N+1, ...)
// of every daily and hourly panel; the original columns, calendar, series and ids are unchanged. A derived
// instrument is an InstrumentKind::Index on Board::Index (units of 1, no price limits, no T+1), listed over
// the whole calendar, with open/high/low/close and volume from its DerivedBars, pre_close = the previous
// daily close (the day's pre_close on every hourly bar of the day), amount = volume x (open + close) / 2,
// adj_factor 1, is_st 0, and NaN for share counts and extra columns. Its fingerprint is derived from the
// source's fingerprint and the instrument names.
//
// Cost: one copy of every panel (the market is rebuilt column-wide), measured in docs/performance.md; a
// command that runs many configs on the same data (sweep, regress) does it once.
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {

/// Throws ConfigError("derived_instruments[k]: ...") for an unknown name, a name listed twice, or a symbol
/// the data already has; InternalError when a derived instrument's bars have the wrong length.
MarketData with_derived_instruments(const MarketData& data, const std::vector<std::string>& names,
                                    const StrategyRegistry& registry);

/// with_derived_instruments() for a command: prints "abt: added SYMBOLS in X s" on stderr unless `quiet` and
/// returns the seconds it took in `seconds`.
MarketData add_derived_instruments(const MarketData& data, const std::vector<std::string>& names,
                                   const StrategyRegistry& registry, bool quiet, double& seconds);

}  // namespace abt
