#pragma once
// Error types of abt. Contract (architecture rule 5):
//  - bad user input (config, data files, CLI arguments) -> a UserError subclass whose message names the file,
//    line/row or JSON path and what was expected; the CLI maps it to exit code 2;
//  - business outcomes (an order blocked by a rule) are values recorded in results, never exceptions;
//  - broken internal invariants -> InternalError (exit code 1).
#include <stdexcept>
#include <string>

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
