#pragma once
// Out-of-tree strategy plugins (docs/writing-a-strategy.md, section 9). A plugin is a shared library that
// exports C entry points, defined by the macros below in one source file of the plugin:
//
//   #include "engine/strategy/plugin_api.hpp"
//   ABT_PLUGIN_INFO("my_plugin", "1.2.0")   // optional: the plugin's declared name and version
//   ABT_PLUGIN(registry) {
//     registry.add(abt::make_strategy_info<MyStrategy>("my_strategy", "one-line summary"));
//   }
//
//   int  abt_plugin_abi_version();                      // the plugin ABI major it was compiled with
//   int  abt_plugin_abi_minor();                        // its minor (absent before ABI 3.1: minor 0)
//   void abt_plugin_register(abt::StrategyRegistry*);   // adds its strategies
//   const AbtPluginInfo* abt_plugin_info();             // optional (ABT_PLUGIN_INFO)
//
// Compatibility contract (PluginLibraries, app/run/plugin_loader.hpp): the host loads a plugin whose ABI
// major equals kPluginAbiMajor and whose minor is at most kPluginAbiMinor, and refuses any other with a
// message naming both versions. C++ types (Strategy, Context, StrategyRegistry, std::string, nlohmann::json)
// cross the boundary, so a plugin must be built with the same compiler family, C++ standard library ABI and
// nlohmann_json as the abt that loads it. A minor bump only adds what plugins of the older minor never use:
// virtual functions appended at the end of Context (plugins call Context, never derive from it), inline
// helpers, new types, new optional entry points, fields appended to AbtPluginInfo. Anything else that changes
// a type crossing the boundary (any change to Strategy's virtual functions, a Context virtual inserted,
// removed or changed, the layout of StrategyInfo, ParamDoc, StrategyRegistry, Panel, HistoryView,
// Instrument, Schedule, WarningLog, ...) bumps the major and resets the minor.
#include "engine/strategy/registry.hpp"

namespace abt {

/// The plugin binary interface of this abt: major.minor.
// Major 2: Context::sellable, Context::request_reentry; 3: quantities are doubles (Context::position,
// sellable, target_shares, order_shares; Fill::quantity) for fractional shares, Context::warnings,
// Context::provenance, status, position_info, pending_order(s), cancel, seed, declare_signal, record;
// Strategy::on_fill, on_reject. Minor 3.1: the abt_plugin_abi_minor and abt_plugin_info entry points;
// 3.2: Context::market_data (appended) for shared derived state, MarketData::derived (appended member),
// derived series and instruments with settings (StrategyRegistry::add_configurable_series/_instrument,
// members appended to StrategyRegistry). Major 4: Panel has appended columns (derived instruments added
// beside the market instead of copying it: Panel::cols() = stored_cols() + appended_cols(), row() spans the
// stored columns), which changes the layout of Panel, BarData and MarketData.
inline constexpr int kPluginAbiMajor = 4;
inline constexpr int kPluginAbiMinor = 0;

}  // namespace abt

extern "C" {
/// What ABT_PLUGIN_INFO declares. C types only; fields are only ever appended (a minor bump), and the host
/// reads a field only from plugins whose ABI minor introduced it.
struct AbtPluginInfo {
  const char* name;     // the plugin's name, e.g. "momentum"
  const char* version;  // its version, e.g. "1.2.0" (free text; semantic versioning recommended)
};
using AbtPluginAbiVersionFn = int (*)();
using AbtPluginAbiMinorFn = int (*)();
using AbtPluginRegisterFn = void (*)(abt::StrategyRegistry*);
using AbtPluginInfoFn = const AbtPluginInfo* (*)();
}

#define ABT_PLUGIN_ABI_SYMBOL "abt_plugin_abi_version"
#define ABT_PLUGIN_ABI_MINOR_SYMBOL "abt_plugin_abi_minor"
#define ABT_PLUGIN_REGISTER_SYMBOL "abt_plugin_register"
#define ABT_PLUGIN_INFO_SYMBOL "abt_plugin_info"

/// Defines the plugin entry points; the body that follows receives `abt::StrategyRegistry& registry_var`.
#define ABT_PLUGIN(registry_var)                                                                           \
  static void abt_plugin_register_strategies(::abt::StrategyRegistry& registry_var);                       \
  extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {                         \
    return ::abt::kPluginAbiMajor;                                                                         \
  }                                                                                                        \
  extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_minor() {                           \
    return ::abt::kPluginAbiMinor;                                                                         \
  }                                                                                                        \
  extern "C" __attribute__((visibility("default"))) void abt_plugin_register(::abt::StrategyRegistry* r) { \
    abt_plugin_register_strategies(*r);                                                                    \
  }                                                                                                        \
  static void abt_plugin_register_strategies(::abt::StrategyRegistry& registry_var)

/// Declares the plugin's name and version (string literals), recorded with every run that loads it
/// (result.json "plugins", the run store). Optional: without it the name is the library's file stem and the
/// version "".
#define ABT_PLUGIN_INFO(name_literal, version_literal)                                       \
  extern "C" __attribute__((visibility("default"))) const AbtPluginInfo* abt_plugin_info() { \
    static const AbtPluginInfo info{name_literal, version_literal};                          \
    return &info;                                                                            \
  }
