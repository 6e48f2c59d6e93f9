#include "engine/sim/engine_context.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>

#include "engine/core/error.hpp"

namespace abt {

EngineContext::EngineContext(const MarketData& data, const BacktestConfig& config, const SimClock& clock,
                             Portfolio& portfolio, ExecutionSimulator& simulator, TimerSet& timers,
                             WarningLog& warnings)
    : data_(data),
      config_(config),
      clock_(clock),
      portfolio_(portfolio),
      simulator_(simulator),
      timers_(timers),
      warnings_(warnings),
      in_targets_(static_cast<size_t>(data.instrument_count()), 0) {}

void EngineContext::check_instrument(InstrumentId id, const char* what) const {
  if (id < 0 || id >= data_.instrument_count())
    throw std::out_of_range(std::string(what) + ": instrument id " + std::to_string(id) +
                            " out of range [0, " + std::to_string(data_.instrument_count()) + ")");
}

const Instrument& EngineContext::instrument(InstrumentId id) const {
  check_instrument(id, "Context::instrument");
  return data_.instruments[id];
}

std::optional<InstrumentId> EngineContext::find_instrument(std::string_view symbol) const {
  return data_.find(symbol);
}

DataHandle EngineContext::field(Frequency f, std::string_view name) const {
  const BarData* bars = data_.bars(f);
  require(bars != nullptr, "strategy: frequency " + std::string(frequency_name(f)) + " is not loaded");
  const Panel* panel = bars->find_field(name);
  require(panel != nullptr, "strategy: field '" + std::string(name) + "' is not in the " +
                                std::string(frequency_name(f)) + " data");
  return DataHandle{panel, f};
}

DataHandle EngineContext::series(std::string_view name) const {
  const auto it = data_.series.find(name);
  require(it != data_.series.end(), "strategy: series '" + std::string(name) + "' is not loaded");
  return DataHandle{&it->second, Frequency::Daily};
}

HistoryView EngineContext::history(const DataHandle& handle, int32_t length) const {
  if (handle.panel == nullptr) throw std::invalid_argument("Context::history: empty DataHandle");
  if (length < 0) throw std::invalid_argument("Context::history: negative length");
  return HistoryView(*handle.panel, clock_.cursor[static_cast<int>(handle.frequency)], length);
}

Quantity EngineContext::position(InstrumentId id) const {
  check_instrument(id, "Context::position");
  return portfolio_.quantity(id);
}

Quantity EngineContext::sellable(InstrumentId id) const {
  check_instrument(id, "Context::sellable");
  return portfolio_.position(id).sellable;
}

void EngineContext::place(InstrumentId id, OrderKind kind, double amount) {
  const int32_t exec_cursor = clock_.cursor[static_cast<int>(simulator_.frequency())];
  const int32_t eligible_row = config_.fill == FillMode::Close ? std::max(exec_cursor, 0) : exec_cursor + 1;
  simulator_.orders().add(OrderIntent{id, kind, amount, clock_.now, next_sequence_++}, eligible_row);
}

void EngineContext::target_weights(std::span<const WeightTarget> targets, bool exit_others) {
  for (const WeightTarget& t : targets) {
    check_instrument(t.instrument, "Context::target_weights");
    if (!std::isfinite(t.weight) || t.weight < 0)
      throw std::invalid_argument("Context::target_weights: weight of " +
                                  data_.instruments[t.instrument].symbol + " must be finite and >= 0, got " +
                                  std::to_string(t.weight));
  }
  if (exit_others) {
    for (const WeightTarget& t : targets) in_targets_[t.instrument] = 1;
    // Every other holding, and every other pending intent, now targets 0.
    for (InstrumentId h : portfolio_.held())
      if (!in_targets_[h]) place(h, OrderKind::TargetWeight, 0.0);
    for (const PendingOrder& e : simulator_.orders().entries())
      if (!in_targets_[e.instrument] && !(e.has_target && e.target.kind == OrderKind::TargetWeight &&
                                          e.target.amount == 0.0 && e.delta == 0))
        place(e.instrument, OrderKind::TargetWeight, 0.0);
    for (const WeightTarget& t : targets) in_targets_[t.instrument] = 0;
  }
  for (const WeightTarget& t : targets) place(t.instrument, OrderKind::TargetWeight, t.weight);
}

void EngineContext::target_shares(InstrumentId id, Quantity shares) {
  check_instrument(id, "Context::target_shares");
  if (!(shares >= 0) || !std::isfinite(shares))
    throw std::invalid_argument("Context::target_shares: expected a finite target >= 0 (no short selling)");
  place(id, OrderKind::TargetShares, shares);
}

void EngineContext::order_shares(InstrumentId id, Quantity delta) {
  check_instrument(id, "Context::order_shares");
  if (!std::isfinite(delta)) throw std::invalid_argument("Context::order_shares: expected a finite delta");
  if (delta != 0) place(id, OrderKind::Shares, delta);
}

void EngineContext::subscribe(Frequency f) {
  require(has_frequency(f),
          "strategy: cannot subscribe to " + std::string(frequency_name(f)) + " bars: they are not loaded");
  subscribed_[static_cast<int>(f)] = true;
}

TimerId EngineContext::schedule(const Schedule& schedule) {
  return timers_.add(schedule);
}

void EngineContext::log(LogLevel level, std::string_view message) {
  static constexpr spdlog::level::level_enum kLevels[] = {spdlog::level::debug, spdlog::level::info,
                                                          spdlog::level::warn, spdlog::level::err};
  const auto lvl = kLevels[static_cast<int>(level)];
  spdlog::logger* logger = spdlog::default_logger_raw();
  if (logger == nullptr || !logger->should_log(lvl)) return;
  logger->log(lvl, "[{}] {}", clock_.now.to_string(), message);
}

}  // namespace abt
