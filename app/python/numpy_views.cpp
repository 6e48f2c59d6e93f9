#include "app/python/numpy_views.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {

void make_readonly(py::array& a) {
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

}  // namespace

py::capsule keep_alive_capsule(std::shared_ptr<const void> owner) {
  auto* held = new std::shared_ptr<const void>(std::move(owner));
  return py::capsule(held, [](void* p) { delete static_cast<std::shared_ptr<const void>*>(p); });
}

py::array readonly_matrix(const float* data, int64_t rows, int64_t cols, py::handle base) {
  const auto item = static_cast<py::ssize_t>(sizeof(float));
  py::array a(py::dtype::of<float>(), {static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(cols)},
              {static_cast<py::ssize_t>(cols) * item, item}, data, base);
  make_readonly(a);
  return a;
}

py::array readonly_vector(const float* data, int64_t count, int64_t stride, py::handle base) {
  const auto item = static_cast<py::ssize_t>(sizeof(float));
  py::array a(py::dtype::of<float>(), {static_cast<py::ssize_t>(count)},
              {static_cast<py::ssize_t>(stride) * item}, data, base);
  make_readonly(a);
  return a;
}

py::array readonly_copy(const std::vector<float>& values, int64_t rows, int64_t cols) {
  py::array_t<float> a({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(cols)});
  std::copy(values.begin(), values.end(), a.mutable_data());
  py::array out = std::move(a);
  make_readonly(out);
  return out;
}

py::array_t<int32_t> int32_array(std::span<const int32_t> values) {
  py::array_t<int32_t> a(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

py::array_t<double> float64_array(std::span<const double> values) {
  py::array_t<double> a(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

py::array dates_array(std::span<const Date> days) {
  py::array a(py::dtype("datetime64[D]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(days.size())});
  auto* out = static_cast<int64_t*>(a.mutable_data());
  for (size_t i = 0; i < days.size(); ++i) out[i] = days[i].days;
  return a;
}

py::array stamps_array(std::span<const Timestamp> stamps) {
  py::array a(py::dtype("datetime64[m]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(stamps.size())});
  auto* out = static_cast<int64_t*>(a.mutable_data());
  for (size_t i = 0; i < stamps.size(); ++i) out[i] = stamps[i].minutes;
  return a;
}

py::object to_date(Date d) {
  // Leaked on purpose: a static py::object would be released after the interpreter is gone.
  static const py::handle date_type = py::object(py::module_::import("datetime").attr("date")).release();
  const int32_t ymd = d.yyyymmdd();
  return date_type(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

py::object to_datetime(Timestamp t) {
  static const py::handle datetime_type =
      py::object(py::module_::import("datetime").attr("datetime")).release();
  const int32_t ymd = t.date().yyyymmdd();
  const int minute = t.minute_of_day();
  return datetime_type(ymd / 10000, ymd / 100 % 100, ymd % 100, minute / 60, minute % 60);
}

}  // namespace abt::python
