#include "engine/portfolio/portfolio.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/error.hpp"

namespace abt {

Portfolio::Portfolio(int32_t instrument_count, double initial_cash)
    : cash_(initial_cash),
      positions_(static_cast<size_t>(instrument_count)),
      marks_(static_cast<size_t>(instrument_count), std::numeric_limits<double>::quiet_NaN()) {
  ensure(instrument_count >= 0, "Portfolio: instrument_count >= 0");
  ensure(initial_cash >= 0, "Portfolio: initial_cash >= 0");
  // Reserve once so that adding holdings in the per-bar loop never allocates.
  held_.reserve(static_cast<size_t>(instrument_count));
}

void Portfolio::add_held(InstrumentId id) {
  held_.insert(std::lower_bound(held_.begin(), held_.end(), id), id);
}

void Portfolio::remove_held(InstrumentId id) {
  const auto it = std::lower_bound(held_.begin(), held_.end(), id);
  ensure(it != held_.end() && *it == id, "Portfolio: removing an instrument that is not held");
  held_.erase(it);
}

void Portfolio::buy(InstrumentId id, Quantity quantity, double price, double cost, bool sellable_now) {
  ensure(quantity > 0 && price > 0 && cost >= 0, "Portfolio::buy: quantity > 0, price > 0, cost >= 0");
  Position& p = positions_[id];
  if (p.quantity == 0) {
    add_held(id);
    marks_[id] = price;
  } else {
    holdings_value_ += p.quantity * (price - marks_[id]);
    marks_[id] = price;
  }
  const double q_old = p.quantity, q_new = q_old + quantity;
  p.avg_cost = (p.avg_cost * q_old + price * quantity) / q_new;
  p.quantity += quantity;
  if (sellable_now) p.sellable += quantity;
  cash_ -= quantity * price + cost;
  holdings_value_ += quantity * price;
}

void Portfolio::sell(InstrumentId id, Quantity quantity, double price, double cost) {
  Position& p = positions_[id];
  ensure(quantity > 0 && quantity <= p.quantity && price >= 0 && cost >= 0,
         "Portfolio::sell: 0 < quantity <= position, price >= 0, cost >= 0");
  holdings_value_ += p.quantity * (price - marks_[id]);
  marks_[id] = price;
  p.realized_pnl += (price - p.avg_cost) * quantity;
  p.quantity -= quantity;
  p.sellable = std::max<Quantity>(0, std::min(p.sellable - quantity, p.quantity));
  cash_ += quantity * price - cost;
  holdings_value_ -= quantity * price;
  if (p.quantity == 0) {
    p.avg_cost = 0;
    remove_held(id);
  }
}

void Portfolio::set_mark(InstrumentId id, double price) {
  const Position& p = positions_[id];
  if (p.quantity == 0 || std::isnan(price)) return;
  holdings_value_ += p.quantity * (price - marks_[id]);
  marks_[id] = price;
}

void Portfolio::reset_sellable() {
  for (InstrumentId id : held_) positions_[id].sellable = positions_[id].quantity;
}

double Portfolio::apply_share_ratio(InstrumentId id, double ratio, double ref_price, bool whole_shares) {
  Position& p = positions_[id];
  ensure(p.quantity > 0 && ratio > 0 && ref_price > 0, "Portfolio::apply_share_ratio: held, ratio > 0");
  const double exact = p.quantity * ratio;
  // Adjustment factors are stored as float32: 1.1f / 1.0f = 1.10000002, and 0.9999999 x 1000 must not
  // lose a share, hence the small tolerance before flooring.
  const Quantity new_quantity = whole_shares ? std::floor(exact + 1e-6) : exact;
  const double remainder = std::max(0.0, exact - new_quantity);
  const double paid = remainder * ref_price;
  holdings_value_ -= p.quantity * marks_[id];
  p.avg_cost /= ratio;
  p.realized_pnl += (ref_price - p.avg_cost) * remainder;
  p.quantity = new_quantity;
  p.sellable = new_quantity;
  marks_[id] = ref_price;
  holdings_value_ += new_quantity * ref_price;
  cash_ += paid;
  if (new_quantity == 0) {
    p.avg_cost = 0;
    remove_held(id);
  }
  return paid;
}

double Portfolio::recompute_holdings_value() const {
  double sum = 0;
  for (InstrumentId id : held_) sum += positions_[id].quantity * marks_[id];
  return sum;
}

}  // namespace abt
