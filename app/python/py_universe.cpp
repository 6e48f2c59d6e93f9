#include "app/python/py_universe.hpp"

#include "app/python/numpy_views.hpp"

namespace py = pybind11;

namespace abt::python {

PyMicrocapIndex::PyMicrocapIndex(Context& ctx, const MicrocapIndexParams& params, bool track_level)
    : index_(make_bound_microcap_index(ctx, instruments_, params, track_level)) {}

void PyMicrocapIndex::update(Context& ctx) {
  py::gil_scoped_release nogil;
  index_->update(ctx);
}

py::array PyMicrocapIndex::rank(Context& ctx) {
  const std::vector<int32_t>* members = nullptr;
  {
    py::gil_scoped_release nogil;
    members = &index_->rank_now(ctx);
  }
  return int32_array(*members);
}

py::array PyMicrocapIndex::members() const {
  return int32_array(index_->members());
}

py::array PyMicrocapIndex::total_caps() const {
  return float64_array(index_->total_caps());
}

py::array PyMicrocapIndex::caps() const {
  return float64_array(index_->caps());
}

}  // namespace abt::python
