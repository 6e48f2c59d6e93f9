#pragma once
// The Python side of one run in progress: how it is cancelled (Ctrl-C) and what Python exception stopped
// it. Created by whoever starts the run (run_bindings.cpp, sweep_runner.cpp) and installed for the thread
// that runs it (ScopedRunState), so that the Python strategies created inside run_backtest find it.
//
// Ctrl-C: Python runs its signal handlers in the main thread only. A run on the main thread checks for them
// from the progress hook (BacktestConfig::on_day_done: the GIL is taken at most every kSignalCheckInterval of
// wall time, PyErr_CheckSignals) and from its Python callbacks (the interpreter raises KeyboardInterrupt
// there by itself); a run on a worker thread (a sweep) polls a cancel flag its main thread sets. Either way
// the run is aborted with RunCancelled, which no strategy guard wraps, and the KeyboardInterrupt (or whatever
// a custom SIGINT handler raised) is re-raised by the caller once the engine has unwound.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "app/python/py_ref.hpp"

namespace abt::python {

inline constexpr std::chrono::milliseconds kSignalCheckInterval{20};

struct RunState {
  /// Owner of the market data the run reads: the base of every history view a strategy is handed.
  std::shared_ptr<const void> data_owner;
  /// Set by another thread to stop the run at the end of the current day (may be null).
  const std::atomic<bool>* cancel = nullptr;
  /// The run executes on Python's main thread: check for signals from on_day_done.
  bool check_signals = false;
  /// Optional Python callable(days_done, days_total), called when the percentage done changes.
  PyRef progress;

  /// The exception a signal handler raised (KeyboardInterrupt) when the run was cancelled by a signal.
  PyRef interrupt;
  /// The Python exception behind the last StrategyError (or on_start ConfigError) of a Python strategy.
  PyRef strategy_exception;

  /// The progress hook (BacktestConfig::on_day_done). Throws RunCancelled when the run must stop.
  void on_day_done(int32_t done, int32_t total);

 private:
  std::chrono::steady_clock::time_point last_check_{};
  int last_percent_ = -1;
};

/// The RunState of the run executing on this thread, or nullptr.
RunState* current_run_state();

/// Installs `state` as this thread's current run state for its lifetime.
class ScopedRunState {
 public:
  explicit ScopedRunState(RunState& state);
  ~ScopedRunState();
  ScopedRunState(const ScopedRunState&) = delete;
  ScopedRunState& operator=(const ScopedRunState&) = delete;

 private:
  RunState* previous_;
};

}  // namespace abt::python
