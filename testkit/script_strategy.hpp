#pragma once
// The strategy author's test kit: a strategy whose callbacks are lambdas, to drive the engine (and a Context)
// from a unit test, and the helpers to run one on a tiny market (testkit/tiny_market.hpp).
#include <functional>

#include "engine/sim/backtest.hpp"
#include "engine/strategy/strategy.hpp"
#include "testkit/tiny_market.hpp"

namespace abt::testkit {

class ScriptStrategy final : public Strategy {
 public:
  std::function<void(Context&)> start, session_open, session_close, finish;
  std::function<void(Context&, Frequency)> bar;
  std::function<void(Context&, TimerId)> timer;
  std::function<void(Context&, const Fill&)> fill;
  std::function<void(Context&, const Rejection&)> reject;

  void on_start(Context& c) override {
    if (start) start(c);
  }
  void on_session_open(Context& c) override {
    if (session_open) session_open(c);
  }
  void on_bar(Context& c, Frequency f) override {
    if (bar) bar(c, f);
  }
  void on_timer(Context& c, TimerId id) override {
    if (timer) timer(c, id);
  }
  void on_session_close(Context& c) override {
    if (session_close) session_close(c);
  }
  void on_finish(Context& c) override {
    if (finish) finish(c);
  }
  void on_fill(Context& c, const Fill& f) override {
    if (fill) fill(c, f);
  }
  void on_reject(Context& c, const Rejection& r) override {
    if (reject) reject(c, r);
  }
};

/// An engine config with `fill` and `cash` (no costs, every A-share rule on).
inline BacktestConfig config_with(FillMode fill, double cash = 1'000'000.0) {
  BacktestConfig c;
  c.fill = fill;
  c.initial_cash = cash;
  return c;
}

}  // namespace abt::testkit
