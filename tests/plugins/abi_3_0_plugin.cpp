// A plugin as built against plugin ABI 3.0 (the previous minor): the entry points exactly as ABT_PLUGIN
// defined them then (abt_plugin_abi_version returning the major 3 and abt_plugin_register; no
// abt_plugin_abi_minor, no abt_plugin_info). The 3.1 host must load it as ABI 3.0, named after its file stem.
// Registers "plugin_hold_v30": buy and hold BROAD.IDX.
#include "hold_strategy.hpp"

using HoldStrategy = abt::test_plugins::HoldStrategy;

// The ABI 3.0 entry points, spelled out (what ABT_PLUGIN expanded to before ABI 3.1).
extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {
  return 3;
}
extern "C" __attribute__((visibility("default"))) void abt_plugin_register(abt::StrategyRegistry* registry) {
  registry->add(
      abt::make_strategy_info<HoldStrategy>("plugin_hold_v30", "test plugin built for plugin ABI 3.0"));
}
