#include "app/python/py_context.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "app/python/numpy_views.hpp"
#include "engine/core/error.hpp"
#include "engine/data/board.hpp"

namespace py = pybind11;

namespace abt::python {

Frequency frequency_arg(const std::string& text, const char* what) {
  const auto f = parse_frequency(text);
  if (!f) throw ConfigError(std::string(what) + ": unknown frequency '" + text + "' (expected 1d or 60m)");
  return *f;
}

PyContext::PyContext(py::object view_base) : view_base_(std::move(view_base)) {}

Context& PyContext::ctx() const {
  if (ctx_ == nullptr)
    throw std::runtime_error("abt.Context: used outside the callbacks of its run (the run is over)");
  return *ctx_;
}

py::object PyContext::today() const {
  const Context& c = ctx();
  return to_date(c.calendar().day(std::max(c.today_index(), 0)));
}

py::object PyContext::now() const {
  return to_datetime(ctx().now());
}

py::array PyContext::calendar() {
  if (!calendar_) calendar_ = dates_array(ctx().calendar().days());
  return calendar_;
}

DataHandle PyContext::field(const std::string& name, const std::string& freq) const {
  return ctx().field(frequency_arg(freq, "Context.field"), name);
}

DataHandle PyContext::series(const std::string& name) const {
  return ctx().series(name);
}

bool PyContext::has_field(const std::string& name, const std::string& freq) const {
  return ctx().has_field(frequency_arg(freq, "Context.has_field"), name);
}

bool PyContext::has_frequency(const std::string& freq) const {
  return ctx().has_frequency(frequency_arg(freq, "Context.has_frequency"));
}

py::array PyContext::history(py::handle field, int32_t length, const std::string& freq) const {
  Context& c = ctx();
  const DataHandle handle = py::isinstance<DataHandle>(field)
                                ? field.cast<DataHandle>()
                                : c.field(frequency_arg(freq, "Context.history"), field.cast<std::string>());
  const HistoryView view = c.history(handle, length);
  const int32_t rows = view.size();
  if (!view.contiguous()) {
    // Derived instruments are appended beside the stored columns (engine/data/panel.hpp): copy the window.
    std::vector<float> window(static_cast<size_t>(rows) * static_cast<size_t>(view.cols()));
    view.copy_rows(window.data());
    return readonly_copy(window, rows, view.cols());
  }
  const float* oldest = rows > 0 ? view.row(rows - 1).data() : handle.panel->data();
  return readonly_matrix(oldest, rows, view.cols(), view_base_);
}

py::array PyContext::instrument_ids(const std::string& kind, const std::optional<std::string>& board) const {
  InstrumentKind k;
  if (kind == "stock")
    k = InstrumentKind::Stock;
  else if (kind == "index")
    k = InstrumentKind::Index;
  else
    throw ConfigError("Context.instrument_ids: kind '" + kind + "' (expected stock or index)");
  std::optional<Board> b;
  if (board) {
    for (int v = 0; v <= static_cast<int>(Board::Other); ++v)
      if (board_name(static_cast<Board>(v)) == *board) b = static_cast<Board>(v);
    if (!b)
      throw ConfigError("Context.instrument_ids: board '" + *board +
                        "' (expected sh_main, star, sz_main, chinext, beijing, index or other)");
  }
  const std::vector<InstrumentId> ids = ctx().instrument_ids(k, b);
  return int32_array(ids);
}

py::dict PyContext::instrument(InstrumentId id) const {
  const Instrument& ins = ctx().instrument(id);
  py::dict out;
  out["id"] = id;
  out["symbol"] = ins.symbol;
  out["name"] = ins.name;
  out["kind"] = ins.kind == InstrumentKind::Stock ? "stock" : "index";
  out["board"] = std::string(board_name(ins.board));
  out["list_date"] = ins.list_date == Date::min() ? py::object(py::none()) : to_date(ins.list_date);
  out["delist_date"] = ins.delist_date == Date::max() ? py::object(py::none()) : to_date(ins.delist_date);
  return out;
}

const py::list& PyContext::symbols() {
  if (symbols_.empty()) {
    const Context& c = ctx();
    for (InstrumentId i = 0; i < c.instrument_count(); ++i) symbols_.append(c.instrument(i).symbol);
  }
  return symbols_;
}

py::array PyContext::code_rank() {
  if (!code_rank_) {
    const Context& c = ctx();
    std::vector<int32_t> order(static_cast<size_t>(c.instrument_count()));
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
    std::sort(order.begin(), order.end(),
              [&](int32_t a, int32_t b) { return c.instrument(a).symbol < c.instrument(b).symbol; });
    std::vector<int32_t> rank(order.size());
    for (size_t r = 0; r < order.size(); ++r) rank[static_cast<size_t>(order[r])] = static_cast<int32_t>(r);
    code_rank_ = int32_array(rank);
  }
  return code_rank_;
}

TradingStatus PyContext::status(InstrumentId id) const {
  return ctx().status(id);
}

py::dict PyContext::statuses(py::handle ids) const {
  const Context& c = ctx();
  std::vector<int32_t> list;
  if (ids.is_none()) {
    list.resize(static_cast<size_t>(c.instrument_count()));
    for (size_t i = 0; i < list.size(); ++i) list[i] = static_cast<int32_t>(i);
  } else {
    const auto a = py::array_t<int32_t, py::array::c_style | py::array::forcecast>::ensure(ids);
    if (!a) throw py::type_error("Context.statuses: ids must be an array of instrument ids");
    list.assign(a.data(), a.data() + a.size());
  }
  const auto n = static_cast<py::ssize_t>(list.size());
  py::array_t<bool> listed(n), suspended(n), up(n), down(n);
  py::array_t<float> st(n);
  py::array_t<int32_t> days(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    const TradingStatus s = c.status(list[static_cast<size_t>(i)]);
    listed.mutable_at(i) = s.listed;
    suspended.mutable_at(i) = s.suspended;
    up.mutable_at(i) = s.at_limit_up;
    down.mutable_at(i) = s.at_limit_down;
    st.mutable_at(i) = s.st;
    days.mutable_at(i) = s.days_listed;
  }
  py::dict out;
  out["listed"] = listed;
  out["suspended"] = suspended;
  out["at_limit_up"] = up;
  out["at_limit_down"] = down;
  out["st"] = st;
  out["days_listed"] = days;
  return out;
}

py::array PyContext::positions() const {
  const Context& c = ctx();
  py::array_t<double> out(c.instrument_count());
  for (InstrumentId i = 0; i < c.instrument_count(); ++i) out.mutable_at(i) = c.position(i);
  return out;
}

py::array PyContext::holdings() const {
  const Context& c = ctx();
  std::vector<int32_t> held;
  for (InstrumentId i = 0; i < c.instrument_count(); ++i)
    if (c.position(i) != 0) held.push_back(i);
  return int32_array(held);
}

void PyContext::target_weights(py::handle ids, py::handle weights, bool exit_others) {
  Context& c = ctx();
  const auto id_array = py::array_t<int64_t, py::array::c_style | py::array::forcecast>::ensure(ids);
  if (!id_array || id_array.ndim() > 1)
    throw py::type_error("Context.target_weights: ids must be a 1-d array of instrument ids");
  const py::ssize_t n = id_array.size();
  targets_.clear();
  targets_.reserve(static_cast<size_t>(n));
  const auto w = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(weights);
  if (!w || w.ndim() > 1 || (w.ndim() == 1 && w.size() != n))
    throw py::value_error("Context.target_weights: expected one weight per id (" + std::to_string(n) +
                          ") or a single number");
  const bool single = w.ndim() == 0;  // one number for every id
  for (py::ssize_t i = 0; i < n; ++i)
    targets_.push_back({static_cast<InstrumentId>(id_array.data()[i]), w.data()[single ? 0 : i]});
  c.target_weights(targets_, exit_others);
}

TimerId PyContext::schedule(const std::string& text) {
  const auto s = parse_schedule(text);
  if (!s)
    throw ConfigError(
        "Context.schedule: unknown schedule '" + text +
        "' (expected daily, every:N, weekly, biweekly, weeks:N, month_start, month_end, optionally "
        "with a phase :K)");
  return ctx().schedule(*s);
}

void PyContext::subscribe(const std::string& freq) {
  ctx().subscribe(frequency_arg(freq, "Context.subscribe"));
}

void PyContext::log(const std::string& message, const std::string& level) {
  const LogLevel l = level == "debug"                        ? LogLevel::Debug
                     : level == "warn" || level == "warning" ? LogLevel::Warn
                     : level == "error"                      ? LogLevel::Error
                                                             : LogLevel::Info;
  ctx().log(l, message);
}

SignalHandle PyContext::declare_signal(const std::string& name, const std::string& freq,
                                       const std::vector<double>& levels) {
  const SignalHandle h =
      ctx().declare_signal(name, frequency_arg(freq, "Context.declare_signal"), SignalStyle{levels});
  signals_.emplace(name, h);
  return h;
}

void PyContext::record(py::handle signal, double value) {
  Context& c = ctx();
  if (PyLong_Check(signal.ptr())) {
    c.record(signal.cast<SignalHandle>(), value);
    return;
  }
  const std::string name = signal.cast<std::string>();
  auto it = signals_.find(name);
  if (it == signals_.end()) it = signals_.emplace(name, c.declare_signal(name, Frequency::Daily, {})).first;
  c.record(it->second, value);
}

WarningHandle PyContext::declare_warning(const std::string& kind, const std::string& subject,
                                         const std::string& message) {
  WarningLog* log = ctx().warnings();
  return log ? log->declare(kind, subject, message) : -1;
}

void PyContext::count_warning(WarningHandle handle, int64_t n) {
  Context& c = ctx();
  if (WarningLog* log = c.warnings()) log->count(handle, c.calendar().day(std::max(c.today_index(), 0)), n);
}

}  // namespace abt::python
