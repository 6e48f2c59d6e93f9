#pragma once
// Conversions between nlohmann::json (configs, result documents, params) and Python objects (call with the
// GIL held). Python -> JSON accepts None, bool, int, float, str, lists, tuples, dicts with str keys and NumPy
// scalars and arrays (through tolist()); anything else is a TypeError naming the JSON path
// ("strategy.params.x"). JSON has no NaN or infinity: in a config (the default) a non-finite float is a
// ConfigError naming its path; in a result document (goldens, results written back) it becomes null, as
// result.json writes it. Nesting deeper than kMaxJsonDepth (engine/core/json_text.hpp) is a ConfigError.
#include <string>

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

namespace abt::python {

/// What from_python does with NaN and infinity.
enum class NonFinite { Refuse, Null };

pybind11::object to_python(const nlohmann::json& value);
nlohmann::json from_python(pybind11::handle value, const std::string& path = "",
                           NonFinite non_finite = NonFinite::Refuse);

}  // namespace abt::python
