// abt.Dataset's C++ half (abt/_dataset.py adds the pandas views): market data loaded like a run's "data"
// ({"dataset": PATH} memory-maps an abt dataset; any other spec is generated or imported into the cache and
// then mapped, data_adapters/data_loader.hpp), exposed as read-only NumPy arrays that view the panels
// without copying. Every array's base object owns a reference to the loaded data, so the memory map stays
// valid while any array (or DataFrame over one) lives, even after the Dataset object is gone.
#include <memory>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "app/python/json_convert.hpp"
#include "app/python/numpy_views.hpp"
#include "app/python/py_context.hpp"
#include "data_adapters/data_loader.hpp"
#include "engine/core/error.hpp"
#include "engine/data/board.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace abt::python {
namespace {

class PyDataset {
 public:
  PyDataset(const py::object& spec, const std::string& base_dir) {
    const nlohmann::json parsed = from_python(spec, "data");
    py::gil_scoped_release nogil;
    loaded_ = std::make_shared<LoadedData>(load_market_data(parsed, base_dir));
  }

  const MarketData& data() const { return loaded_->data; }

  const BarData& bars(const std::string& freq) const {
    const BarData* b = data().bars(frequency_arg(freq, "Dataset"));
    if (b == nullptr) throw ConfigError("Dataset: the data has no " + freq + " bars");
    return *b;
  }

  py::array field(const std::string& name, const std::string& freq) const {
    const BarData& b = bars(freq);
    const Panel* panel = b.find_field(name);
    if (panel == nullptr || panel->empty())
      throw ConfigError("Dataset.field: no field '" + name + "' in the " + freq +
                        " data (fields: " + field_list(b) + ")");
    if (!panel->contiguous()) return readonly_copy(contiguous_values(*panel), panel->rows(), panel->cols());
    return readonly_matrix(panel->data(), panel->rows(), panel->cols(), base());
  }

  py::array series(const std::string& name) const {
    const auto it = data().series.find(name);
    if (it == data().series.end()) throw ConfigError("Dataset.series: no series '" + name + "'");
    return readonly_vector(it->second.data(), it->second.rows(), it->second.cols(), base());
  }

  std::vector<std::string> fields(const std::string& freq) const {
    const BarData& b = bars(freq);
    std::vector<std::string> out;
    for (int f = 0; f < kFieldCount; ++f)
      if (b.has(static_cast<Field>(f))) out.emplace_back(field_name(static_cast<Field>(f)));
    for (const auto& [name, panel] : b.extra) out.push_back(name);
    return out;
  }

  py::dict instruments() const {
    py::list symbol, name, kind, board, list_date, delist_date;
    for (const Instrument& ins : data().instruments) {
      symbol.append(ins.symbol);
      name.append(ins.name);
      kind.append(ins.kind == InstrumentKind::Stock ? "stock" : "index");
      board.append(std::string(board_name(ins.board)));
      list_date.append(ins.list_date == Date::min() ? py::object(py::none()) : to_date(ins.list_date));
      delist_date.append(ins.delist_date == Date::max() ? py::object(py::none()) : to_date(ins.delist_date));
    }
    return py::dict("symbol"_a = symbol, "name"_a = name, "kind"_a = kind, "board"_a = board,
                    "list_date"_a = list_date, "delist_date"_a = delist_date);
  }

  std::vector<std::string> symbols() const {
    std::vector<std::string> out;
    out.reserve(data().instruments.size());
    for (const Instrument& ins : data().instruments) out.push_back(ins.symbol);
    return out;
  }

  py::object resolved_spec() const { return to_python(loaded_->resolved_spec); }

 private:
  static std::string field_list(const BarData& b) {
    std::string out;
    for (int f = 0; f < kFieldCount; ++f)
      if (b.has(static_cast<Field>(f)))
        out += (out.empty() ? "" : ", ") + std::string(field_name(static_cast<Field>(f)));
    for (const auto& [name, panel] : b.extra) out += ", " + name;
    return out;
  }
  py::object base() const {
    if (!base_) base_ = keep_alive_capsule(loaded_);
    return base_;
  }

  std::shared_ptr<LoadedData> loaded_;
  mutable py::object base_;
};

}  // namespace

void bind_dataset(py::module_& m) {
  py::class_<PyDataset>(m, "Dataset", "Market data as read-only NumPy views (use abt.Dataset).")
      .def(py::init<const py::object&, const std::string&>(), "spec"_a, "base_dir"_a = "")
      .def("field", &PyDataset::field, "name"_a, "freq"_a = "1d")
      .def("series", &PyDataset::series, "name"_a)
      .def("fields", &PyDataset::fields, "freq"_a = "1d")
      .def_property_readonly("series_names",
                             [](const PyDataset& d) {
                               std::vector<std::string> out;
                               for (const auto& [name, panel] : d.data().series) out.push_back(name);
                               return out;
                             })
      .def_property_readonly("symbols", &PyDataset::symbols)
      .def_property_readonly("instruments", &PyDataset::instruments)
      .def_property_readonly("calendar",
                             [](const PyDataset& d) { return dates_array(d.data().calendar.days()); })
      .def(
          "stamps",
          [](const PyDataset& d, const std::string& freq) { return stamps_array(d.bars(freq).stamps); },
          "freq"_a = "1d")
      .def_property_readonly("has_hourly", [](const PyDataset& d) { return d.data().hourly.has_value(); })
      .def_property_readonly("fingerprint", [](const PyDataset& d) { return d.data().fingerprint; })
      .def_property_readonly("source", [](const PyDataset& d) { return d.data().source; })
      .def_property_readonly("spec", &PyDataset::resolved_spec);
}

}  // namespace abt::python
