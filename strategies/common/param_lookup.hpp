#pragma once
// Setup-time lookups of the instruments and series a strategy's parameters name, with errors that say which
// parameter to set. The built-in defaults (BROAD.IDX, MAOTAI.IDX, CN10Y) exist in the synthetic market
// only: on real data the error names the parameter and what to give it instead (docs/real-data.md).
#include <string>

#include "engine/core/error.hpp"
#include "engine/strategy/context.hpp"

namespace abt {

/// The id of `symbol`, named by parameter `param` (e.g. "mao_symbol", "symbols[0]"); `default_symbol` is the
/// parameter's default and `instead` what a user can set instead ("" for none).
inline InstrumentId param_instrument(Context& ctx, const std::string& symbol, const std::string& param,
                                     const std::string& default_symbol, const std::string& instead = "") {
  if (const auto id = ctx.find_instrument(symbol)) return *id;
  std::string message = "strategy.params." + param + ": unknown instrument '" + symbol + "'";
  if (symbol == default_symbol)
    message += " (the default, an index of the synthetic market: set strategy.params." + param +
               " to an instrument of this data" + (instead.empty() ? "" : ", or " + instead) + ")";
  throw ConfigError(message);
}

/// The handle of external series `name`, named by parameter `param`; `disable` says how to switch the
/// input off ("" when it cannot be).
inline DataHandle param_series(Context& ctx, const std::string& name, const std::string& param,
                               const std::string& disable = "") {
  try {
    return ctx.series(name);
  } catch (const ConfigError&) {
    throw ConfigError("strategy.params." + param + ": the data has no series '" + name +
                      "' (import one with --series " + name + "=FILE" +
                      (disable.empty() ? "" : ", or " + disable) + ")");
  }
}

}  // namespace abt
