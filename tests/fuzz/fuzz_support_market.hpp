#pragma once
// The small synthetic markets and the strategy registry the harnesses run on (each built once per process).
#include "data_adapters/synth/synth_market.hpp"
#include "strategies/builtin.hpp"

namespace abt::fuzz {

/// A synthetic market of `stocks` stocks and the two indices (BROAD.IDX, MAOTAI.IDX) over [start, end].
inline MarketData synthetic_market(int32_t stocks, Date start, Date end, bool hourly) {
  SynthConfig c;
  c.stocks = stocks;
  c.start = start;
  c.end = end;
  c.hourly = hourly;
  return generate_synthetic_market(c);
}

/// 12 stocks, 2023-01-03 .. 2023-06-30, daily and 60-minute.
inline const MarketData& small_market() {
  static const MarketData market =
      synthetic_market(12, Date::from_ymd(2023, 1, 3), Date::from_ymd(2023, 6, 30), /*hourly=*/true);
  return market;
}

/// 10 stocks, 2024-01-02 .. 2024-03-29, daily only: the market the table harnesses (reference tables, series
/// CSV, target weights) apply their input to; their seed corpora use its dates.
inline const MarketData& table_market() {
  static const MarketData market =
      synthetic_market(10, Date::from_ymd(2024, 1, 2), Date::from_ymd(2024, 3, 29), /*hourly=*/false);
  return market;
}

/// The built-in strategies.
inline const StrategyRegistry& builtin_registry() {
  static const StrategyRegistry registry = [] {
    StrategyRegistry r;
    register_builtin_strategies(r);
    return r;
  }();
  return registry;
}

}  // namespace abt::fuzz
