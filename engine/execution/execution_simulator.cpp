#include "engine/execution/execution_simulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/error.hpp"
#include "engine/execution/tick.hpp"

namespace abt {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

ExecutionSimulator::ExecutionSimulator(const MarketData& data, const ExecutionSettings& config,
                                       Portfolio& portfolio, ExecutionLog& result)
    : data_(data),
      config_(config),
      portfolio_(portfolio),
      result_(result),
      frequency_(data.finest_frequency()),
      bars_(data.bars(data.finest_frequency())),
      orders_(data.instrument_count()),
      limits_(data) {
  const auto n = static_cast<size_t>(data.instrument_count());
  lot_rules_.reserve(n);
  on_tick_.reserve(n);
  for (const Instrument& ins : data.instruments) {
    lot_rules_.emplace_back(ins, config.rules.lots, config.rules.fractional_shares);
    on_tick_.push_back(trades_on_tick(ins) ? 1 : 0);
  }
  row_day_.assign(static_cast<size_t>(bars_->rows()), 0);
  for (int32_t d = 0; d + 1 < static_cast<int32_t>(bars_->day_begin.size()); ++d)
    for (int32_t r = bars_->day_begin[d]; r < bars_->day_begin[d + 1]; ++r) row_day_[r] = d;
  batch_.reserve(n);
  buys_.reserve(n);
  keep_.reserve(n);
  fill_price_.assign(n, kNaN);
}

bool ExecutionSimulator::has_eligible(int32_t row) const {
  for (const PendingOrder& e : orders_.entries())
    if (e.eligible_row <= row) return true;
  return false;
}

ExecutionSimulator::Gate ExecutionSimulator::gate(InstrumentId id, int32_t row, PriceKind kind,
                                                  double& price) const {
  const Instrument& ins = data_.instruments[id];
  const Date day = bars_->stamps[row].date();
  if (day < ins.list_date || day > ins.delist_date) return Gate::NotListed;
  const bool on_tick = on_tick_[id] != 0;
  if (kind == PriceKind::Vwap) {
    const float volume = bars_->has(Field::Volume) ? bars_->field(Field::Volume)(row, id) : NAN;
    double raw = kNaN;
    if (bars_->has(Field::Amount) && volume > 0)
      raw = static_cast<double>(bars_->field(Field::Amount)(row, id)) / volume;
    else
      raw = (static_cast<double>(bars_->field(Field::High)(row, id)) + bars_->field(Field::Low)(row, id) +
             bars_->field(Field::Close)(row, id)) /
            3.0;
    price = on_tick && !std::isnan(raw) ? round_to_fen(raw) : raw;
  } else {
    const Panel& panel = bars_->field(kind == PriceKind::Open ? Field::Open : Field::Close);
    price = to_trade_price(panel(row, id), on_tick);
  }
  if (std::isnan(price) || price <= 0) return Gate::Blocked;
  if (config_.rules.block_suspended && bars_->has(Field::Volume)) {
    const float volume = bars_->field(Field::Volume)(row, id);
    if (!(volume > 0)) return Gate::Blocked;
  }
  return Gate::Ok;
}

LimitBand ExecutionSimulator::day_band(InstrumentId id, int32_t day) const {
  if (!config_.rules.price_limits) return LimitBand{};
  return limits_.band(id, day);
}

ExecutionSimulator::Admission ExecutionSimulator::admit(InstrumentId id, Side side, Quantity quantity,
                                                        double price, const FillPoint& point) const {
  const bool retry = config_.rules.retry_blocked;
  Admission a{quantity, RejectReason::Count, false};
  const LimitBand band = day_band(id, row_day_[point.row]);
  if (band.assumed_sealed) {
    if (side == Side::Buy) return Admission{0, RejectReason::LimitUp, retry};
  } else if (band.limited) {
    constexpr double kEps = 1e-9;
    const bool at_up = price >= band.up - kEps, at_down = price <= band.down + kEps;
    const bool has_range = bars_->has(Field::High) && bars_->has(Field::Low);
    const double high = has_range ? to_trade_price(bars_->field(Field::High)(point.row, id), true) : kNaN;
    const double low = has_range ? to_trade_price(bars_->field(Field::Low)(point.row, id), true) : kNaN;
    const bool one_price = high == low && (high >= band.up - kEps || low <= band.down + kEps);
    if (side == Side::Buy && at_up) return Admission{0, RejectReason::LimitUp, retry};
    if (side == Side::Sell && at_down) return Admission{0, RejectReason::LimitDown, retry};
    if (one_price)
      return Admission{0, high >= band.up - kEps ? RejectReason::LimitUp : RejectReason::LimitDown, retry};
  }
  if (side == Side::Sell) {
    const Quantity sellable = portfolio_.position(id).sellable;
    if (quantity > sellable) {
      a.quantity = lot_rules_[id].round_sell(sellable, portfolio_.quantity(id));
      a.reason = RejectReason::TPlus1;
      a.retry = retry;
    }
  }
  if (config_.rules.participation > 0 && bars_->has(Field::Volume)) {
    const double volume = bars_->field(Field::Volume)(point.row, id);
    const Quantity cap = lot_rules_[id].shares(config_.rules.participation * volume);
    if (a.quantity > cap) {
      a.quantity = side == Side::Buy ? lot_rules_[id].round_buy(cap)
                                     : lot_rules_[id].round_sell(cap, portfolio_.quantity(id));
      a.reason = RejectReason::Participation;
      a.retry = retry;
    }
  }
  return a;
}

void ExecutionSimulator::count_once(PendingOrder& e, RejectReason reason) {
  const uint32_t bit = 1u << static_cast<int>(reason);
  if (e.counted_reasons & bit) return;
  e.counted_reasons |= bit;
  ++result_.rejects[static_cast<int>(reason)];
  result_.rejections.push_back(Rejection{pass_time_, e.instrument, reason});
}

void ExecutionSimulator::after_partial_fill(int32_t entry, Quantity signed_quantity) {
  PendingOrder& e = orders_.entries()[entry];
  if (!e.has_target) e.delta -= signed_quantity;
}

double ExecutionSimulator::cost_of(InstrumentId id, Side side, Quantity quantity, double price,
                                   Date day) const {
  if (!config_.costs || quantity <= 0) return 0.0;
  return config_.costs->cost(data_.instruments[id], side, quantity, price, day);
}

double ExecutionSimulator::fill_price(InstrumentId id, Side side, Quantity quantity, double market,
                                      int32_t row) const {
  if (!config_.costs || config_.costs->slippage().kind == SlippageModel::Kind::None) return market;
  const double volume = bars_->has(Field::Volume) ? bars_->field(Field::Volume)(row, id) : 0.0;
  const double f = config_.costs->slippage().fraction(data_.instruments[id], side, quantity, market, volume);
  double price = market * (side == Side::Buy ? 1.0 + f : 1.0 - f);
  if (on_tick_[id] == 0) return price;
  price = round_to_fen(price);
  const LimitBand band = day_band(id, row_day_[row]);
  if (band.limited && !band.assumed_sealed) price = std::clamp(price, band.down, band.up);
  return std::max(price, 0.01);
}

void ExecutionSimulator::record_fill(InstrumentId id, Side side, Quantity quantity, double price,
                                     double market, Date day, Timestamp time) {
  CostBreakdown fees;
  if (config_.costs) fees = config_.costs->itemise(data_.instruments[id], side, quantity, price, day);
  const double slippage = round_to_fen(std::fabs(price - market) * quantity);
  result_.fills.push_back(Fill{time, id, side, quantity, price, fees.total(), fees.commission,
                               fees.stamp_duty, fees.transfer_fee, slippage});
  const double notional = quantity * price;
  (side == Side::Buy ? totals_.bought : totals_.sold) += notional;
  totals_.costs += fees.total();
}

void ExecutionSimulator::execute(const FillPoint& point) {
  if (orders_.empty()) return;
  pass_time_ = point.time;
  auto entries = orders_.entries();
  keep_.assign(entries.size(), 1);
  batch_.clear();
  for (size_t i = 0; i < entries.size(); ++i) {
    PendingOrder& e = entries[i];
    if (e.eligible_row > point.row) continue;
    double price = kNaN;
    switch (gate(e.instrument, point.row, point.price, price)) {
      case Gate::NotListed:
        ++result_.rejects[static_cast<int>(RejectReason::NotListed)];
        result_.rejections.push_back(Rejection{point.time, e.instrument, RejectReason::NotListed});
        keep_[i] = 0;
        break;
      case Gate::Blocked:
        count_once(e, RejectReason::Suspended);
        e.blocked_counted = true;
        e.eligible_row = point.row + 1;
        if (!config_.rules.retry_blocked) keep_[i] = 0;
        break;
      case Gate::Ok:
        batch_.push_back(Candidate{static_cast<int32_t>(i), e.instrument, price, 0, 0, 0});
        keep_[i] = 0;
        break;
    }
  }
  if (!batch_.empty()) {
    std::sort(batch_.begin(), batch_.end(),
              [](const Candidate& a, const Candidate& b) { return a.instrument < b.instrument; });
    const Date day = bars_->stamps[point.row].date();
    size_batch();
    execute_sells(point, day);
    execute_buys(point, day);
  }
  orders_.retain(keep_);
}

void ExecutionSimulator::size_batch() {
  for (const Candidate& c : batch_) fill_price_[c.instrument] = c.price;
  double nav = portfolio_.cash();
  for (InstrumentId h : portfolio_.held()) {
    const double p = std::isnan(fill_price_[h]) ? portfolio_.mark(h) : fill_price_[h];
    nav += portfolio_.quantity(h) * p;
  }
  const auto entries = orders_.entries();
  for (Candidate& c : batch_) {
    fill_price_[c.instrument] = kNaN;
    const PendingOrder& e = entries[c.entry];
    const LotRule& rule = lot_rules_[c.instrument];
    const Quantity current = portfolio_.quantity(c.instrument);
    Quantity wanted = current;
    if (e.has_target) {
      wanted = rule.shares(e.target.kind == OrderKind::TargetWeight
                               ? e.target.amount * weight_scale_ * nav / c.price
                               : e.target.amount);
    }
    wanted = std::max<Quantity>(0, wanted + e.delta);
    c.change = wanted - current;
    // Fractional re-sizing noise is no trade; a target of 0 still sells everything.
    if (rule.fractional() && wanted > 0 && std::fabs(c.change) < kFractionalDust) c.change = 0;
  }
  apply_risk_limits(nav, nav - portfolio_.cash());
}

void ExecutionSimulator::execute_sells(const FillPoint& point, Date day) {
  for (Candidate& c : batch_) {
    if (c.change >= 0) continue;
    const Quantity position = portfolio_.quantity(c.instrument);
    PendingOrder& e = orders_.entries()[c.entry];
    const Quantity rounded = lot_rules_[c.instrument].round_sell(-c.change, position);
    if (rounded == 0) {
      count_once(e, RejectReason::Lot);
      continue;
    }
    const Admission a = admit(c.instrument, Side::Sell, rounded, c.price, point);
    if (a.reason != RejectReason::Count) count_once(e, a.reason);
    if (a.retry) {
      keep_[c.entry] = 1;
      e.eligible_row = point.row + 1;
    }
    if (a.quantity <= 0) continue;
    const double price = fill_price(c.instrument, Side::Sell, a.quantity, c.price, point.row);
    const double cost = cost_of(c.instrument, Side::Sell, a.quantity, price, day);
    portfolio_.sell(c.instrument, a.quantity, price, cost);
    record_fill(c.instrument, Side::Sell, a.quantity, price, c.price, day, point.time);
    if (a.retry) after_partial_fill(c.entry, -a.quantity);
  }
}

double ExecutionSimulator::buy_cash_need(Date day, int32_t row) const {
  double need = 0;
  for (const Candidate* c : buys_) {
    if (c->quantity <= 0) continue;
    const double price = fill_price(c->instrument, Side::Buy, c->quantity, c->price, row);
    need += c->quantity * price + cost_of(c->instrument, Side::Buy, c->quantity, price, day);
  }
  return need;
}

void ExecutionSimulator::execute_buys(const FillPoint& point, Date day) {
  buys_.clear();
  for (Candidate& c : batch_) {
    if (c.change <= 0) continue;
    PendingOrder& e = orders_.entries()[c.entry];
    const Quantity rounded = lot_rules_[c.instrument].round_buy(c.change);
    if (rounded == 0) {
      count_once(e, RejectReason::Lot);
      continue;
    }
    const Admission a = admit(c.instrument, Side::Buy, rounded, c.price, point);
    if (a.reason != RejectReason::Count) count_once(e, a.reason);
    if (a.retry) {
      keep_[c.entry] = 1;
      e.eligible_row = point.row + 1;
    }
    if (a.quantity <= 0) continue;
    c.quantity = a.quantity;
    c.requested = a.quantity;
    buys_.push_back(&c);
  }
  if (buys_.empty()) return;

  const double cash = std::max(0.0, portfolio_.cash());
  double need = buy_cash_need(day, point.row);
  if (need > cash) {
    // One common factor for every buy (strategies.md section 6), then re-round down to lots.
    const double factor = cash / need;
    for (Candidate* c : buys_) {
      const LotRule& rule = lot_rules_[c->instrument];
      const Quantity scaled = c->quantity * factor;
      c->quantity = rule.round_buy(rule.fractional() ? scaled : std::floor(scaled));
    }
    // Fen rounding of fees (or a minimum fee) can still overshoot: step the largest buy down one lot (a
    // fractional buy by at least the overshoot's worth of shares).
    need = buy_cash_need(day, point.row);
    while (need > cash) {
      Candidate* largest = nullptr;
      for (Candidate* c : buys_)
        if (c->quantity > 0 &&
            (largest == nullptr || c->quantity * c->price > largest->quantity * largest->price))
          largest = c;
      ensure(largest != nullptr, "execute_buys: positive cash need without any buy");
      largest->quantity =
          lot_rules_[largest->instrument].step_down_buy(largest->quantity, (need - cash) / largest->price);
      need = buy_cash_need(day, point.row);
    }
    for (const Candidate* c : buys_)
      if (c->quantity < c->requested)
        count_once(orders_.entries()[c->entry], c->quantity > 0 ? RejectReason::Scaled : RejectReason::Cash);
  }
  for (Candidate* c : buys_) {
    if (c->quantity <= 0) continue;
    const double price = fill_price(c->instrument, Side::Buy, c->quantity, c->price, point.row);
    const double cost = cost_of(c->instrument, Side::Buy, c->quantity, price, day);
    const bool settles_now = !config_.rules.t_plus_1 || on_tick_[c->instrument] == 0;
    portfolio_.buy(c->instrument, c->quantity, price, cost, settles_now);
    record_fill(c->instrument, Side::Buy, c->quantity, price, c->price, day, point.time);
    if (keep_[c->entry]) after_partial_fill(c->entry, c->quantity);
  }
}

void ExecutionSimulator::liquidate(InstrumentId id, double price, Timestamp time) {
  const Quantity quantity = portfolio_.quantity(id);
  if (quantity <= 0) return;
  portfolio_.sell(id, quantity, price, 0.0);
  result_.fills.push_back(Fill{time, id, Side::Sell, quantity, price, 0.0});
  totals_.sold += quantity * price;
}

}  // namespace abt
