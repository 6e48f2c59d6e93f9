// A plugin claiming a newer minor of this abt's plugin ABI (it might call Context functions this host does
// not have): the loader must refuse it without calling abt_plugin_register.
#include "engine/strategy/plugin_api.hpp"

extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {
  return abt::kPluginAbiMajor;
}
extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_minor() {
  return abt::kPluginAbiMinor + 1;
}
extern "C" __attribute__((visibility("default"))) void abt_plugin_register(abt::StrategyRegistry*) {
  __builtin_trap();  // never called
}
