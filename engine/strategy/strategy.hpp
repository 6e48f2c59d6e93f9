#pragma once
// The strategy plug point. A strategy is a small class with a typed Params struct (see params.hpp) and
// callbacks. Event order for each trading day (docs/event-ordering.md):
//   on_session_open -> on_bar(60m) x4 (if subscribed) -> on_bar(1d) -> on_timer -> on_session_close;
// on_fill / on_reject report each fill and rejection of a fill pass right after the pass, before the
// event's own callback (or right after the callback whose orders filled in close mode).
// Strategies must be deterministic: no wall clock, no unseeded randomness, no global state.
#include "engine/core/frequency.hpp"
#include "engine/strategy/context.hpp"
#include "engine/strategy/order.hpp"

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
  /// Called once after the last day. Orders placed here are never executed (the run is over).
  virtual void on_finish(Context&) {}
  /// A fill of one of the strategy's intents (or a liquidation at a delisting: cost 0). Orders placed here
  /// are queued like any order (in close mode they fill at the next fill pass).
  virtual void on_fill(Context&, const Fill&) {}
  /// An intent blocked, reduced or dropped (each reason once per intent); ctx.pending_order() tells whether
  /// it is still pending (retried) or gone.
  virtual void on_reject(Context&, const Rejection&) {}
};

}  // namespace abt
