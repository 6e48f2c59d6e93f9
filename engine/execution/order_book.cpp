#include "engine/execution/order_book.hpp"

#include "engine/core/error.hpp"

namespace abt {

OrderBook::OrderBook(int32_t instrument_count) : slot_(static_cast<size_t>(instrument_count), -1) {
  entries_.reserve(static_cast<size_t>(instrument_count));
}

void OrderBook::add(const OrderIntent& intent, int32_t eligible_row) {
  ensure(intent.instrument >= 0 && static_cast<size_t>(intent.instrument) < slot_.size(),
         "OrderBook::add: instrument id in range");
  int32_t& slot = slot_[intent.instrument];
  if (slot < 0) {
    slot = static_cast<int32_t>(entries_.size());
    entries_.push_back(PendingOrder{});
    entries_.back().instrument = intent.instrument;
  }
  PendingOrder& e = entries_[slot];
  if (intent.kind == OrderKind::Shares) {
    e.delta += intent.amount;
  } else {
    e.has_target = true;
    e.target = intent;
    e.delta = 0;
  }
  e.placed = intent.placed;
  e.sequence = intent.sequence;
  e.eligible_row = eligible_row;
  e.blocked_counted = false;
  e.counted_reasons = 0;
}

const PendingOrder* OrderBook::find(InstrumentId id) const {
  if (id < 0 || static_cast<size_t>(id) >= slot_.size() || slot_[id] < 0) return nullptr;
  return &entries_[slot_[id]];
}

bool OrderBook::remove(InstrumentId id) {
  if (id < 0 || static_cast<size_t>(id) >= slot_.size() || slot_[id] < 0) return false;
  const auto at = static_cast<size_t>(slot_[id]);
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(at));
  slot_[id] = -1;
  for (size_t i = at; i < entries_.size(); ++i) slot_[entries_[i].instrument] = static_cast<int32_t>(i);
  return true;
}

void OrderBook::retain(std::span<const uint8_t> keep) {
  ensure(keep.size() == entries_.size(), "OrderBook::retain: one flag per entry");
  size_t out = 0;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (keep[i]) {
      if (out != i) entries_[out] = entries_[i];
      slot_[entries_[out].instrument] = static_cast<int32_t>(out);
      ++out;
    } else {
      slot_[entries_[i].instrument] = -1;
    }
  }
  entries_.resize(out);
}

}  // namespace abt
