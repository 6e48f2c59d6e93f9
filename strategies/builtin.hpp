#pragma once
#include "engine/strategy/registry.hpp"

namespace abt {
/// Registers every strategy built into abt.
void register_builtin_strategies(StrategyRegistry& registry);
}  // namespace abt
