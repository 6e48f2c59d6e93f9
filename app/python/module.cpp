// The _abt extension module: the engine and run layer for the `abt` Python package (python/abt,
// docs/python.md). The package is the public interface; this module is its implementation.
#include <pybind11/pybind11.h>

#include "app/python/py_context.hpp"
#include "app/python/py_errors.hpp"

namespace abt::python {
void bind_dataset(pybind11::module_& m);
void bind_runs(pybind11::module_& m);
}  // namespace abt::python

PYBIND11_MODULE(_abt, m) {
  m.doc() = "abt engine bindings (use the `abt` package)";
  m.attr("__version__") = ABT_VERSION;
  abt::python::bind_errors(m);
  abt::python::bind_context(m);
  abt::python::bind_dataset(m);
  abt::python::bind_runs(m);
}
