// Bindings of abt.Context (py_context.hpp) and the plain values it hands out.
#include <pybind11/stl.h>

#include "app/python/numpy_views.hpp"
#include "app/python/py_context.hpp"
#include "app/python/py_universe.hpp"
#include "engine/core/error.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace abt::python {
namespace {

py::list reason_names(uint32_t bits) {
  py::list out;
  for (int r = 0; r < kRejectReasonCount; ++r)
    if (bits & (1u << r)) out.append(std::string(reject_reason_name(static_cast<RejectReason>(r))));
  return out;
}

void bind_values(py::module_& m) {
  py::class_<DataHandle>(m, "DataHandle", "A resolved data column (Context.field / Context.series).")
      .def_property_readonly("frequency",
                             [](const DataHandle& h) { return std::string(frequency_name(h.frequency)); })
      .def("__repr__", [](const DataHandle& h) {
        return "<abt.DataHandle " + std::string(frequency_name(h.frequency)) + ">";
      });

  py::class_<TradingStatus>(m, "TradingStatus", "The market's view of an instrument at the last daily close.")
      .def_readonly("listed", &TradingStatus::listed)
      .def_readonly("suspended", &TradingStatus::suspended)
      .def_readonly("at_limit_up", &TradingStatus::at_limit_up)
      .def_readonly("at_limit_down", &TradingStatus::at_limit_down)
      .def_readonly("st", &TradingStatus::st)
      .def_readonly("days_listed", &TradingStatus::days_listed)
      .def_readonly_static("LISTED_BEFORE_DATA", &TradingStatus::kListedBeforeData)
      .def("__repr__", [](const TradingStatus& s) {
        return "<abt.TradingStatus listed=" + std::to_string(s.listed) +
               " suspended=" + std::to_string(s.suspended) + " at_limit_up=" + std::to_string(s.at_limit_up) +
               " at_limit_down=" + std::to_string(s.at_limit_down) + ">";
      });

  py::class_<PositionInfo>(m, "PositionInfo", "One instrument of the account, valued at its latest mark.")
      .def_readonly("quantity", &PositionInfo::quantity)
      .def_readonly("sellable", &PositionInfo::sellable)
      .def_readonly("avg_cost", &PositionInfo::avg_cost)
      .def_readonly("mark", &PositionInfo::mark)
      .def_readonly("realized_pnl", &PositionInfo::realized_pnl)
      .def_readonly("unrealized_pnl", &PositionInfo::unrealized_pnl);

  py::class_<PendingOrderInfo>(m, "PendingOrder", "A pending intent of one instrument.")
      .def_readonly("instrument", &PendingOrderInfo::instrument)
      .def_readonly("has_target", &PendingOrderInfo::has_target)
      .def_property_readonly("target_kind",
                             [](const PendingOrderInfo& p) {
                               return p.target_kind == OrderKind::TargetWeight ? "weight" : "shares";
                             })
      .def_readonly("target", &PendingOrderInfo::target)
      .def_readonly("delta", &PendingOrderInfo::delta)
      .def_property_readonly("placed", [](const PendingOrderInfo& p) { return to_datetime(p.placed); })
      .def_property_readonly("reasons", [](const PendingOrderInfo& p) { return reason_names(p.reasons); })
      .def_property_readonly("blocked", &PendingOrderInfo::blocked);

  py::class_<Fill>(m, "Fill", "One execution (on_fill).")
      .def_property_readonly("time", [](const Fill& f) { return to_datetime(f.time); })
      .def_readonly("instrument", &Fill::instrument)
      .def_property_readonly("side", [](const Fill& f) { return std::string(side_name(f.side)); })
      .def_readonly("quantity", &Fill::quantity)
      .def_readonly("price", &Fill::price)
      .def_readonly("cost", &Fill::cost)
      .def_readonly("commission", &Fill::commission)
      .def_readonly("stamp_duty", &Fill::stamp_duty)
      .def_readonly("transfer_fee", &Fill::transfer_fee)
      .def_readonly("slippage", &Fill::slippage)
      .def("__repr__", [](const Fill& f) {
        return "<abt.Fill " + f.time.to_string() + " " + std::to_string(f.instrument) + " " +
               std::string(side_name(f.side)) + " " + std::to_string(f.quantity) + " @ " +
               std::to_string(f.price) + ">";
      });

  py::class_<Rejection>(m, "Rejection", "An intent blocked, reduced or dropped (on_reject).")
      .def_property_readonly("time", [](const Rejection& r) { return to_datetime(r.time); })
      .def_readonly("instrument", &Rejection::instrument)
      .def_property_readonly("reason",
                             [](const Rejection& r) { return std::string(reject_reason_name(r.reason)); });

  py::class_<PyMicrocapIndex>(
      m, "MicrocapIndex",
      "The built-in micro-cap index (docs/strategies/microcap_index.md): update(ctx) every "
      "daily bar, rank(ctx) when the members are needed.")
      .def(
          "update", [](PyMicrocapIndex& i, PyContext& c) { i.update(c.ctx()); }, "ctx"_a,
          "Processes every day up to today (call once per daily bar).")
      .def(
          "rank", [](PyMicrocapIndex& i, PyContext& c) { return i.rank(c.ctx()); }, "ctx"_a,
          "Ranks today: the members, int32 ids in ascending (market cap, code) order.")
      .def_property_readonly("members", &PyMicrocapIndex::members)
      .def("total_caps", &PyMicrocapIndex::total_caps,
           "Total market cap by id at the last rank (NaN: not eligible).")
      .def("caps", &PyMicrocapIndex::caps, "The ranking cap by id at the last rank (NaN: not eligible).")
      .def_property_readonly("level", &PyMicrocapIndex::level);
}

}  // namespace

void bind_context(py::module_& m) {
  bind_values(m);
  py::class_<PyContext>(
      m, "Context", "The strategy's door to the engine (docs/python.md). Arrays are NumPy; ids are int32.")
      // time
      .def_property_readonly("today", &PyContext::today, "Today (datetime.date).")
      .def_property_readonly("today_index", [](const PyContext& c) { return c.ctx().today_index(); })
      .def_property_readonly("now", &PyContext::now, "The simulated time (datetime.datetime).")
      .def_property_readonly("calendar", &PyContext::calendar, "Trading days (datetime64[D]).")
      // data
      .def("field", &PyContext::field, "name"_a, "freq"_a = "1d")
      .def("series", &PyContext::series, "name"_a)
      .def("has_field", &PyContext::has_field, "name"_a, "freq"_a = "1d")
      .def("has_frequency", &PyContext::has_frequency, "freq"_a)
      .def("history", &PyContext::history, "field"_a, "n"_a, "freq"_a = "1d",
           "The last n closed bars of a field (name or DataHandle): a read-only T x N float32 view, oldest "
           "row "
           "first (fewer rows at the start of the data).")
      // instruments
      .def_property_readonly("instrument_count",
                             [](const PyContext& c) { return c.ctx().instrument_count(); })
      .def(
          "find_instrument",
          [](const PyContext& c, const std::string& symbol) -> std::optional<int32_t> {
            return c.ctx().find_instrument(symbol);
          },
          "symbol"_a)
      .def("instrument_ids", &PyContext::instrument_ids, "kind"_a = "stock", "board"_a = py::none())
      .def("instrument", &PyContext::instrument, "id"_a)
      .def(
          "symbol", [](const PyContext& c, InstrumentId id) { return c.ctx().instrument(id).symbol; }, "id"_a)
      .def_property_readonly("symbols", &PyContext::symbols, "Every symbol, by id.")
      .def_property_readonly("code_rank", &PyContext::code_rank,
                             "Rank of each id's symbol in ascending order: the engine's tie-break.")
      .def("status", &PyContext::status, "id"_a)
      .def("statuses", &PyContext::statuses, "ids"_a = py::none(),
           "status() of many ids as arrays: listed, suspended, at_limit_up, at_limit_down, st, days_listed.")
      .def_property_readonly("seed", [](const PyContext& c) { return c.ctx().seed(); })
      // portfolio
      .def_property_readonly("cash", [](const PyContext& c) { return c.ctx().cash(); })
      .def_property_readonly("nav", [](const PyContext& c) { return c.ctx().nav(); })
      .def(
          "position", [](const PyContext& c, InstrumentId id) { return c.ctx().position(id); }, "id"_a)
      .def(
          "sellable", [](const PyContext& c, InstrumentId id) { return c.ctx().sellable(id); }, "id"_a)
      .def(
          "position_info", [](const PyContext& c, InstrumentId id) { return c.ctx().position_info(id); },
          "id"_a)
      .def("positions", &PyContext::positions, "Shares held by id (float64).")
      .def("holdings", &PyContext::holdings, "Ids with a nonzero position.")
      // orders
      .def("target_weights", &PyContext::target_weights, "ids"_a, "weights"_a, "exit_others"_a = true,
           "Target fractions of NAV (an array or one number for all); exit_others: every other holding to 0.")
      .def(
          "target_shares",
          [](PyContext& c, InstrumentId id, double shares) { c.ctx().target_shares(id, shares); }, "id"_a,
          "shares"_a)
      .def(
          "order_shares",
          [](PyContext& c, InstrumentId id, double delta) { c.ctx().order_shares(id, delta); }, "id"_a,
          "delta"_a)
      .def(
          "pending_order", [](const PyContext& c, InstrumentId id) { return c.ctx().pending_order(id); },
          "id"_a)
      .def("pending_orders", [](const PyContext& c) { return c.ctx().pending_orders(); })
      .def(
          "cancel", [](PyContext& c, InstrumentId id) { return c.ctx().cancel(id); }, "id"_a)
      // callbacks
      .def("subscribe", &PyContext::subscribe, "freq"_a = "1d")
      .def("schedule", &PyContext::schedule, "schedule"_a,
           "A timer (daily, every:N, weekly, biweekly, weeks:N, month_start, month_end, optional :K phase); "
           "returns the id on_timer receives.")
      .def("log", &PyContext::log, "message"_a, "level"_a = "info")
      .def("declare_signal", &PyContext::declare_signal, "name"_a, "freq"_a = "1d",
           "levels"_a = std::vector<double>{})
      .def("record", &PyContext::record, "signal"_a, "value"_a)
      .def("declare_warning", &PyContext::declare_warning, "kind"_a, "subject"_a, "message"_a)
      .def("count_warning", &PyContext::count_warning, "handle"_a, "n"_a = 1)
      .def("request_reentry", [](PyContext& c) { c.ctx().request_reentry(); })
      .def(
          "microcap_index",
          [](PyContext& c, int size, const std::string& rank_by, bool exclude_st, bool exclude_delisting,
             bool require_ipo_break, bool track_level) {
            MicrocapIndexParams p;
            p.size = size;
            p.rank_by = rank_by;
            p.exclude_st = exclude_st;
            p.exclude_delisting = exclude_delisting;
            p.require_ipo_break = require_ipo_break;
            if (size < 1) throw ConfigError("Context.microcap_index: size must be >= 1");
            if (rank_by != "total" && rank_by != "float")
              throw ConfigError("Context.microcap_index: rank_by must be total or float");
            return std::make_unique<PyMicrocapIndex>(c.ctx(), p, track_level);
          },
          "size"_a = 400, "rank_by"_a = "total", "exclude_st"_a = true, "exclude_delisting"_a = true,
          "require_ipo_break"_a = true, "track_level"_a = false,
          "The built-in micro-cap index bound to this run (call in on_start).");
}

}  // namespace abt::python
