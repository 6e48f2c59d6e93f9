#pragma once
// Engine-level settings of one backtest (the run layer builds them from the JSON config): the execution
// settings (engine/execution/execution_settings.hpp) plus the span, the cash, the seed and a progress hook.
#include <cstdint>
#include <functional>

#include "engine/core/time.hpp"
#include "engine/execution/execution_settings.hpp"

namespace abt {

struct BacktestConfig : ExecutionSettings {
  Date start = Date::min();  // first trading day (clipped to the calendar)
  Date end = Date::max();    // last trading day, inclusive
  double initial_cash = 10'000'000.0;
  uint64_t seed = 0;  // the run's seed (config "seed"), for strategies that sample
  /// Called after each trading day's SessionClose with (days done, days in the run); empty = none. For
  /// progress display only: it must not touch the run.
  std::function<void(int32_t, int32_t)> on_day_done;
};

}  // namespace abt
