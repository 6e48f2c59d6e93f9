// A plugin with only the two entry points every plugin ABI has had (abt_plugin_abi_version returning this
// abt's major, and abt_plugin_register; no abt_plugin_abi_minor, no abt_plugin_info), as ABT_PLUGIN defined
// them before ABI 3.1. The host must load it as minor 0, named after its file stem.
// Registers "plugin_hold_bare": buy and hold BROAD.IDX.
#include "engine/strategy/plugin_api.hpp"
#include "hold_strategy.hpp"

using HoldStrategy = abt::test_plugins::HoldStrategy;

extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {
  return abt::kPluginAbiMajor;
}
extern "C" __attribute__((visibility("default"))) void abt_plugin_register(abt::StrategyRegistry* registry) {
  registry->add(
      abt::make_strategy_info<HoldStrategy>("plugin_hold_bare", "test plugin with bare entry points"));
}
