#pragma once
// StockSimulator: simulates one stock's whole life on the calendar and writes its column of the daily (and
// hourly) panels. Daily return = beta x market + size_exposure x size + blue_exposure x blue
// + idiosyncratic (persistent level x slow stochastic vol x fat-tailed shock) + jumps, then clipped by the
// board's price limit of the day. Also: IPO days and limit-up streaks, cash dividends and bonus shares on
// ex-dates (AdjFactor, PreClose), placements and lock-up expiries (TotalShares, FloatShares), ST episodes,
// delisting after a *ST slide or 20 closes below 1 CNY, suspensions.
#include <cstdint>
#include <vector>

#include "data_adapters/synth/factor_model.hpp"
#include "data_adapters/synth/stock_plan.hpp"
#include "data_adapters/synth/synth_panels.hpp"
#include "engine/core/calendar.hpp"

namespace abt::synth {

/// What happened to a stock, for the Instrument record.
struct StockOutcome {
  int32_t first_day = 0;  // first calendar index with a bar
  int32_t last_day = 0;   // last calendar index with a bar
  bool delisted = false;
};

class StockSimulator {
 public:
  StockSimulator(const TradingCalendar& calendar, const FactorPaths& factors, uint64_t seed,
                 SynthPanels& panels);

  /// Simulates `plan` into panel column `column`; the random stream depends only on (seed, column).
  StockOutcome run(const StockPlan& plan, int32_t column);

 private:
  const TradingCalendar& calendar_;
  const FactorPaths& factors_;
  uint64_t seed_;
  SynthPanels& panels_;
  std::vector<int32_t> year_of_day_;
  /// Dividend season (June-July) of each calendar year: [first, last] day indices, or {-1, -1}.
  std::vector<std::pair<int32_t, int32_t>> dividend_window_;
  int32_t first_year_ = 0;
  std::vector<double> idio_scale_;      // regime scaling of idiosyncratic volatility
  std::vector<double> log_turn_scale_;  // regime scaling of turnover (log)
};

}  // namespace abt::synth
