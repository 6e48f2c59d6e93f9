#include "engine/analytics/round_trips.hpp"

#include <deque>
#include <map>

namespace abt {
namespace {

struct OpenLot {
  Timestamp time;
  Quantity remaining = 0;
  double price = 0;
  double cost_per_share = 0;
};

}  // namespace

double RoundTripSummary::win_rate() const {
  if (trips.empty()) return 0.0;
  int64_t wins = 0;
  for (const RoundTrip& t : trips) wins += t.pnl > 0 ? 1 : 0;
  return static_cast<double>(wins) / static_cast<double>(trips.size());
}

std::optional<double> RoundTripSummary::profit_factor() const {
  double profit = 0, loss = 0;
  for (const RoundTrip& t : trips) (t.pnl > 0 ? profit : loss) += t.pnl;
  if (loss >= 0) return std::nullopt;
  return profit / -loss;
}

RoundTripSummary pair_round_trips(std::span<const Fill> fills) {
  RoundTripSummary out;
  std::map<InstrumentId, std::deque<OpenLot>> open;
  for (const Fill& f : fills) {
    if (f.quantity <= 0) continue;
    const double cost_per_share = f.cost / f.quantity;
    auto& lots = open[f.instrument];
    if (f.side == Side::Buy) {
      lots.push_back({f.time, f.quantity, f.price, cost_per_share});
      continue;
    }
    Quantity to_close = f.quantity;
    while (to_close >= kFractionalDust && !lots.empty()) {
      OpenLot& lot = lots.front();
      const Quantity q = std::min(to_close, lot.remaining);
      RoundTrip trip;
      trip.instrument = f.instrument;
      trip.opened = lot.time;
      trip.closed = f.time;
      trip.quantity = q;
      trip.buy_price = lot.price;
      trip.sell_price = f.price;
      trip.pnl = q * (f.price - lot.price - lot.cost_per_share - cost_per_share);
      out.trips.push_back(trip);
      lot.remaining -= q;
      to_close -= q;
      if (lot.remaining < kFractionalDust) lots.pop_front();
    }
    if (to_close >= kFractionalDust) out.unmatched_sold += to_close;
  }
  return out;
}

}  // namespace abt
