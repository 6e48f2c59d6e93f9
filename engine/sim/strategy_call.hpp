#pragma once
// How the event loop calls a strategy: every callback runs through call_strategy, which turns an exception
// escaping the strategy's code into a StrategyError naming the callback and the simulated time (the contract
// in backtest.hpp). No cost on the normal path: the callback's name is built only when something throws.
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/core/frequency.hpp"
#include "engine/core/run_cancelled.hpp"
#include "engine/core/time.hpp"
#include "engine/strategy/schedule.hpp"

namespace abt {

/// A strategy callback as a StrategyError names it: "on_start", "on_bar(1d)", "on_timer(0)".
struct StrategyCallback {
  const char* name;                                   // "on_bar", a string literal
  std::optional<Frequency> frequency = std::nullopt;  // on_bar
  TimerId timer = -1;                                 // on_timer
  std::string text() const {
    if (timer >= 0) return std::string(name) + "(" + std::to_string(timer) + ")";
    if (frequency) return std::string(name) + "(" + std::string(frequency_name(*frequency)) + ")";
    return name;
  }
};

/// Runs `call` (the strategy's callback) at simulated time `now`. An InternalError passes through (abt's
/// bug, also inside a Context call); a RunCancelled passes through (the run was stopped from outside, e.g.
/// Ctrl-C while a Python strategy's callback ran); a UserError from on_start passes through (params or data
/// rejected before the first event); any other exception, including a UserError from a later callback, is
/// rethrown as StrategyError("", "", callback, now, message) for the caller to attribute.
template <class Call>
void call_strategy(const StrategyCallback& callback, Timestamp now, const Call& call) {
  const auto wrapped = [&](const std::string& message) {
    return StrategyError("", "", callback.text(), now.to_string(), message);
  };
  try {
    call();
  } catch (const InternalError&) {
    throw;
  } catch (const RunCancelled&) {
    throw;
  } catch (const UserError& e) {
    if (std::string_view(callback.name) == "on_start") throw;
    throw wrapped(e.what());
  } catch (const std::exception& e) {
    throw wrapped(e.what());
  } catch (...) {
    throw wrapped("an exception not derived from std::exception");
  }
}

}  // namespace abt
