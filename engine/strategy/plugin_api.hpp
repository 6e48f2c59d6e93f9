#pragma once
// Out-of-tree strategy plugins (docs/writing-a-strategy.md). A plugin is a shared library that exports two C
// functions, both defined by the ABT_PLUGIN macro in one source file of the plugin:
//
//   #include "engine/strategy/plugin_api.hpp"
//   ABT_PLUGIN(registry) {
//     registry.add(abt::make_strategy_info<MyStrategy>("my_strategy", "one-line summary"));
//   }
//
//   int  abt_plugin_abi_version();                          // the kPluginAbiVersion it was compiled with
//   void abt_plugin_register(abt::StrategyRegistry* registry);  // adds its strategies
//
// The host (PluginLibraries, engine/run/plugin_loader.hpp) refuses a library whose ABI version differs from
// its own. C++ types (Strategy, Context, StrategyRegistry, std::string, nlohmann::json) cross the boundary,
// so a plugin must be built with the same compiler family and the headers of the abt it is loaded into; the
// ABI version is bumped whenever those headers change incompatibly.
#include "engine/strategy/registry.hpp"

namespace abt {

/// Version of the plugin binary interface of this abt.
// 2: Context::sellable, Context::request_reentry; 3: quantities are doubles (Context::position, sellable,
// target_shares, order_shares; Fill::quantity) for fractional shares, Context::warnings, provenance, status,
// position_info, pending_order(s), cancel, seed; Strategy::on_fill, on_reject.
inline constexpr int kPluginAbiVersion = 3;

}  // namespace abt

extern "C" {
using AbtPluginAbiVersionFn = int (*)();
using AbtPluginRegisterFn = void (*)(abt::StrategyRegistry*);
}

#define ABT_PLUGIN_ABI_SYMBOL "abt_plugin_abi_version"
#define ABT_PLUGIN_REGISTER_SYMBOL "abt_plugin_register"

/// Defines the plugin entry points; the body that follows receives `abt::StrategyRegistry& registry_var`.
#define ABT_PLUGIN(registry_var)                                                                           \
  static void abt_plugin_register_strategies(::abt::StrategyRegistry& registry_var);                       \
  extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {                         \
    return ::abt::kPluginAbiVersion;                                                                       \
  }                                                                                                        \
  extern "C" __attribute__((visibility("default"))) void abt_plugin_register(::abt::StrategyRegistry* r) { \
    abt_plugin_register_strategies(*r);                                                                    \
  }                                                                                                        \
  static void abt_plugin_register_strategies(::abt::StrategyRegistry& registry_var)
