#pragma once
// A strategy whose callbacks are lambdas, for scenario tests, plus small helpers to build tiny markets.
#include <functional>

#include "engine/sim/backtest.hpp"
#include "engine/strategy/strategy.hpp"
#include "test_support.hpp"

namespace abt::test {

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

/// A daily bar with the given open and close (high/low derived), volume 1e6 (0 = suspended).
inline TinyBar bar(double open, double close, double volume = 1e6) {
  return TinyBar{open, kNaN, kNaN, close, volume};
}
/// A suspended day: no trade, prices at the last close.
inline TinyBar suspended(double last_close) {
  return TinyBar{last_close, last_close, last_close, last_close, 0};
}
/// Not listed.
inline TinyBar absent() {
  return TinyBar{};
}

inline BacktestConfig config_with(FillMode fill, double cash = 1'000'000.0) {
  BacktestConfig c;
  c.fill = fill;
  c.initial_cash = cash;
  return c;
}

}  // namespace abt::test
