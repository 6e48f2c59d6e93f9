#pragma once
// The console summary printed at the end of `abt run`.
#include <string>

#include "engine/run/run_output.hpp"

namespace abt {

/// A fixed-width two-column table of the main metrics (percentages for returns, CNY for costs).
std::string format_summary(const RunOutput& output);

}  // namespace abt
