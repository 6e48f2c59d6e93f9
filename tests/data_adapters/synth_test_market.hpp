#pragma once
// Shared synthetic markets for the synth_* tests, generated once per test process.
#include "data_adapters/synth/synth_market.hpp"

namespace abt::test {

/// 300 stocks, 2019-01-02..2021-12-31 (covers the STAR opening and the ChiNext 20 % switch), with hourly
/// bars.
inline const MarketData& small_synth_market() {
  static const MarketData md = [] {
    SynthConfig c;
    c.stocks = 300;
    c.start = Date::from_ymd(2019, 1, 1);
    c.end = Date::from_ymd(2021, 12, 31);
    c.seed = 7;
    c.hourly = true;
    return generate_synthetic_market(c);
  }();
  return md;
}

/// The default configuration (5,000 stocks, 2015-2024, daily only).
inline const MarketData& default_synth_market() {
  static const MarketData md = generate_synthetic_market(SynthConfig{});
  return md;
}

}  // namespace abt::test
