#pragma once
// NumPy arrays over abt's memory without copies: read-only views of float32 panels that keep their owner (the
// market data: a memory map or heap buffers) alive through the array's base object, plus small conversions
// (ids, dates, timestamps) that copy. Call with the GIL held.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "engine/core/time.hpp"

namespace abt::python {

/// A capsule owning a copy of `owner`: the base object of views into memory `owner` keeps alive.
pybind11::capsule keep_alive_capsule(std::shared_ptr<const void> owner);

/// A read-only rows x cols float32 view of row-major `data` (rows may be 0) whose base is `base`.
pybind11::array readonly_matrix(const float* data, int64_t rows, int64_t cols, pybind11::handle base);
/// A read-only view of `count` float32 values `stride` elements apart, whose base is `base`.
pybind11::array readonly_vector(const float* data, int64_t count, int64_t stride, pybind11::handle base);

/// Copies.
/// A read-only rows x cols float32 array holding `values` (row-major; a panel with appended columns).
pybind11::array readonly_copy(const std::vector<float>& values, int64_t rows, int64_t cols);
pybind11::array_t<int32_t> int32_array(std::span<const int32_t> values);
pybind11::array_t<double> float64_array(std::span<const double> values);
/// numpy datetime64[D] (days since 1970-01-01) and datetime64[m] (minutes: abt's Timestamp).
pybind11::array dates_array(std::span<const Date> days);
pybind11::array stamps_array(std::span<const Timestamp> stamps);

/// datetime.date / datetime.datetime of abt's types.
pybind11::object to_date(Date d);
pybind11::object to_datetime(Timestamp t);

}  // namespace abt::python
