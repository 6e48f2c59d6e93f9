#pragma once
// abt's errors as Python exceptions (docs/python.md "Errors"):
//   abt.Error                      base of them all
//   abt.ConfigError(Error, ValueError)   bad config, params, overrides, plans (message starts with the JSON
//   path) abt.DataError(Error)           bad or unreadable market data (message names the file and row)
//   abt.StrategyError(Error)       a strategy's code failed during a run; attributes strategy, origin,
//                                  callback, time, message; a Python strategy's own exception is __cause__
//   abt.InternalError(Error, RuntimeError)   a bug in abt
// and the translation of the C++ exceptions (engine/core/error.hpp) into them for every bound function:
// RunCancelled becomes KeyboardInterrupt; std::invalid_argument / out_of_range and the other standard
// argument errors keep pybind11's ValueError / IndexError; any other std::exception is an InternalError.
// Call with the GIL held.
#include <string>

#include <pybind11/pybind11.h>

#include "engine/core/error.hpp"

namespace abt::python {

struct ErrorTypes {
  PyObject* error = nullptr;
  PyObject* config = nullptr;
  PyObject* data = nullptr;
  PyObject* strategy = nullptr;
  PyObject* internal = nullptr;
};

/// Creates the exception classes in `m` and registers the translator.
void bind_errors(pybind11::module_& m);
const ErrorTypes& error_types();

/// A Python abt.StrategyError for `e` with `cause` (None for none) as __cause__, as a pybind11 exception to
/// throw (the error indicator is set).
pybind11::error_already_set strategy_error(const StrategyError& e, pybind11::handle cause);
/// A Python exception of `type` with `message` and `cause` as __cause__ (for a UserError raised by a Python
/// strategy's on_start: the strategy's own exception stays visible).
pybind11::error_already_set chained_error(PyObject* type, const std::string& message, pybind11::handle cause);

/// "ValueError: message (file.py:12 in on_bar)" for a caught Python exception: its type, its text and the
/// innermost frame of its traceback.
std::string describe_python_error(const pybind11::error_already_set& e);

}  // namespace abt::python
