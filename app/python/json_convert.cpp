#include "app/python/json_convert.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"

namespace py = pybind11;

namespace abt::python {

py::object to_python(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(value.get<uint64_t>());
    case nlohmann::json::value_t::number_float:
      return py::float_(value.get<double>());
    case nlohmann::json::value_t::string:
      return py::str(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list out;
      for (const auto& item : value) out.append(to_python(item));
      return out;
    }
    case nlohmann::json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) out[py::str(key)] = to_python(item);
      return out;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  throw py::type_error("abt: cannot convert a binary JSON value to Python");
}

namespace {

nlohmann::json convert(py::handle value, const std::string& path, int depth, NonFinite non_finite) {
  const auto where = [&] { return path.empty() ? std::string("value") : path; };
  // The limit of JSON text (engine/core/json_text.hpp): a deeper structure would overflow the C++ stack.
  if (depth > kMaxJsonDepth)
    throw ConfigError(where() + ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                      " lists or dicts (the limit of abt's JSON)");
  if (value.is_none()) return nullptr;
  if (PyBool_Check(value.ptr())) return value.cast<bool>();
  if (PyLong_Check(value.ptr())) {
    // As nlohmann's parser reads JSON text: non-negative integers are unsigned, negative ones signed.
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow > 0) {
      const unsigned long long u = PyLong_AsUnsignedLongLong(value.ptr());
      if (PyErr_Occurred()) throw py::error_already_set();
      return static_cast<uint64_t>(u);
    }
    if (overflow != 0) throw py::type_error(where() + ": integer out of the 64-bit range");
    if (v >= 0) return static_cast<uint64_t>(v);
    return static_cast<int64_t>(v);
  }
  if (PyFloat_Check(value.ptr())) {
    const double v = PyFloat_AsDouble(value.ptr());
    // JSON has no NaN or infinity; a config number is finite (nan used to become null: a silent default).
    if (!std::isfinite(v) && non_finite == NonFinite::Null) return nullptr;
    if (!std::isfinite(v))
      throw ConfigError(where() + ": expected a finite number, got " + std::string(py::str(value)));
    return v;
  }
  if (PyUnicode_Check(value.ptr())) return value.cast<std::string>();
  if (PyDict_Check(value.ptr())) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : py::reinterpret_borrow<py::dict>(value)) {
      if (!PyUnicode_Check(k.ptr()))
        throw py::type_error(where() + ": keys must be strings, got " +
                             std::string(py::str(py::type::of(k))));
      const std::string key = k.cast<std::string>();
      out[key] = convert(v, path.empty() ? key : path + "." + key, depth + 1, non_finite);
    }
    return out;
  }
  if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) {
    nlohmann::json out = nlohmann::json::array();
    size_t i = 0;
    for (const auto& item : py::reinterpret_borrow<py::sequence>(value))
      out.push_back(convert(item, where() + "[" + std::to_string(i++) + "]", depth + 1, non_finite));
    return out;
  }
  // NumPy scalars and arrays: their tolist() is made of the Python types above.
  const std::string type_name = py::str(py::type::of(value).attr("__name__"));
  if (py::hasattr(value, "dtype") && py::hasattr(value, "tolist"))
    return convert(value.attr("tolist")(), path, depth, non_finite);
  throw py::type_error(where() + ": cannot be written as JSON (a " + type_name + ")");
}

}  // namespace

nlohmann::json from_python(py::handle value, const std::string& path, NonFinite non_finite) {
  return convert(value, path, 0, non_finite);
}

}  // namespace abt::python
