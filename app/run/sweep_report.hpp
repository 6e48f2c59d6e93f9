#pragma once
// sweep.html: the report of a sweep, one self-contained page like report.html (inline SVG and CSS, a few
// lines of script, no network), written by `abt sweep`, `abt sweep merge` and abt.sweep (docs/sweeps.md,
// "The sweep report"):
//   - the rank metric over the grid: a heatmap for two swept parameters (by default the two with the most
//     values; one heatmap per combination of any other swept parameters, at most kMaxMaps, and a selector
//     for which pair is shown), a line for a single parameter;
//   - the top variants (parameters and the main metrics, labels and formats of metric_registry.hpp);
//   - the equity curves of the best variants against the benchmark (sweep_equity.csv);
//   - robustness: each top point's metric against its grid neighbours (sweep_robustness.hpp), isolated
//     peaks flagged;
// A pure function of its inputs (byte-identical for the same rows and curves).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/sweep_equity.hpp"
#include "app/run/sweep_table.hpp"

namespace abt {

/// `ranked`: rows best first; `curves`: the ok variants' equity curves (any order); `walk_forward`: the
/// walk_forward.json document, or null.
std::string sweep_html(const SweepHeader& header, const std::vector<SweepRow>& ranked,
                       const std::vector<VariantCurve>& curves, const nlohmann::json& walk_forward);

}  // namespace abt
