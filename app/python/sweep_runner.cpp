#include "app/python/sweep_runner.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/python/json_convert.hpp"
#include "app/python/run_state.hpp"
#include "app/run/output_dir.hpp"
#include "app/run/result_writer.hpp"
#include "app/run/sweep_plan.hpp"
#include "app/run/sweep_recorder.hpp"
#include "app/run/sweep_table.hpp"
#include "engine/core/error.hpp"
#include "engine/core/run_cancelled.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {

/// One variant, on a worker thread (no GIL held): recorded as a run or a failure; false when cancelled.
bool run_variant(const cli::RunSetup& setup, size_t slot, const RunConfig& config, const LoadedData& data,
                 SweepRecorder& recorder, RunState& state) {
  SweepRow failed;
  ScopedRunState scoped(state);
  try {
    recorder.record_run(slot,
                        setup.run(config, data.data,
                                  [&state](int32_t done, int32_t total) { state.on_day_done(done, total); }),
                        data.data, std::string());
    return true;
  } catch (const RunCancelled&) {
    return false;  // interrupted: no row
  } catch (const UserError& e) {
    failed.error = e.what();
  } catch (const StrategyError& e) {
    failed.error = std::string("strategy error: ") + e.what();
  } catch (const std::exception& e) {
    failed.error = std::string("internal error: ") + e.what();
  }
  failed.status = "error";
  recorder.record_failure(slot, std::move(failed), std::string());
  return true;
}

py::dict row_to_python(const SweepRow& row, int64_t rank) {
  py::dict out;
  out["index"] = row.variant.index;
  out["id"] = row.variant.id;
  out["overrides"] = to_python(row.variant.overrides);
  out["status"] = row.status;
  out["error"] = row.error;
  out["metrics"] = to_python(row.metrics);
  out["trades_hash"] = row.trades_hash;
  out["dir"] = row.dir;
  out["rank"] = rank;
  return out;
}

}  // namespace

py::dict run_sweep(const std::shared_ptr<cli::RunSetup>& setup, const SweepRequest& request) {
  if (request.jobs < 1) throw ConfigError("jobs: expected at least 1");
  const SweepPlan plan = parse_sweep_plan(request.plan, request.plan_where);
  std::vector<RunConfig> configs;
  for (const SweepVariant& v : plan.variants) {
    try {
      configs.push_back(setup->parse(apply_variant(request.base, v), request.base_dir));
    } catch (const ConfigError& e) {
      throw ConfigError("variant " + v.id + " " + v.overrides.dump() + ": " + e.what());
    }
  }
  SweepHeader header;
  header.base_config = request.base;
  header.plan = request.plan;
  header.kind = plan.kind;
  header.paths = plan.paths;
  header.total_variants = static_cast<int64_t>(plan.variants.size());
  header.shards = {SweepShard{}};
  header.rank_by = request.rank_by;
  header.plugins = setup->loaded_plugins();
  SweepRecorder recorder(header, plan.variants, request.out_dir, request.keep, request.jobs);
  std::vector<const LoadedData*> data;
  std::optional<OutputLock> output_lock;
  {
    py::gil_scoped_release nogil;
    for (RunConfig& c : configs) data.push_back(&setup->data(c));
    if (!request.out_dir.empty()) {
      output_lock.emplace(request.out_dir);  // one writer per sweep directory
      remove_stale_outputs(request.out_dir);
      recorder.begin(false, {});
    }
  }

  const size_t n = plan.variants.size();
  std::vector<RunState> states(n);
  std::atomic<bool> cancel{false};
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable finished;
  size_t workers_done = 0;
  const unsigned threads = static_cast<unsigned>(std::min<size_t>(request.jobs, std::max<size_t>(n, 1)));
  PyRef interrupt;
  const auto t0 = std::chrono::steady_clock::now();
  {
    py::gil_scoped_release nogil;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (size_t i = next.fetch_add(1); i < n && !cancel.load(); i = next.fetch_add(1)) {
          states[i].data_owner = setup;
          states[i].cancel = &cancel;
          run_variant(*setup, i, configs[i], *data[i], recorder, states[i]);
        }
        std::lock_guard lock(mutex);
        ++workers_done;
        finished.notify_all();
      });
    // Wait, checking for Ctrl-C (the handlers run on the main thread only).
    std::unique_lock lock(mutex);
    while (workers_done < threads) {
      finished.wait_for(lock, kSignalCheckInterval);
      if (!request.main_thread || cancel.load() || workers_done == threads) continue;
      lock.unlock();
      {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {
          const py::error_already_set raised;
          interrupt = PyRef(raised.value());
          cancel.store(true);
        }
      }
      lock.lock();
    }
    lock.unlock();
    for (std::thread& t : pool) t.join();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // A Python strategy's KeyboardInterrupt (raised in a worker's callback) cancels only its variant: it is
  // reported as an interruption too.
  for (RunState& s : states)
    if (!interrupt && s.interrupt) interrupt = s.interrupt;

  const std::vector<SweepRow> finished_rows = recorder.rows();
  const bool complete = finished_rows.size() == n;
  std::vector<SweepRow> ranked;
  {
    py::gil_scoped_release nogil;  // Python strategies of kept variants may run again (after a resume only)
    ranked = recorder.finish(complete, [&](size_t slot) {
      return run_output_files(setup->run(configs[slot], data[slot]->data), data[slot]->data);
    });
  }
  if (interrupt) {
    py::object value = interrupt.get();
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(value.ptr())), value.ptr());
    throw py::error_already_set();
  }
  std::vector<int64_t> rank_of(n, 0);
  std::vector<std::string> dir_of(n);
  for (size_t r = 0; r < ranked.size(); ++r) {
    rank_of[static_cast<size_t>(ranked[r].variant.index)] = static_cast<int64_t>(r + 1);
    dir_of[static_cast<size_t>(ranked[r].variant.index)] = ranked[r].dir;
  }
  py::list out_rows;
  for (SweepRow row : finished_rows) {
    row.dir = dir_of[static_cast<size_t>(row.variant.index)];
    out_rows.append(row_to_python(row, rank_of[static_cast<size_t>(row.variant.index)]));
  }
  py::dict out;
  out["rows"] = out_rows;
  out["complete"] = complete;
  out["seconds"] = seconds;
  out["jobs"] = threads;
  return out;
}

}  // namespace abt::python
