#include "strategies/builtin.hpp"

#include "strategies/dual_ma/dual_ma_strategy.hpp"

namespace abt {

void register_builtin_strategies(StrategyRegistry& registry) {
  registry.add(make_strategy_info<DualMaStrategy>(
      "dual_ma", "SMA fast/slow cross-over timing, long or flat, on daily or 60-minute bars"));
}

}  // namespace abt
