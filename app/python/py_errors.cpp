#include "app/python/py_errors.hpp"

#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>

#include "engine/core/run_cancelled.hpp"
#include "engine/core/utf8.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {

ErrorTypes g_types;  // module-lifetime references, created once at import

PyObject* new_exception(py::module_& m, const char* name, const char* doc, PyObject* bases) {
  const std::string qualified = std::string("abt.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(type));
  return type;
}

/// Messages quote input text (a CSV cell, a file name): bytes that are not UTF-8 are shown as U+FFFD, so
/// that the message itself converts to a Python str (PyErr_SetString would fail on them).
void set_error(PyObject* type, const std::string& message) {
  PyErr_SetString(type, utf8_for_display(message).c_str());
}

}  // namespace

const ErrorTypes& error_types() {
  return g_types;
}

void bind_errors(py::module_& m) {
  g_types.error = new_exception(m, "Error", "Base class of abt's errors.", PyExc_Exception);
  const py::tuple config_bases = py::make_tuple(py::handle(g_types.error), py::handle(PyExc_ValueError));
  g_types.config = new_exception(m, "ConfigError",
                                 "Bad configuration: the message starts with the JSON path, e.g. "
                                 "'strategy.params.fast: expected an integer in [1, 100000], got 0'.",
                                 config_bases.ptr());
  g_types.data = new_exception(
      m, "DataError", "Bad or unreadable market data: the message names the file and row.", g_types.error);
  g_types.strategy =
      new_exception(m, "StrategyError",
                    "A strategy's code failed during a run. Attributes: strategy, origin, callback, "
                    "time, message; a Python strategy's own exception is the __cause__.",
                    g_types.error);
  const py::tuple internal_bases = py::make_tuple(py::handle(g_types.error), py::handle(PyExc_RuntimeError));
  g_types.internal =
      new_exception(m, "InternalError", "A bug in abt (a broken invariant).", internal_bases.ptr());

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const py::error_already_set&) {
      throw;
    } catch (const py::builtin_exception&) {
      throw;
    } catch (const RunCancelled&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    } catch (const StrategyError& e) {
      strategy_error(e, py::none()).restore();
    } catch (const ConfigError& e) {
      set_error(g_types.config, e.what());
    } catch (const DataError& e) {
      set_error(g_types.data, e.what());
    } catch (const UserError& e) {
      set_error(g_types.config, e.what());
    } catch (const InternalError& e) {
      set_error(g_types.internal, e.what());
    } catch (const LookAheadError& e) {
      set_error(g_types.strategy, e.what());
    } catch (const std::invalid_argument&) {
      throw;  // pybind11: ValueError
    } catch (const std::out_of_range&) {
      throw;  // IndexError
    } catch (const std::domain_error&) {
      throw;
    } catch (const std::length_error&) {
      throw;
    } catch (const std::range_error&) {
      throw;
    } catch (const std::overflow_error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;  // MemoryError
    } catch (const std::system_error& e) {
      // The environment, not abt (a file system error, threads that cannot be started): as the command
      // line's exit code 2, an OSError rather than an InternalError.
      set_error(PyExc_OSError, e.what());
    } catch (const std::exception& e) {
      set_error(g_types.internal, e.what());
    }
  });
}

py::error_already_set strategy_error(const StrategyError& e, py::handle cause) {
  py::object error = py::reinterpret_borrow<py::object>(g_types.strategy)(utf8_for_display(e.what()));
  error.attr("strategy") = e.strategy();
  error.attr("origin") = e.origin();
  error.attr("callback") = e.callback();
  error.attr("time") = e.time();
  error.attr("message") = e.message();
  if (cause && !cause.is_none()) PyException_SetCause(error.ptr(), cause.inc_ref().ptr());
  PyErr_SetObject(g_types.strategy, error.ptr());
  return py::error_already_set();
}

py::error_already_set chained_error(PyObject* type, const std::string& message, py::handle cause) {
  py::object error = py::reinterpret_borrow<py::object>(type)(utf8_for_display(message));
  if (cause && !cause.is_none()) PyException_SetCause(error.ptr(), cause.inc_ref().ptr());
  PyErr_SetObject(type, error.ptr());
  return py::error_already_set();
}

std::string describe_python_error(const py::error_already_set& e) {
  std::string text = py::str(e.type().attr("__name__"));
  const std::string message = py::str(e.value());
  if (!message.empty()) text += ": " + message;
  try {
    const py::list frames = py::module_::import("traceback").attr("extract_tb")(e.trace());
    if (!frames.empty()) {
      const py::object last = frames[frames.size() - 1];
      const std::string file = py::str(last.attr("filename"));
      text += " (" + std::filesystem::path(file).filename().string() + ":" +
              std::string(py::str(last.attr("lineno"))) + " in " + std::string(py::str(last.attr("name"))) +
              ")";
    }
  } catch (const py::error_already_set&) {
    // No traceback to show: the message alone.
  }
  return text;
}

}  // namespace abt::python
