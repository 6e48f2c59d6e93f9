#pragma once
// Parameters of the synthetic A-share market (see docs/synthetic-market.md).
#include <cstdint>
#include <string>

#include "engine/core/time.hpp"

namespace abt {

struct SynthConfig {
  /// Number of stocks ever listed in the window (1 .. kMaxSynthStocks). Two indices are added after them.
  int32_t stocks = 5000;
  /// First and last calendar day of the generated trading calendar (inclusive).
  Date start = Date::from_ymd(2015, 1, 5);
  Date end = Date::from_ymd(2024, 12, 31);
  /// Everything is a pure function of (seed, stocks, start, end): same config -> bit-identical data.
  uint64_t seed = 42;
  /// Also generate 60-minute bars (four per day) that aggregate exactly to the daily bars.
  bool hourly = false;
};

/// Upper bound on SynthConfig::stocks (the code space of each board must not run out).
inline constexpr int32_t kMaxSynthStocks = 7000;
/// Longest window, in calendar days (30 years: 7,000 stocks x 30 years of daily bars is about 2.5 GB);
/// start and end lie in the market-date range 1990-12-19 .. 2100-12-31 (engine/core/value_domain.hpp).
inline constexpr int32_t kMaxSynthDays = 30 * 366;

/// "synthetic: stocks=5000 seed=42 2015-01-05..2024-12-31[ hourly]".
std::string describe(const SynthConfig& config);

}  // namespace abt
