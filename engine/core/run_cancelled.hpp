#pragma once
// RunCancelled: a run stopped from outside, e.g. by Ctrl-C in a front end (the Python module checks for
// signals from BacktestConfig::on_day_done and from its strategy callbacks). It is no one's error: not the
// strategy's, not the data's, not abt's. The strategy-callback guard (engine/sim/strategy_call.hpp) lets it
// pass unchanged, so it reaches whoever started the run, which reports an interruption.
#include <stdexcept>

namespace abt {

class RunCancelled : public std::runtime_error {
 public:
  RunCancelled() : std::runtime_error("the run was cancelled") {}
};

}  // namespace abt
