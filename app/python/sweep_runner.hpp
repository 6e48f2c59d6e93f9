#pragma once
// abt.sweep (docs/python.md "Sweeps"): the variants of a plan (app/run/sweep_plan.hpp) run on `jobs` worker
// threads through the same setup as `abt sweep` (app/cli/run_setup.hpp): every variant's config is parsed
// before anything runs (a bad one raises abt.ConfigError naming the variant), the data of each distinct spec
// is loaded once and shared read-only, and a failing variant is a row with its error. With an output
// directory each variant writes the files of `abt run` into variants/<id>/ and sweep.csv / sweep.json are
// written at the end (app/run/sweep_table.hpp), as the command does.
//
// Threads: the GIL is released while the workers run; C++ strategies run fully in parallel, Python
// strategies take the GIL in each callback and so serialise on it (their engine work still overlaps). The
// calling (main) thread waits, checking for Ctrl-C every kSignalCheckInterval: on KeyboardInterrupt the
// workers stop at the end of their current day, no new variant starts, the table of the finished variants is
// written (complete: false) and the KeyboardInterrupt is re-raised. Call with the GIL held.
#include <filesystem>
#include <memory>
#include <string>

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

#include "app/cli/run_setup.hpp"

namespace abt::python {

struct SweepRequest {
  nlohmann::json base;  // the config
  std::filesystem::path base_dir;
  nlohmann::json plan;     // grid, list or random plan
  std::string plan_where;  // names the plan in messages (its file, or "plan")
  unsigned jobs = 1;
  std::filesystem::path out_dir;  // empty: no files
  std::string rank_by = "sharpe";
  bool main_thread = true;  // the caller is Python's main thread (signals are checked)
};

/// Runs the sweep; returns {"rows": [...], "complete": bool, "seconds": float, "jobs": int}, each row a dict
/// index, id, overrides, status, error, metrics, trades_hash, dir, rank (1 = best by rank_by), in plan order.
pybind11::dict run_sweep(const std::shared_ptr<cli::RunSetup>& setup, const SweepRequest& request);

}  // namespace abt::python
