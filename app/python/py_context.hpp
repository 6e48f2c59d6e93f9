#pragma once
// abt.Context: what a Python strategy's callbacks receive, the engine's Context (engine/strategy/context.hpp)
// for Python. Arrays are NumPy: history(field, n, freq) is a read-only T x N float32 view of the panel rows
// that have closed (lag 0 = the last row, no copy, no look-ahead: the engine's HistoryView); ids are int32.
// Valid while its run's callbacks execute; afterwards every call raises RuntimeError. Call with the GIL held.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "engine/strategy/context.hpp"

namespace abt::python {

class PyContext {
 public:
  /// `view_base`: the base object of the history views (keeps the market data alive).
  explicit PyContext(pybind11::object view_base);

  void attach(Context* ctx) { ctx_ = ctx; }
  void detach() { ctx_ = nullptr; }
  /// The engine's context; throws RuntimeError outside the run.
  Context& ctx() const;

  // time
  pybind11::object today() const;
  pybind11::object now() const;
  pybind11::array calendar();

  // data
  DataHandle field(const std::string& name, const std::string& freq) const;
  DataHandle series(const std::string& name) const;
  bool has_field(const std::string& name, const std::string& freq) const;
  bool has_frequency(const std::string& freq) const;
  /// field: a DataHandle or a field name (of frequency freq).
  pybind11::array history(pybind11::handle field, int32_t length, const std::string& freq) const;

  // instruments
  pybind11::array instrument_ids(const std::string& kind, const std::optional<std::string>& board) const;
  pybind11::dict instrument(InstrumentId id) const;
  const pybind11::list& symbols();
  pybind11::array code_rank();
  TradingStatus status(InstrumentId id) const;
  /// Per-field arrays of status() for `ids` (all instruments when None).
  pybind11::dict statuses(pybind11::handle ids) const;

  // portfolio
  pybind11::array positions() const;  // shares held, by instrument id (float64)
  pybind11::array holdings() const;   // ids with a nonzero position

  // orders
  void target_weights(pybind11::handle ids, pybind11::handle weights, bool exit_others);
  TimerId schedule(const std::string& text);
  void subscribe(const std::string& freq);
  void log(const std::string& message, const std::string& level);

  // recorded signals and warnings
  SignalHandle declare_signal(const std::string& name, const std::string& freq,
                              const std::vector<double>& levels);
  /// signal: a handle from declare_signal or a name (declared on first use, daily).
  void record(pybind11::handle signal, double value);
  WarningHandle declare_warning(const std::string& kind, const std::string& subject,
                                const std::string& message);
  void count_warning(WarningHandle handle, int64_t n);

 private:
  Context* ctx_ = nullptr;
  pybind11::object view_base_;
  std::vector<WeightTarget> targets_;  // scratch of target_weights
  std::map<std::string, SignalHandle, std::less<>> signals_;
  pybind11::list symbols_;  // cached on first use
  pybind11::object code_rank_, calendar_;
};

/// Parses "1d" / "60m" (and the aliases of parse_frequency); ConfigError naming `what` otherwise.
Frequency frequency_arg(const std::string& text, const char* what);

/// Binds abt.Context, abt.DataHandle, abt.TradingStatus, abt.PositionInfo, abt.PendingOrder, abt.Fill,
/// abt.Rejection and abt.MicrocapIndex.
void bind_context(pybind11::module_& m);

}  // namespace abt::python
