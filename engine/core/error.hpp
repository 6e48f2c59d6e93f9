#pragma once
// Error types of abt. Contract (architecture rule 5):
//  - bad user input (config, data files, CLI arguments) -> a UserError subclass whose message names the file,
//    line/row or JSON path and what was expected; the CLI maps it to exit code 2;
//  - business outcomes (an order blocked by a rule) are values recorded in results, never exceptions;
//  - broken internal invariants -> InternalError (exit code 1);
//  - an exception escaping a strategy's callback during a run -> StrategyError (exit code 3): the strategy's
//    error, not abt's (engine/sim/backtest.hpp says which exceptions are wrapped).
#include <stdexcept>
#include <string>
#include <utility>

namespace abt {

/// Base of every error caused by user input; the CLI exits with code 2.
class UserError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad configuration: message starts with the JSON path (e.g. "strategy.params.fast: expected ...").
class ConfigError : public UserError {
 public:
  using UserError::UserError;
};

/// Bad or corrupt market data: message names the file and the row/offset.
class DataError : public UserError {
 public:
  using UserError::UserError;
};

/// A strategy tried to read data after the current simulated time.
class LookAheadError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// A broken engine invariant (a bug); the CLI exits with code 1.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// A strategy's callback threw during a run. Carries the strategy's name, where it came from ("plugin
/// libmomentum.so", "built-in"; "" when unknown), the callback ("on_bar(1d)", "on_timer(0)", "on_start"),
/// the simulated time ("2019-03-05 15:00") and the original message. what():
///   "momentum (plugin libmomentum.so) in on_bar(1d) at 2019-03-05 15:00: HistoryView: lag beyond the window"
class StrategyError : public std::runtime_error {
 public:
  StrategyError(std::string strategy, std::string origin, std::string callback, std::string time,
                std::string message)
      : std::runtime_error(format(strategy, origin, callback, time, message)),
        strategy_(std::move(strategy)),
        origin_(std::move(origin)),
        callback_(std::move(callback)),
        time_(std::move(time)),
        message_(std::move(message)) {}

  const std::string& strategy() const { return strategy_; }
  const std::string& origin() const { return origin_; }
  const std::string& callback() const { return callback_; }
  const std::string& time() const { return time_; }
  const std::string& message() const { return message_; }

  /// The same error attributed to `strategy` from `origin`.
  StrategyError attributed(std::string strategy, std::string origin) const {
    return StrategyError(std::move(strategy), std::move(origin), callback_, time_, message_);
  }

 private:
  static std::string format(const std::string& strategy, const std::string& origin,
                            const std::string& callback, const std::string& time,
                            const std::string& message) {
    return (strategy.empty() ? std::string("the strategy") : strategy) +
           (origin.empty() ? std::string() : " (" + origin + ")") + " in " + callback + " at " + time + ": " +
           message;
  }
  std::string strategy_, origin_, callback_, time_, message_;
};

/// REQUIRE-style check for user input: throws E(message) when the condition fails.
template <class E = ConfigError>
inline void require(bool condition, const std::string& message) {
  if (!condition) throw E(message);
}

/// Invariant check that stays on in Release builds.
inline void ensure(bool condition, const char* what) {
  if (!condition) throw InternalError(std::string("invariant violated: ") + what);
}

}  // namespace abt
