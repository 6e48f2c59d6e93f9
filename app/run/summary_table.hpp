#pragma once
// The console summary printed at the end of `abt run`.
#include <string>

#include "app/run/run_output.hpp"

namespace abt {

/// A fixed-width two-column table of the main metrics (percentages for returns, CNY for costs), then one
/// line per warning.
std::string format_summary(const RunOutput& output);
/// How much of a warning there was: " (by year: 2021 5 2022 7)", " (3, 2021-01-04 .. 2021-03-01)" or "".
std::string warning_extent(const RunWarning& w);

}  // namespace abt
