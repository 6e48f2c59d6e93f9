#pragma once
// What the execution simulator writes during a run: every fill in execution order, and every intent it
// blocked, reduced or dropped (counts per reason and the events one by one). RunResult extends it.
#include <array>
#include <cstdint>
#include <vector>

#include "engine/strategy/order.hpp"

namespace abt {

struct ExecutionLog {
  std::vector<Fill> fills;  // in execution order
  /// Intents not (fully) executed, by reason (index = RejectReason).
  std::array<int64_t, kRejectReasonCount> rejects{};
  /// The same events one by one, in order (rejections.csv).
  std::vector<Rejection> rejections;
};

}  // namespace abt
