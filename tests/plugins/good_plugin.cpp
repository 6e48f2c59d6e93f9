// A minimal plugin for the loader tests: registers "plugin_hold", which buys one instrument on the first bar,
// and declares its name and version (ABT_PLUGIN_INFO).
#include "engine/strategy/plugin_api.hpp"
#include "hold_strategy.hpp"

using HoldStrategy = abt::test_plugins::HoldStrategy;

ABT_PLUGIN_INFO("test_plugin", "1.2.0")

ABT_PLUGIN(registry) {
  registry.add(
      abt::make_strategy_info<HoldStrategy>("plugin_hold", "test plugin: buy and hold one instrument"));
}
