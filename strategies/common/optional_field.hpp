#pragma once
// Setup-time helper: resolves a daily field that the data may lack (adj_factor, is_st, float_shares).
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/strategy/context.hpp"

namespace abt {

/// Resolves `name` into `handle`; false (handle untouched) when the data has no such field. Call in on_start.
inline bool optional_daily_field(Context& ctx, std::string_view name, DataHandle& handle) {
  try {
    DataHandle h = ctx.field(Frequency::Daily, name);
    if (h.panel == nullptr || h.panel->empty()) return false;
    handle = h;
    return true;
  } catch (const ConfigError&) {
    return false;
  }
}

}  // namespace abt
