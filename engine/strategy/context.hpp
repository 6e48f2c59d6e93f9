#pragma once
// Context: the strategy's only door to the engine (architecture guide). Everything it returns ends at the
// current simulated time: history views cannot reach later bars. For a frequency f, "now" is the last bar
// of f that has closed at now(): during the 10:30 hourly BarClose of day t the daily history ends at t-1.
//
// Contract for the per-bar path: resolve names (symbols, extra fields, series) once in on_start(); the
// per-bar calls take ids and handles and do no string or map lookups.
//
// Contracts the rest of the docs leave open:
//   - a HistoryView stays valid for the whole run (it views the immutable data), but it ends at the time it
//     was taken: take a new one in each callback to see newer bars;
//   - target weights are fractions of NAV at the fill; they may sum to more than 1, but cash never goes
//     negative: buys are then scaled down together (strategies.md section 6, reason `cash`);
//   - orders placed in on_finish are never executed;
//   - a strategy that throws stops the run: the error names the strategy, the simulated time and the
//     callback (a strategy error, not an engine one);
//   - setup-time calls (find_instrument, field, series, instrument_ids, has_field) may allocate and look up
//     names; per-bar calls (history, position, status, orders) do not.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/core/frequency.hpp"
#include "engine/core/time.hpp"
#include "engine/core/warning_log.hpp"
#include "engine/data/data_provenance.hpp"
#include "engine/data/field.hpp"
#include "engine/data/history_view.hpp"
#include "engine/data/instrument.hpp"
#include "engine/strategy/order.hpp"
#include "engine/strategy/queries.hpp"
#include "engine/strategy/schedule.hpp"
#include "engine/strategy/signal_table.hpp"

namespace abt {

/// A resolved data column: a field of a frequency, or an external series (frequency Daily, one column).
struct DataHandle {
  const Panel* panel = nullptr;
  Frequency frequency = Frequency::Daily;
};

enum class LogLevel : uint8_t { Debug, Info, Warn, Error };

class Context {
 public:
  virtual ~Context() = default;

  // ---- time --------------------------------------------------------------------------------------
  /// Current simulated time (the close time of the bar being processed, or 09:30 / 15:00 for session events).
  virtual Timestamp now() const = 0;
  /// Index of today in calendar().
  virtual int32_t today_index() const = 0;
  virtual const TradingCalendar& calendar() const = 0;

  // ---- instruments and data ---------------------------------------------------------------------
  virtual int32_t instrument_count() const = 0;
  virtual const Instrument& instrument(InstrumentId id) const = 0;
  /// Setup-time lookup; nullopt when unknown.
  virtual std::optional<InstrumentId> find_instrument(std::string_view symbol) const = 0;
  /// True when frequency f is loaded.
  virtual bool has_frequency(Frequency f) const = 0;
  /// Setup-time lookup of a standard or extra field (throws ConfigError when absent).
  virtual DataHandle field(Frequency f, std::string_view name) const = 0;
  /// Setup-time lookup of an external series (throws ConfigError when absent).
  virtual DataHandle series(std::string_view name) const = 0;
  /// The last `length` closed bars of a handle, ending now.
  virtual HistoryView history(const DataHandle& handle, int32_t length) const = 0;
  /// Setup-time: true when field `name` (standard or extra) exists at frequency f.
  bool has_field(Frequency f, std::string_view name) const {
    if (!has_frequency(f)) return false;
    try {
      const DataHandle h = field(f, name);
      return h.panel != nullptr && !h.panel->empty();
    } catch (const std::exception&) {
      return false;
    }
  }
  /// Setup-time: ids of every instrument of `kind` (of `board` when given), ascending.
  std::vector<InstrumentId> instrument_ids(InstrumentKind kind,
                                           std::optional<Board> board = std::nullopt) const {
    std::vector<InstrumentId> out;
    for (InstrumentId i = 0; i < instrument_count(); ++i) {
      const Instrument& ins = instrument(i);
      if (ins.kind == kind && (!board || ins.board == *board)) out.push_back(i);
    }
    return out;
  }
  /// The market's view of `id` at the latest closed daily bar: listed, suspended, at limit-up / limit-down
  /// (date-, board-, ST- and listing-day-aware, whatever rules the run applies), ST status, days listed.
  virtual TradingStatus status(InstrumentId id) const = 0;
  /// The run's seed (config "seed"), for strategies that sample: seed their own generator with it.
  virtual uint64_t seed() const { return 0; }
  HistoryView history(Frequency f, Field fld, int32_t length) const {
    return history(field(f, field_name(fld)), length);
  }

  // ---- portfolio (valued at the latest marks) ------------------------------------------------------
  virtual double cash() const = 0;
  virtual double nav() const = 0;
  /// Shares held (total, including shares not yet sellable): a whole number unless the run holds fractional
  /// shares (execution.fractional_shares, the `ideal` profile; engine/core/quantity.hpp).
  virtual Quantity position(InstrumentId id) const = 0;
  /// Shares that may be sold now (with the T+1 rule, shares bought today are not). Default: position().
  virtual Quantity sellable(InstrumentId id) const { return position(id); }
  /// Quantity, sellable, average cost, mark, realised and unrealised P&L of one instrument.
  virtual PositionInfo position_info(InstrumentId id) const = 0;

  // ---- orders (executed per the fill mode; see docs/event-ordering.md) ------------------------------
  /// Sets target weights for the listed instruments; with exit_others, every other holding targets 0.
  virtual void target_weights(std::span<const WeightTarget> targets, bool exit_others = true) = 0;
  /// Sets a target position of `shares` >= 0; rounded down to whole shares and lots at the fill unless the
  /// instrument trades fractional shares.
  virtual void target_shares(InstrumentId id, Quantity shares) = 0;
  /// Buys (> 0) or sells (< 0) shares (rounded at the fill like target_shares).
  virtual void order_shares(InstrumentId id, Quantity delta) = 0;
  /// The pending intent of `id` (blocked ones are retried until filled, replaced or cancelled), if any.
  virtual std::optional<PendingOrderInfo> pending_order(InstrumentId id) const = 0;
  /// Every pending intent, in the order their instruments were first placed (allocates: not per bar).
  virtual std::vector<PendingOrderInfo> pending_orders() const = 0;
  /// Cancels the pending intent of `id`; true when there was one.
  virtual bool cancel(InstrumentId id) = 0;

  // ---- callbacks ---------------------------------------------------------------------------------
  /// Requests on_bar calls for BarClose events of frequency f (throws ConfigError when f is not loaded).
  virtual void subscribe(Frequency f) = 0;
  /// Registers a timer; on_timer receives the returned id.
  virtual TimerId schedule(const Schedule& schedule) = 0;

  /// Log line stamped with the simulated time.
  virtual void log(LogLevel level, std::string_view message) = 0;

  // ---- recorded signals --------------------------------------------------------------------------
  /// Setup-time: declares a signal, a named value per bar of frequency f (signals.csv / signals_60m.csv,
  /// report.html, result.json "files"), with reference levels for its chart. Default: not recorded (-1).
  virtual SignalHandle declare_signal(std::string_view name, Frequency f = Frequency::Daily,
                                      SignalStyle style = {}) {
    (void)name, (void)f, (void)style;
    return -1;
  }
  /// Records `value` for the latest closed bar of the signal's frequency (in on_bar(1d) and on_timer: today;
  /// at on_session_open: yesterday). A later record for the same bar replaces it. No lookup per call.
  virtual void record(SignalHandle signal, double value) { (void)signal, (void)value; }

  // ---- data honesty ------------------------------------------------------------------------------
  /// The run's structured warnings (result.json "warnings", the console, the report): declare a warning in
  /// on_start (WarningLog::declare), count its occurrences by handle on the days they happen. nullptr when
  /// the context records none (then do nothing). Default: nullptr.
  virtual WarningLog* warnings() { return nullptr; }
  /// What the data can support, e.g. the last day share counts are observed (data_provenance.hpp).
  virtual const DataProvenance& provenance() const {
    static const DataProvenance kUnknown;
    return kUnknown;
  }

  // ---- risk controls -----------------------------------------------------------------------------
  /// Signals that a drawdown stop may be lifted (config risk.reenter_on = "strategy"): a call on day t while
  /// stopped lifts the stop at the next session open. Ignored otherwise. Default: ignored.
  virtual void request_reentry() {}
};

}  // namespace abt
