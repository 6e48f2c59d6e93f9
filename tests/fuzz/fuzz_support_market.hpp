#pragma once
// The small synthetic markets the harnesses run on (each generated once per process).
#include "data_adapters/synth/synth_market.hpp"

namespace abt::fuzz {

/// 12 stocks and the two indices (BROAD.IDX, MAOTAI.IDX), 2023-01-03 .. 2023-06-30, daily and 60-minute.
inline const MarketData& small_market() {
  static const MarketData market = [] {
    SynthConfig c;
    c.stocks = 12;
    c.start = Date::from_ymd(2023, 1, 3);
    c.end = Date::from_ymd(2023, 6, 30);
    c.hourly = true;
    return generate_synthetic_market(c);
  }();
  return market;
}

/// 10 stocks and the two indices, 2024-01-02 .. 2024-03-29, daily only: the market the table harnesses
/// (reference tables, series CSV, target weights) apply their input to; their seed corpora use its dates.
inline const MarketData& table_market() {
  static const MarketData market = [] {
    SynthConfig c;
    c.stocks = 10;
    c.start = Date::from_ymd(2024, 1, 2);
    c.end = Date::from_ymd(2024, 3, 29);
    return generate_synthetic_market(c);
  }();
  return market;
}

}  // namespace abt::fuzz
