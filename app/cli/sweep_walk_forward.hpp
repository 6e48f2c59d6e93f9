#pragma once
// `abt sweep ... --walk-forward train=3y,test=1y[,step=1y]` (or a plan's "walk_forward" block): runs the
// plan's variants in-sample in every window (app/run/walk_forward.hpp) on `jobs` threads, picks the best of
// each window by the rank metric (ties: the lowest variant index), runs it out-of-sample window after
// window (each starting with the previous segment's end NAV) and returns the walk_forward.json document.
#include <atomic>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/cli/run_setup.hpp"
#include "app/run/sweep_plan.hpp"
#include "app/run/walk_forward.hpp"

namespace abt::cli {

/// Throws ConfigError for a variant that does not parse with a window's dates, a strategy's errors as they
/// come (a failing out-of-sample run fails the walk-forward). Returns null when `stop` was requested.
nlohmann::json run_walk_forward(RunSetup& setup, const nlohmann::json& base,
                                const std::filesystem::path& base_dir, const SweepPlan& plan,
                                const WalkForwardSpec& spec, const std::string& rank_by, size_t jobs,
                                const std::atomic<bool>& stop);

}  // namespace abt::cli
