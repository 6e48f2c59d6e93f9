#pragma once
// The synthetic A-share market: abt's embedded default data (docs/synthetic-market.md).
// generate_synthetic_market() is a pure function of the config: the same config gives bit-identical data
// (and fingerprint) on every machine, independent of thread count.
//
// Instruments: config.stocks stocks sorted by symbol ("600519.SH", "300750.SZ", ...), then "BROAD.IDX" and
// "MAOTAI.IDX". Daily panels: every Field (unadjusted prices on the 0.01 tick within the board's price
// limits, volume in shares, amount in CNY, back-adjustment factor, ex-rights PreClose, total/float shares,
// IsST); NaN before listing and after delisting. Hourly panels (config.hourly): Open..Amount, four bars a
// day aggregating exactly to the daily bar. Series: "CN10Y", the 10-year government bond yield in percent.
#include "data_adapters/synth/synth_config.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

inline constexpr const char* kBroadIndexSymbol = "BROAD.IDX";
inline constexpr const char* kMaotaiIndexSymbol = "MAOTAI.IDX";
inline constexpr const char* kTenYearYieldSeries = "CN10Y";

/// Throws ConfigError on a bad config (stocks outside 1..kMaxSynthStocks, empty or one-day calendar).
MarketData generate_synthetic_market(const SynthConfig& config);

}  // namespace abt
