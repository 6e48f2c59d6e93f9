// The plugin's entry points: registers momentum::MomentumStrategy as "momentum" (momentum_strategy.hpp).
#include "momentum_strategy.hpp"

#include "engine/strategy/plugin_api.hpp"

// The plugin's name and version, recorded with every run that loads it (result.json "plugins").
ABT_PLUGIN_INFO("momentum", "1.0.0")

ABT_PLUGIN(registry) {
  registry.add(abt::make_strategy_info<momentum::MomentumStrategy>(
      "momentum", "hold the top-N instruments by lookback return of the adjusted close (plugin template)"));
}
