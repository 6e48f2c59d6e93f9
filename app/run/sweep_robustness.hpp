#pragma once
// How much a sweep's metric falls around its best points (sweep.html "Robustness", docs/sweeps.md): an
// over-fitted peak is a point whose grid neighbours are much worse than it.
//
// The grid: each swept path's distinct values, sorted (numbers by value, strings by text). Two variants are
// neighbours when they differ in exactly one path, by one step in that path's sorted values (a grid point
// has up to 2 x paths neighbours; variants of list and random plans often have none). For a point with
// value m, neighbours' median n and the median g of every ranked variant:
//   retained = (n - g) / (m - g)
// the share of the point's lead over the typical variant that its neighbourhood keeps: 1 on a plateau, 0
// when the neighbours are typical, negative when they are worse than typical. A point is flagged isolated
// when retained < 0.5. retained is computed only for points better than the median with a lead m - g of at
// least a quarter of the best point's lead (a point near or below the median is no peak, and its ratio would
// only amplify noise).
// Direction-agnostic: for lower-is-better metrics m - g and n - g are both negative.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/run/sweep_table.hpp"

namespace abt {

struct PointRobustness {
  const SweepRow* row = nullptr;
  int64_t rank = 0;
  double value = 0;
  size_t neighbours = 0;
  double neighbour_median = 0, neighbour_worst = 0;  // meaningful when neighbours > 0
  std::optional<double> retained;                    // none without neighbours or without a lead
  bool isolated = false;
};

struct SweepRobustness {
  double grid_median = 0;               // the median of the rank metric over every ranked variant
  std::vector<PointRobustness> points;  // the `top` best variants, best first
};

/// `ranked`: rows best first (rank_rows). Only variants with a value of `rank_by` take part.
SweepRobustness sweep_robustness(const std::vector<std::string>& paths, const std::vector<SweepRow>& ranked,
                                 const std::string& rank_by, size_t top);

/// The value of `metric` in an ok row (nullopt for errors, missing and null values).
std::optional<double> row_metric(const SweepRow& row, const std::string& metric);

}  // namespace abt
