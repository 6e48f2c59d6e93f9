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
#include "app/run/result_writer.hpp"
#include "app/run/sweep_plan.hpp"
#include "app/run/sweep_table.hpp"
#include "engine/core/error.hpp"
#include "engine/core/run_cancelled.hpp"

namespace py = pybind11;

namespace abt::python {
namespace {

/// One variant, on a worker thread (no GIL held).
std::optional<SweepRow> run_variant(const cli::RunSetup& setup, const SweepVariant& variant,
                                    const RunConfig& config, const LoadedData& data,
                                    const std::filesystem::path& out_dir, RunState& state) {
  SweepRow row;
  row.variant = variant;
  if (!out_dir.empty()) row.dir = (std::filesystem::path("variants") / variant.id).string();
  ScopedRunState scoped(state);
  try {
    const RunOutput output = setup.run(
        config, data.data, [&state](int32_t done, int32_t total) { state.on_day_done(done, total); });
    row.metrics = metrics_to_json(output.metrics);
    const std::string trades = trades_csv(output, data.data);
    row.trades_hash = trades_hash(trades);
    if (!out_dir.empty()) write_run_outputs(output, data.data, out_dir / row.dir);
  } catch (const RunCancelled&) {
    return std::nullopt;  // interrupted: no row
  } catch (const UserError& e) {
    row.status = "error";
    row.error = e.what();
    row.dir.clear();
  } catch (const StrategyError& e) {
    row.status = "error";
    row.error = std::string("strategy error: ") + e.what();
    row.dir.clear();
  } catch (const std::exception& e) {
    row.status = "error";
    row.error = std::string("internal error: ") + e.what();
    row.dir.clear();
  }
  return row;
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
  std::vector<const LoadedData*> data;
  {
    py::gil_scoped_release nogil;
    for (RunConfig& c : configs) data.push_back(&setup->data(c));
    if (!request.out_dir.empty()) std::filesystem::create_directories(request.out_dir / "variants");
  }

  const size_t n = plan.variants.size();
  std::vector<std::optional<SweepRow>> rows(n);
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
          rows[i] = run_variant(*setup, plan.variants[i], configs[i], *data[i], request.out_dir, states[i]);
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

  std::vector<SweepRow> finished_rows;
  for (auto& r : rows)
    if (r) finished_rows.push_back(*r);
  const bool complete = finished_rows.size() == n;
  if (!request.out_dir.empty()) {
    SweepHeader header;
    header.base_config = request.base;
    header.plan = request.plan;
    header.kind = plan.kind;
    header.paths = plan.paths;
    header.total_variants = static_cast<int64_t>(n);
    header.shards = {SweepShard{}};
    header.rank_by = request.rank_by;
    header.plugins = setup->loaded_plugins();
    header.complete = complete;
    write_sweep(request.out_dir, header, finished_rows);
  }
  if (interrupt) {
    py::object value = interrupt.get();
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(value.ptr())), value.ptr());
    throw py::error_already_set();
  }
  const std::vector<SweepRow> ranked = rank_rows(finished_rows, request.rank_by);
  std::vector<int64_t> rank_of(n, 0);
  for (size_t r = 0; r < ranked.size(); ++r)
    rank_of[static_cast<size_t>(ranked[r].variant.index)] = static_cast<int64_t>(r + 1);
  py::list out_rows;
  for (const SweepRow& row : finished_rows)
    out_rows.append(row_to_python(row, rank_of[static_cast<size_t>(row.variant.index)]));
  py::dict out;
  out["rows"] = out_rows;
  out["complete"] = complete;
  out["seconds"] = seconds;
  out["jobs"] = threads;
  return out;
}

}  // namespace abt::python
