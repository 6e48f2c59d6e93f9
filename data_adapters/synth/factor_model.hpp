#pragma once
// FactorPaths: the common daily drivers of every stock, one value per calendar day.
//  - market: the market factor's daily return (fraction), regime drift + regime vol x fat-tailed shock;
//  - size: the small-minus-big factor's daily return; a stock with size exposure s earns s x size
//    (micro-caps s ~ +1..+1.5, giants ~ -1), so its drift is the micro-cap premium;
//  - blue: the blue-chip ("core assets", Moutai-like) factor's daily return;
//  - market_vol: the regime's market volatility (scales idiosyncratic volatility and turnover);
//  - yield_pct: the 10-year government bond yield in percent.
// Regimes follow a scripted 2015-2024 history (2015 bubble and crash, 2016 circuit-breaker crash, 2017
// blue-chip year, 2018 bear, 2020-21 core-asset bull, 2021-23 micro-cap years, 2024 Jan-Feb micro-cap crash,
// Sept-2024 rally); dates outside the script follow a seeded three-state Markov chain (calm/bull/bear).
#include <cstdint>
#include <vector>

#include "engine/core/calendar.hpp"

namespace abt::synth {

struct FactorPaths {
  std::vector<double> market;
  std::vector<double> size;
  std::vector<double> blue;
  std::vector<double> market_vol;
  std::vector<double> yield_pct;
};

FactorPaths generate_factor_paths(const TradingCalendar& calendar, uint64_t seed);

}  // namespace abt::synth
