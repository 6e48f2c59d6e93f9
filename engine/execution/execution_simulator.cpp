#include "engine/execution/execution_simulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/error.hpp"
#include "engine/execution/tick.hpp"

namespace abt {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// floor(x) tolerant of binary noise: 0.1 x 100000 / 10 must give 1000, not 999.
int64_t floor_shares(double x) {
  if (!(x > 0)) return 0;
  return static_cast<int64_t>(std::floor(x + 1e-9 * std::max(1.0, x)));
}
}  // namespace

ExecutionSimulator::ExecutionSimulator(const MarketData& data, const BacktestConfig& config,
                                       Portfolio& portfolio, RunResult& result)
    : data_(data),
      config_(config),
      portfolio_(portfolio),
      result_(result),
      frequency_(data.finest_frequency()),
      bars_(data.bars(data.finest_frequency())),
      orders_(data.instrument_count()) {
  const auto n = static_cast<size_t>(data.instrument_count());
  lot_rules_.reserve(n);
  on_tick_.reserve(n);
  for (const Instrument& ins : data.instruments) {
    lot_rules_.emplace_back(ins, config.rules.lots);
    on_tick_.push_back(trades_on_tick(ins) ? 1 : 0);
  }
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
  const Panel& panel = bars_->field(kind == PriceKind::Open ? Field::Open : Field::Close);
  price = to_trade_price(panel(row, id), on_tick_[id] != 0);
  if (std::isnan(price) || price <= 0) return Gate::Blocked;
  if (config_.rules.block_suspended && bars_->has(Field::Volume)) {
    const float volume = bars_->field(Field::Volume)(row, id);
    if (!(volume > 0)) return Gate::Blocked;
  }
  return Gate::Ok;
}

ExecutionSimulator::Admission ExecutionSimulator::admit(InstrumentId id, Side side, int64_t quantity,
                                                        const FillPoint& /*point*/) const {
  Admission a{quantity, RejectReason::Count, false};
  if (side == Side::Sell) {
    const int64_t sellable = portfolio_.position(id).sellable;
    if (quantity > sellable) {
      a.quantity = lot_rules_[id].round_sell(sellable, portfolio_.quantity(id));
      a.reason = RejectReason::TPlus1;
      a.retry = false;
    }
  }
  // Later rules (price limits: LimitUp / LimitDown with retry; participation cap) reduce a.quantity here.
  return a;
}

double ExecutionSimulator::cost_of(InstrumentId id, Side side, int64_t quantity, double price,
                                   Date day) const {
  if (!config_.costs || quantity <= 0) return 0.0;
  return config_.costs->cost(data_.instruments[id], side, quantity, price, day);
}

void ExecutionSimulator::record_fill(InstrumentId id, Side side, int64_t quantity, double price, double cost,
                                     Timestamp time) {
  result_.fills.push_back(Fill{time, id, side, quantity, price, cost});
  const double notional = static_cast<double>(quantity) * price;
  (side == Side::Buy ? totals_.bought : totals_.sold) += notional;
  totals_.costs += cost;
}

void ExecutionSimulator::execute(const FillPoint& point) {
  if (orders_.empty()) return;
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
        keep_[i] = 0;
        break;
      case Gate::Blocked:
        if (!e.blocked_counted) ++result_.rejects[static_cast<int>(RejectReason::Suspended)];
        e.blocked_counted = true;
        e.eligible_row = point.row + 1;
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
    nav += static_cast<double>(portfolio_.quantity(h)) * p;
  }
  const auto entries = orders_.entries();
  for (Candidate& c : batch_) {
    fill_price_[c.instrument] = kNaN;
    const PendingOrder& e = entries[c.entry];
    const int64_t current = portfolio_.quantity(c.instrument);
    int64_t wanted = current;
    if (e.has_target) {
      wanted = e.target.kind == OrderKind::TargetWeight ? floor_shares(e.target.amount * nav / c.price)
                                                        : static_cast<int64_t>(e.target.amount);
    }
    wanted = std::max<int64_t>(0, wanted + e.delta);
    c.change = wanted - current;
  }
}

void ExecutionSimulator::execute_sells(const FillPoint& point, Date day) {
  for (Candidate& c : batch_) {
    if (c.change >= 0) continue;
    const int64_t position = portfolio_.quantity(c.instrument);
    const int64_t rounded = lot_rules_[c.instrument].round_sell(-c.change, position);
    if (rounded == 0) {
      ++result_.rejects[static_cast<int>(RejectReason::Lot)];
      continue;
    }
    const Admission a = admit(c.instrument, Side::Sell, rounded, point);
    if (a.reason != RejectReason::Count) ++result_.rejects[static_cast<int>(a.reason)];
    if (a.retry) keep_[c.entry] = 1;
    if (a.quantity <= 0) continue;
    const double cost = cost_of(c.instrument, Side::Sell, a.quantity, c.price, day);
    portfolio_.sell(c.instrument, a.quantity, c.price, cost);
    record_fill(c.instrument, Side::Sell, a.quantity, c.price, cost, point.time);
  }
}

double ExecutionSimulator::buy_cash_need(Date day) const {
  double need = 0;
  for (const Candidate* c : buys_)
    need += static_cast<double>(c->quantity) * c->price +
            cost_of(c->instrument, Side::Buy, c->quantity, c->price, day);
  return need;
}

void ExecutionSimulator::execute_buys(const FillPoint& point, Date day) {
  buys_.clear();
  for (Candidate& c : batch_) {
    if (c.change <= 0) continue;
    const int64_t rounded = lot_rules_[c.instrument].round_buy(c.change);
    if (rounded == 0) {
      ++result_.rejects[static_cast<int>(RejectReason::Lot)];
      continue;
    }
    const Admission a = admit(c.instrument, Side::Buy, rounded, point);
    if (a.reason != RejectReason::Count) ++result_.rejects[static_cast<int>(a.reason)];
    if (a.retry) keep_[c.entry] = 1;
    if (a.quantity <= 0) continue;
    c.quantity = a.quantity;
    c.requested = a.quantity;
    buys_.push_back(&c);
  }
  if (buys_.empty()) return;

  const double cash = std::max(0.0, portfolio_.cash());
  double need = buy_cash_need(day);
  if (need > cash) {
    // One common factor for every buy (strategies.md section 6), then re-round down to lots.
    const double factor = cash / need;
    for (Candidate* c : buys_) {
      c->quantity = lot_rules_[c->instrument].round_buy(
          static_cast<int64_t>(std::floor(static_cast<double>(c->quantity) * factor)));
    }
    // Fen rounding of fees (or a minimum fee) can still overshoot: step the largest buy down one lot.
    need = buy_cash_need(day);
    while (need > cash) {
      Candidate* largest = nullptr;
      for (Candidate* c : buys_)
        if (c->quantity > 0 &&
            (largest == nullptr || static_cast<double>(c->quantity) * c->price >
                                       static_cast<double>(largest->quantity) * largest->price))
          largest = c;
      ensure(largest != nullptr, "execute_buys: positive cash need without any buy");
      largest->quantity = lot_rules_[largest->instrument].step_down_buy(largest->quantity);
      need = buy_cash_need(day);
    }
    for (const Candidate* c : buys_)
      if (c->quantity < c->requested) ++result_.rejects[static_cast<int>(RejectReason::Cash)];
  }
  for (Candidate* c : buys_) {
    if (c->quantity <= 0) continue;
    const double cost = cost_of(c->instrument, Side::Buy, c->quantity, c->price, day);
    portfolio_.buy(c->instrument, c->quantity, c->price, cost);
    record_fill(c->instrument, Side::Buy, c->quantity, c->price, cost, point.time);
  }
}

void ExecutionSimulator::liquidate(InstrumentId id, double price, Timestamp time) {
  const int64_t quantity = portfolio_.quantity(id);
  if (quantity <= 0) return;
  portfolio_.sell(id, quantity, price, 0.0);
  record_fill(id, Side::Sell, quantity, price, 0.0, time);
}

}  // namespace abt
