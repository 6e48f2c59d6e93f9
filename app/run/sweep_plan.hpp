#pragma once
// Sweep plans (docs/sweeps.md): the variants of a base config that `abt sweep` runs. A plan file is one of
//   grid      {"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]}   cartesian product
//   list      {"variants": [{"strategy.params.fast": 3}, {"strategy.params.fast": 5, "costs.rate": 0}]}
//   random    {"random": {"n": 20, "seed": 1, "params": {"strategy.params.fast": [2, 10],
//                                                         "costs.rate": [0.0005, 0.002],
//                                                         "strategy.params.frequency": ["1d", "60m"]}}}
// Keys are dotted config paths (as `abt run --set`). Grid order: paths sorted by name, the last path varying
// fastest. Random: a two-number array [lo, hi] is a range (integers when both are integers, inclusive; else
// reals in [lo, hi)), any other array (or {"choices": [...]}) is a list to pick from; each draw is a pure
// function of (seed, variant index, path), so a plan is the same on every machine. Integer ranges may span
// all of int64; real ranges must have a finite width. A plan has at most kMaxSweepVariants variants (grid
// product, list length or random n): more is refused before any variant is built.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace abt {

/// Most variants in one plan (docs/sweeps.md): larger sweeps are split into several plans (or shards).
inline constexpr int64_t kMaxSweepVariants = 100000;

struct SweepVariant {
  int64_t index = 0;         // position in the whole plan (0-based; shards keep it)
  std::string id;            // "v0000", "v0001", ... (zero-padded to at least 4 digits)
  nlohmann::json overrides;  // object: dotted path -> value
};

struct SweepPlan {
  std::string kind;                // "grid", "list" or "random"
  std::vector<std::string> paths;  // every overridden path, sorted
  std::vector<SweepVariant> variants;
};

/// Throws ConfigError naming `where` and the JSON path for a malformed plan or an empty one.
SweepPlan parse_sweep_plan(const nlohmann::json& plan, const std::string& where);

/// Applies a variant's overrides to a copy of `base`.
nlohmann::json apply_variant(const nlohmann::json& base, const SweepVariant& variant);

/// A deterministic slice: variant k belongs to shard (k mod count). index in [0, count).
struct SweepShard {
  int64_t index = 0, count = 1;
};
/// "i/N" (0 <= i < N). Throws ConfigError otherwise.
SweepShard parse_shard(const std::string& text);
/// From SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN, default 0) and SLURM_ARRAY_TASK_COUNT, else from
/// JOB_COMPLETION_INDEX and ABT_SHARD_COUNT; {0, 1} when neither is set. Throws ConfigError for bad values.
SweepShard shard_from_environment();
std::vector<SweepVariant> shard_slice(const std::vector<SweepVariant>& variants, const SweepShard& shard);

}  // namespace abt
