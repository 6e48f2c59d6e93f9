#include "strategies/builtin.hpp"

namespace abt {
void register_builtin_strategies(StrategyRegistry& /*registry*/) {}
}  // namespace abt
