#pragma once
// The equity curves of a sweep's variants in one columnar file, sweep_equity.csv (docs/sweeps.md):
//   date,benchmark,v0000,v0001,...
// one row per date of any variant (ascending), one column per variant that ran (status ok) in plan order
// (variant index), values = end-of-day NAV in CNY with 2 decimals (as equity.csv "nav"); a cell is empty
// where that variant has no record on that date (a plan varying `start`). `benchmark` (4 decimals, the
// levels of equity.csv "benchmark") is the benchmark of the lowest-index variant; the column is absent when
// that variant has no benchmark. Read with
//   pandas.read_csv("sweep_equity.csv", index_col="date", parse_dates=True)
// The text is a pure function of the curves: the same for any --jobs, and merging shards' files gives the
// file of the unsharded sweep.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/run/run_output.hpp"
#include "engine/core/time.hpp"

namespace abt {

/// One variant's daily NAV (and its benchmark levels, empty without a benchmark).
struct VariantCurve {
  int64_t index = 0;  // the variant's plan index
  std::string id;     // "v0000"
  std::vector<Date> dates;
  std::vector<double> nav;
  std::vector<double> benchmark;  // empty, or one level per date
};

/// The curve of a finished run (daily records; the benchmark's level of each day).
VariantCurve variant_curve(const RunOutput& output, int64_t index, const std::string& id);

/// sweep_equity.csv of `curves` (any order; a curve per variant index), formatted on up to `threads`
/// threads (the text does not depend on it).
std::string sweep_equity_csv(const std::vector<VariantCurve>& curves, unsigned threads = 1);

/// Reads a sweep_equity.csv back into curves (benchmark: given to the lowest-index curve). Throws
/// ConfigError naming the file and row when it is not such a file.
std::vector<VariantCurve> read_sweep_equity(const std::filesystem::path& file);

}  // namespace abt
