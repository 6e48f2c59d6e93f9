#pragma once
// The result of one run started from Python (abt.run): the engine's RunOutput with the setup (registry,
// plugins, loaded market data) it ran with, kept alive together, so that its files can be produced on demand
// exactly as `abt run` writes them (app/run/result_writer.hpp). abt/_result.py turns them into DataFrames.
#include <memory>
#include <string>

#include <pybind11/pybind11.h>

#include "app/cli/run_setup.hpp"
#include "app/run/run_output.hpp"

namespace abt::python {

class RunHandle {
 public:
  RunHandle(std::shared_ptr<cli::RunSetup> setup, RunConfig config, const LoadedData* data, RunOutput output);

  /// The text of one output file: equity, trades, positions, rejections, round_trips, signals, signals_60m
  /// ("" for signals without recorded signals). Throws ValueError for another name.
  std::string csv(const std::string& name) const;
  /// result.json as `abt run` writes it.
  pybind11::object document() const;
  /// What a golden file holds for this run (app/run/regression.hpp).
  pybind11::object golden() const;
  std::string report_html() const;
  /// Load and run times, bars and events (timing.json of `abt run`).
  pybind11::object timing() const;
  /// Writes report.html and every file of `abt run` into `dir` (created if needed) and, with `record`, the
  /// run into the run store of the output root (as `abt run`; ABT_RUN_STORE=off disables it).
  void save(const std::string& dir, bool record) const;

 private:
  nlohmann::json timing_json() const;
  std::shared_ptr<cli::RunSetup> setup_;
  RunConfig config_;
  const LoadedData* data_;
  RunOutput output_;
};

}  // namespace abt::python
