#include "app/python/run_state.hpp"

#include "engine/core/run_cancelled.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {
thread_local RunState* t_current = nullptr;
}  // namespace

RunState* current_run_state() {
  return t_current;
}

ScopedRunState::ScopedRunState(RunState& state) : previous_(t_current) {
  t_current = &state;
}

ScopedRunState::~ScopedRunState() {
  t_current = previous_;
}

void RunState::on_day_done(int32_t done, int32_t total) {
  if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) throw RunCancelled();
  const int percent = total > 0 ? static_cast<int>(100LL * done / total) : 100;
  const bool report = progress && percent != last_percent_;
  if (!check_signals && !report) return;
  const auto now = std::chrono::steady_clock::now();
  if (!report && now - last_check_ < kSignalCheckInterval) return;
  last_check_ = now;
  py::gil_scoped_acquire gil;
  if (check_signals && PyErr_CheckSignals() != 0) {
    const py::error_already_set raised;  // fetches (and clears) what the handler raised
    interrupt = PyRef(raised.value());
    throw RunCancelled();
  }
  if (report) {
    last_percent_ = percent;
    try {
      progress.get()(done, total);
    } catch (py::error_already_set& e) {
      // A progress callback that fails stops the run like an interruption, with its exception.
      interrupt = PyRef(e.value());
      throw RunCancelled();
    }
  }
}

}  // namespace abt::python
