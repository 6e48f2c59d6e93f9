#include "app/python/run_handle.hpp"

#include "app/python/json_convert.hpp"
#include "app/run/html_report.hpp"
#include "app/run/output_dir.hpp"
#include "app/run/regression.hpp"
#include "app/run/result_writer.hpp"
#include "app/run/run_store.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace py = pybind11;

namespace abt::python {

RunHandle::RunHandle(std::shared_ptr<cli::RunSetup> setup, RunConfig config, const LoadedData* data,
                     RunOutput output)
    : setup_(std::move(setup)), config_(std::move(config)), data_(data), output_(std::move(output)) {}

std::string RunHandle::csv(const std::string& name) const {
  const MarketData& data = data_->data;
  if (name == "equity") return equity_csv(output_);
  if (name == "trades") return trades_csv(output_, data);
  if (name == "positions") return positions_csv(output_, data);
  if (name == "rejections") return rejections_csv(output_, data);
  if (name == "round_trips") return round_trips_csv(output_, data);
  if (name == "signals") return signals_csv(output_.result.signals, Frequency::Daily);
  if (name == "signals_60m") return signals_csv(output_.result.signals, Frequency::Min60);
  throw py::value_error(
      "no output file '" + name +
      "' (expected equity, trades, positions, rejections, round_trips, signals, signals_60m)");
}

py::object RunHandle::document() const {
  nlohmann::json doc = result_document(output_);
  doc["trades_hash"] = trades_hash(trades_csv(output_, data_->data));
  return to_python(doc);
}

py::object RunHandle::golden() const {
  return to_python(golden_document(output_, data_->data));
}

std::string RunHandle::report_html() const {
  return html_report(output_, &data_->data);
}

nlohmann::json RunHandle::timing_json() const {
  return {{"load_seconds", data_->load_seconds},
          {"run_seconds", output_.run_seconds},
          {"bars", output_.result.bars},
          {"bars_per_second",
           output_.run_seconds > 0 ? static_cast<double>(output_.result.bars) / output_.run_seconds : 0.0},
          {"events", output_.result.events}};
}

py::object RunHandle::timing() const {
  return to_python(timing_json());
}

void RunHandle::save(const std::string& dir, bool record) const {
  {
    py::gil_scoped_release nogil;
    const OutputLock lock(dir);  // one writer per directory, as for `abt run`
    write_run_outputs(
        output_, data_->data, dir,
        {{"report.html", html_report(output_, &data_->data)}, {"timing.json", timing_json().dump(2) + "\n"}});
  }
  if (!record) return;
  try {
    if (const auto store_file = RunStore::file_for(dir)) {
      nlohmann::json doc = result_document(output_);
      doc["trades_hash"] = trades_hash(trades_csv(output_, data_->data));
      RunStore(*store_file).record_run(doc, dir);
    }
  } catch (const UserError& e) {
    // Bookkeeping only, as for `abt run`: a Python warning, not an error.
    if (PyErr_WarnEx(PyExc_RuntimeWarning, e.what(), 1) != 0) throw py::error_already_set();
  }
}

}  // namespace abt::python
