#pragma once
// Strategies written in Python (docs/python.md "Strategies in Python"): PyStrategy is the engine's Strategy
// for a Python object with the callbacks of abt.Strategy (on_start(ctx), on_session_open(ctx),
// on_bar(ctx, freq), on_timer(ctx, timer_id), on_session_close(ctx), on_finish(ctx), on_fill(ctx, fill),
// on_reject(ctx, rejection)). Only the callbacks the object's class defines (other than abt.Strategy's own
// no-ops) are called; the others cost nothing. Each call takes the GIL and hands the same abt.Context; the
// GIL is released again when the callback returns, so the engine works without it.
//
// A Python exception escaping a callback: KeyboardInterrupt aborts the run (RunCancelled, run_state.hpp);
// abt.InternalError stays abt's bug (InternalError); abt.ConfigError / abt.DataError become ConfigError /
// DataError (bad input when raised by on_start); anything else becomes a C++ exception whose message is the
// Python one ("ValueError: ... (file.py:12 in on_bar)"), which the engine's guard turns into a StrategyError
// naming the callback and the simulated time. The Python exception itself is kept in the RunState, to become
// the __cause__ of the abt.StrategyError raised to the caller.
#include <array>
#include <string>

#include <pybind11/pybind11.h>

#include "app/python/py_ref.hpp"
#include "app/python/run_state.hpp"
#include "engine/strategy/registry.hpp"
#include "engine/strategy/strategy.hpp"

namespace abt::python {

class PyContext;

class PyStrategy final : public Strategy {
 public:
  /// `instance`: the Python strategy object; `state`: the run's state (outlives the strategy). GIL held.
  PyStrategy(pybind11::object instance, RunState& state);
  ~PyStrategy() override;
  PyStrategy(const PyStrategy&) = delete;
  PyStrategy& operator=(const PyStrategy&) = delete;

  void on_start(Context& ctx) override;
  void on_session_open(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;
  void on_timer(Context& ctx, TimerId id) override;
  void on_session_close(Context& ctx) override;
  void on_finish(Context& ctx) override;
  void on_fill(Context& ctx, const Fill& fill) override;
  void on_reject(Context& ctx, const Rejection& rejection) override;

 private:
  enum Callback : int { kStart, kSessionOpen, kBar, kTimer, kSessionClose, kFinish, kFill, kReject, kCount };
  template <class... Args>
  void invoke(Callback which, Context& ctx, Args&&... args);
  [[noreturn]] void fail(pybind11::error_already_set& e);

  PyRef instance_;
  PyRef context_;  // the abt.Context object handed to every callback
  PyContext* context_impl_ = nullptr;
  std::array<PyRef, kCount> methods_;  // bound methods; empty = not defined by the strategy's class
  std::array<PyRef, 2> frequency_names_;
  RunState& state_;
};

/// How the Python layer describes a Python strategy to register (abt/_strategy.py spec()).
struct PyStrategySpec {
  std::string name;
  std::string summary;
  std::string origin;  // "python class module.Name"
  PyRef factory;       // factory(params: dict, path: str) -> strategy object (validates params)
  PyRef resolver;      // resolver(params: dict, path: str) -> dict of resolved params
  std::vector<ParamDoc> params;
};

/// A spec from its Python form (an object with the attributes above). GIL held.
PyStrategySpec spec_from_python(pybind11::handle spec);
/// The registry entry of a Python strategy: create() calls the factory (with the GIL) and wraps the object
/// in a PyStrategy bound to the current thread's RunState; resolve() calls the resolver.
StrategyInfo python_strategy_info(const PyStrategySpec& spec);

}  // namespace abt::python
