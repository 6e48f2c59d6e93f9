#pragma once
// abt.MicrocapIndex: the built-in micro-cap index (strategies/universe/microcap_index.hpp) for Python
// strategies, so that a Python strategy built on the micro-cap universe ranks exactly as the C++ ones do.
// Made by Context.microcap_index(...) in on_start; update(ctx) once per daily bar (it catches up from the
// first calendar day on its first call, reading history views only: no look-ahead), rank(ctx) on the days
// the members are needed.
#include <memory>
#include <vector>

#include <pybind11/numpy.h>

#include "strategies/universe/microcap_index.hpp"

namespace abt::python {

class PyMicrocapIndex {
 public:
  PyMicrocapIndex(Context& ctx, const MicrocapIndexParams& params, bool track_level);

  /// Both release the GIL while they work (pure C++ on the run's own state), so that other threads' Python
  /// strategies (a sweep) go on meanwhile.
  void update(Context& ctx);
  /// Ranks today and returns the members (instrument ids, ascending (cap, code)).
  pybind11::array rank(Context& ctx);
  pybind11::array members() const;
  /// Total market cap (CNY) of the eligible instruments of the last rank, by instrument id; NaN elsewhere.
  pybind11::array total_caps() const;
  /// The ranking cap (total or float shares, per rank_by), by instrument id.
  pybind11::array caps() const;
  double level() const { return index_->level(); }

 private:
  std::vector<Instrument> instruments_;  // the index refers to them
  std::unique_ptr<MicrocapIndex> index_;
};

}  // namespace abt::python
