// Bindings of the run layer: run, sweep, golden comparison, the strategy list and the config helpers of the
// command line (read_json_file, apply_override), for abt/_api.py. Every function takes the setup of one call:
// plugins (paths) and Python strategies (specs, abt/_strategy.py), registered next to the built-ins exactly
// as `abt` registers plugins (app/cli/run_setup.hpp).
#include <thread>

#include <pybind11/stl.h>

#include "app/python/json_convert.hpp"
#include "app/python/py_errors.hpp"
#include "app/python/py_strategy.hpp"
#include "app/python/run_handle.hpp"
#include "app/python/run_state.hpp"
#include "app/python/sweep_runner.hpp"
#include "app/run/config_file.hpp"
#include "app/run/regression.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/run_cancelled.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace abt::python {
namespace {

std::shared_ptr<cli::RunSetup> make_setup(const std::vector<std::string>& plugins, py::handle strategies,
                                          bool quiet) {
  auto setup = std::make_shared<cli::RunSetup>(plugins, quiet);
  for (const py::handle s : strategies) {
    const PyStrategySpec spec = spec_from_python(s);
    setup->add_strategy(python_strategy_info(spec), spec.origin);
  }
  return setup;
}

[[noreturn]] void raise_interrupt(const RunState& state) {
  if (state.interrupt) {
    const py::object value = state.interrupt.get();
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(value.ptr())), value.ptr());
  } else {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
  }
  throw py::error_already_set();
}

py::handle cause_of(const RunState& state) {
  return state.strategy_exception ? state.strategy_exception.handle() : py::handle(Py_None);
}

std::shared_ptr<RunHandle> run(const py::dict& config, const std::string& base_dir,
                               const std::vector<std::string>& plugins, const py::list& strategies,
                               bool quiet, bool main_thread, const py::object& progress) {
  auto setup = make_setup(plugins, strategies, quiet);
  RunConfig parsed = setup->parse(from_python(config), base_dir);
  const LoadedData* loaded = nullptr;
  {
    py::gil_scoped_release nogil;
    loaded = &setup->data(parsed);
  }
  RunState state;
  state.data_owner = setup;
  state.check_signals = main_thread;
  if (!progress.is_none()) state.progress = PyRef(progress);
  const ScopedRunState scoped(state);
  RunOutput output;
  try {
    py::gil_scoped_release nogil;
    output = setup->run(parsed, loaded->data,
                        [&state](int32_t done, int32_t total) { state.on_day_done(done, total); });
  } catch (const RunCancelled&) {
    raise_interrupt(state);
  } catch (const StrategyError& e) {
    throw strategy_error(e, cause_of(state));
  } catch (const ConfigError& e) {
    if (!state.strategy_exception) throw;
    throw chained_error(error_types().config, e.what(), cause_of(state));  // from a Python on_start
  } catch (const DataError& e) {
    if (!state.strategy_exception) throw;
    throw chained_error(error_types().data, e.what(), cause_of(state));
  }
  return std::make_shared<RunHandle>(setup, std::move(parsed), loaded, std::move(output));
}

py::dict sweep(const py::dict& config, const std::string& base_dir, const py::object& plan,
               const std::string& plan_where, unsigned jobs, const std::string& out_dir,
               const std::string& rank_by, const std::string& keep, const std::vector<std::string>& plugins,
               const py::list& strategies, bool quiet, bool main_thread) {
  auto setup = make_setup(plugins, strategies, quiet);
  SweepRequest request;
  request.base = from_python(config);
  request.base_dir = base_dir;
  request.plan = from_python(plan, plan_where);
  request.plan_where = plan_where;
  request.jobs = jobs;
  request.out_dir = out_dir;
  request.rank_by = rank_by;
  request.keep = KeepPolicy::parse(keep, "keep");
  request.main_thread = main_thread;
  return run_sweep(setup, request);
}

py::dict compare_golden(const py::object& golden, const py::object& now, const py::object& tolerances,
                        const std::vector<std::string>& assignments, bool all) {
  ToleranceSet set;
  if (!tolerances.is_none()) set = ToleranceSet::from_json(from_python(tolerances), "tolerances");
  for (const auto& a : assignments) set.apply_assignment(a);
  const GoldenComparison c = compare_with_golden(from_python(golden, "golden", NonFinite::Null),
                                                 from_python(now, "now", NonFinite::Null), set);
  py::list checks;
  for (const GoldenCheck& k : c.checks)
    checks.append(py::dict("item"_a = k.item, "golden"_a = k.golden, "now"_a = k.now,
                           "tolerance"_a = k.tolerance, "ok"_a = k.ok));
  py::dict out;
  out["ok"] = c.ok();
  out["checks"] = checks;
  out["plugin_changes"] = c.plugin_changes;
  out["text"] = format_comparison(c, all);
  return out;
}

py::list strategies(const std::vector<std::string>& plugins, const py::list& python_strategies) {
  const auto setup = make_setup(plugins, python_strategies, true);
  py::list out;
  for (const StrategyInfo& info : setup->registry().all()) {
    py::list params;
    for (const ParamDoc& p : info.params)
      params.append(py::dict("name"_a = p.name, "type"_a = p.type, "default"_a = to_python(p.default_value),
                             "doc"_a = p.doc, "constraint"_a = p.constraint));
    const LoadedPlugin* plugin = setup->libraries().owner_of(info.name);
    out.append(py::dict("name"_a = info.name, "summary"_a = info.summary, "params"_a = params,
                        "plugin"_a = plugin ? plugin->path.string() : std::string()));
  }
  return out;
}

}  // namespace

void bind_runs(py::module_& m) {
  py::class_<RunHandle, std::shared_ptr<RunHandle>>(m, "RunHandle", "One finished run (use abt.Result).")
      .def("csv", &RunHandle::csv, "name"_a)
      .def("document", &RunHandle::document)
      .def("golden", &RunHandle::golden)
      .def("report_html", &RunHandle::report_html)
      .def("timing", &RunHandle::timing)
      .def("save", &RunHandle::save, "dir"_a, "record"_a = true);
  m.def("run", &run, "config"_a, "base_dir"_a, "plugins"_a, "strategies"_a, "quiet"_a, "main_thread"_a,
        "progress"_a);
  m.def("sweep", &sweep, "config"_a, "base_dir"_a, "plan"_a, "plan_where"_a, "jobs"_a, "out_dir"_a,
        "rank_by"_a, "keep"_a, "plugins"_a, "strategies"_a, "quiet"_a, "main_thread"_a);
  m.def("compare_golden", &compare_golden, "golden"_a, "now"_a, "tolerances"_a, "assignments"_a, "all"_a);
  m.def("strategies", &strategies, "plugins"_a, "strategies"_a);
  m.def(
      "read_json_file", [](const std::string& path) { return to_python(read_json_file(path)); }, "path"_a,
      "A JSON file, with abt's errors (FILE: line L, column C: invalid JSON).");
  m.def(
      "apply_override",
      [](const py::object& config, const std::string& assignment) {
        nlohmann::json c = from_python(config);
        apply_override(c, assignment);
        return to_python(c);
      },
      "config"_a, "assignment"_a, "`abt run --set key.path=value` on a copy of config.");
  m.def(
      "write_json_file",
      [](const std::string& path, const py::object& value) {
        write_file_atomically(path, from_python(value, "", NonFinite::Null).dump(2) + "\n");
      },
      "path"_a, "value"_a, "Writes JSON as abt writes its files (2-space indent, atomically).");
  m.def("hardware_concurrency", [] { return std::max(1u, std::thread::hardware_concurrency()); });
}

}  // namespace abt::python
