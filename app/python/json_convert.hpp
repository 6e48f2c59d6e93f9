#pragma once
// Conversions between nlohmann::json (configs, result documents, params) and Python objects (call with the
// GIL held). Python -> JSON accepts None, bool, int, float, str, lists, tuples, dicts with str keys and NumPy
// scalars and arrays (through tolist()); anything else is a TypeError naming the JSON path
// ("strategy.params.x"). Non-finite floats become null (JSON has no NaN).
#include <string>

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

namespace abt::python {

pybind11::object to_python(const nlohmann::json& value);
nlohmann::json from_python(pybind11::handle value, const std::string& path = "");

}  // namespace abt::python
