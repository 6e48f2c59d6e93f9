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

#include "app/run/derived_ref.hpp"
#include "engine/data/market_data.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {

/// The settings of every entry resolved (DerivedSettings::resolve). Throws
/// ConfigError("derived_instruments[k]:
/// ...") for an unknown name, a name listed twice or bad settings ("derived_instruments[k].NAME.KEY: ...").
std::vector<nlohmann::json> resolve_derived_instruments(const std::vector<DerivedRef>& refs,
                                                        const StrategyRegistry& registry);

/// Identifies a list of derived instruments with their resolved settings (for caches of the widened data).
std::string derived_instruments_key(const std::vector<DerivedRef>& refs, const StrategyRegistry& registry);

/// `data` with one instrument appended per entry of `refs`, in order (a copy of every panel one column
/// wider per instrument). Throws ConfigError as resolve_derived_instruments and for a symbol the data already
/// has; InternalError when a derived instrument's bars have the wrong length. The fingerprint is the data's
/// with the names (and the resolved settings of entries in the object form).
MarketData with_derived_instruments(const MarketData& data, const std::vector<DerivedRef>& refs,
                                    const StrategyRegistry& registry);

/// with_derived_instruments() for a command: prints "abt: added SYMBOLS in X s" on stderr unless `quiet` and
/// returns the seconds it took in `seconds`.
MarketData add_derived_instruments(const MarketData& data, const std::vector<DerivedRef>& refs,
                                   const StrategyRegistry& registry, bool quiet, double& seconds);

}  // namespace abt
