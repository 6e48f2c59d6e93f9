#include "engine/sim/engine_context.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>

#include "engine/core/error.hpp"
#include "engine/execution/tick.hpp"

namespace abt {

EngineContext::EngineContext(const MarketData& data, const BacktestConfig& config, const SimClock& clock,
                             Portfolio& portfolio, ExecutionSimulator& simulator, TimerSet& timers,
                             WarningLog& warnings, SignalTable& signals,
                             std::array<int32_t, kFrequencyCount> first_rows)
    : data_(data),
      config_(config),
      clock_(clock),
      portfolio_(portfolio),
      simulator_(simulator),
      timers_(timers),
      warnings_(warnings),
      signals_(signals),
      first_rows_(first_rows),
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

PositionInfo EngineContext::position_info(InstrumentId id) const {
  check_instrument(id, "Context::position_info");
  const Position& p = portfolio_.position(id);
  PositionInfo info;
  info.quantity = p.quantity;
  info.sellable = p.sellable;
  info.avg_cost = p.avg_cost;
  info.mark = portfolio_.mark(id);
  info.realized_pnl = p.realized_pnl;
  info.unrealized_pnl = portfolio_.unrealized_pnl(id);
  return info;
}

TradingStatus EngineContext::status(InstrumentId id) const {
  check_instrument(id, "Context::status");
  TradingStatus s;
  const int32_t day = clock_.cursor[static_cast<int>(Frequency::Daily)];
  if (day < 0) return s;  // no daily bar has closed yet
  const BarData& daily = data_.daily;
  const Instrument& ins = data_.instruments[id];
  const Date date = data_.calendar.day(day);
  const float close = daily.field(Field::Close)(day, id);
  s.listed = date >= ins.list_date && date <= ins.delist_date && !std::isnan(close);
  const float volume = daily.has(Field::Volume) ? daily.field(Field::Volume)(day, id) : 1.0f;
  s.suspended = !s.listed || !(volume > 0);
  const float st = daily.has(Field::IsST) ? daily.field(Field::IsST)(day, id) : 0.0f;
  s.st = std::isnan(st) ? 0.0f : st;
  const DailyLimits& limits = simulator_.limits();
  s.days_listed =
      limits.listed_before_data(id) ? TradingStatus::kListedBeforeData : limits.listing_day(id, day) - 1;
  if (!s.listed) return s;
  const LimitBand band = limits.band(id, day);
  const double price = to_trade_price(close, trades_on_tick(ins));
  constexpr double kEps = 1e-9;
  s.at_limit_up = band.assumed_sealed || (band.limited && price >= band.up - kEps);
  s.at_limit_down = band.limited && !band.assumed_sealed && price <= band.down + kEps;
  return s;
}

namespace {
PendingOrderInfo info_of(const PendingOrder& e) {
  PendingOrderInfo info;
  info.instrument = e.instrument;
  info.has_target = e.has_target;
  info.target_kind = e.target.kind;
  info.target = e.target.amount;
  info.delta = e.delta;
  info.placed = e.placed;
  info.reasons = e.counted_reasons;
  return info;
}
}  // namespace

std::optional<PendingOrderInfo> EngineContext::pending_order(InstrumentId id) const {
  check_instrument(id, "Context::pending_order");
  const PendingOrder* e = simulator_.orders().find(id);
  if (e == nullptr) return std::nullopt;
  return info_of(*e);
}

std::vector<PendingOrderInfo> EngineContext::pending_orders() const {
  std::vector<PendingOrderInfo> out;
  for (const PendingOrder& e : simulator_.orders().entries()) out.push_back(info_of(e));
  return out;
}

bool EngineContext::cancel(InstrumentId id) {
  check_instrument(id, "Context::cancel");
  return simulator_.orders().remove(id);
}

SignalHandle EngineContext::declare_signal(std::string_view name, Frequency f, SignalStyle style) {
  require(has_frequency(f), "strategy: signal '" + std::string(name) +
                                "': " + std::string(frequency_name(f)) + " bars are not loaded");
  require(!name.empty() && name.find_first_of(",\"\n\r") == std::string_view::npos,
          "strategy: signal name '" + std::string(name) +
              "' must be non-empty without commas, quotes or newlines");
  return signals_.declare(std::string(name), f, std::move(style));
}

void EngineContext::record(SignalHandle signal, double value) {
  if (signal < 0 || static_cast<size_t>(signal) >= signals_.columns().size()) return;
  const int f = static_cast<int>(signals_.columns()[static_cast<size_t>(signal)].frequency);
  signals_.record(signal, clock_.cursor[f] - first_rows_[f], value);
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
