#pragma once
// The strategy plug point. A strategy is a small class with a typed Params struct (see params.hpp) and
// callbacks. Event order for each trading day (docs/event-ordering.md):
//   on_session_open -> on_bar(60m) x4 (if subscribed) -> on_bar(1d) -> on_timer -> on_session_close.
// Strategies must be deterministic: no wall clock, no unseeded randomness, no global state.
#include "engine/core/frequency.hpp"
#include "engine/strategy/context.hpp"

namespace abt {

class Strategy {
 public:
  virtual ~Strategy() = default;
  /// Called once before the first event: resolve handles, subscribe, schedule timers.
  virtual void on_start(Context&) {}
  virtual void on_session_open(Context&) {}
  /// A bar of frequency f closed for the whole cross-section (only for subscribed frequencies).
  virtual void on_bar(Context&, Frequency) {}
  virtual void on_timer(Context&, TimerId) {}
  virtual void on_session_close(Context&) {}
  virtual void on_finish(Context&) {}
};

}  // namespace abt
