#pragma once
// Pending order intents, at most one entry per instrument.
//
// Semantics (see order.hpp): a TargetWeight / TargetShares intent replaces whatever is pending for its
// instrument (an older target and any Shares deltas); Shares intents accumulate as a delta applied on top of
// the pending target (or of the current position when there is none). Each entry carries the first row of the
// execution frequency at which it may fill (`eligible_row`); the engine computes it from the fill mode.
//
// Storage is pre-sized for every instrument: adding, replacing and removing never allocate.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/strategy/order.hpp"

namespace abt {

struct PendingOrder {
  InstrumentId instrument = -1;
  bool has_target = false;
  OrderIntent target;            // valid when has_target (kind TargetWeight or TargetShares)
  Quantity delta = 0;            // accumulated Shares intents (shares, signed)
  Timestamp placed;              // time of the latest intent merged into this entry
  uint64_t sequence = 0;         // sequence of the latest intent
  int32_t eligible_row = 0;      // first execution-frequency row at which the entry may fill
  bool blocked_counted = false;  // a blocked attempt (suspension) was already counted for this intent
  uint32_t counted_reasons = 0;  // bit r set: RejectReason r was already counted for this intent
};

class OrderBook {
 public:
  explicit OrderBook(int32_t instrument_count);

  /// Adds an intent (kind, amount, instrument, placed, sequence as in OrderIntent) eligible from `row`.
  void add(const OrderIntent& intent, int32_t eligible_row);

  bool empty() const { return entries_.empty(); }
  /// Pending entries in the order their instruments were first placed (stable, deterministic).
  std::span<PendingOrder> entries() { return entries_; }
  std::span<const PendingOrder> entries() const { return entries_; }
  /// Entry for `id`, or nullptr.
  const PendingOrder* find(InstrumentId id) const;

  /// Removes the entry of `id` (a cancel), keeping the others' order; false when there is none.
  bool remove(InstrumentId id);
  /// Removes every entry for which keep[i] is false (keep has one flag per entries() element, in order).
  void retain(std::span<const uint8_t> keep);

 private:
  std::vector<PendingOrder> entries_;
  std::vector<int32_t> slot_;  // per instrument: index into entries_, or -1
};

}  // namespace abt
