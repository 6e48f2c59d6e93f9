#include "app/python/py_universe.hpp"

#include <cmath>
#include <span>

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

namespace {

// By instrument id: the members' caps, NaN for every other instrument.
std::vector<double> by_id(size_t instruments, std::span<const int32_t> members,
                          std::span<const double> caps) {
  std::vector<double> out(instruments, std::nan(""));
  for (size_t k = 0; k < members.size(); ++k) out[static_cast<size_t>(members[k])] = caps[k];
  return out;
}

}  // namespace

py::array PyMicrocapIndex::total_caps() const {
  return float64_array(by_id(instruments_.size(), index_->members(), index_->member_total_caps()));
}

py::array PyMicrocapIndex::caps() const {
  return float64_array(by_id(instruments_.size(), index_->members(), index_->member_caps()));
}

}  // namespace abt::python
