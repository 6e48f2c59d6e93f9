// A library claiming a future plugin ABI: the loader must refuse it without calling abt_plugin_register.
#include "engine/strategy/registry.hpp"

extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {
  return 999;
}
extern "C" __attribute__((visibility("default"))) void abt_plugin_register(abt::StrategyRegistry*) {
  __builtin_trap();  // never called
}
