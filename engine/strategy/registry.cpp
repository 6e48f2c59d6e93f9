#include "engine/strategy/registry.hpp"

#include <algorithm>

#include "engine/core/error.hpp"

namespace abt {

void StrategyRegistry::add(StrategyInfo info) {
  if (find(info.name)) throw ConfigError("strategy '" + info.name + "' is registered twice");
  const auto pos = std::lower_bound(strategies_.begin(), strategies_.end(), info.name,
                                    [](const StrategyInfo& s, const std::string& n) { return s.name < n; });
  strategies_.insert(pos, std::move(info));
}

const StrategyInfo* StrategyRegistry::find(std::string_view name) const {
  for (const auto& s : strategies_)
    if (s.name == name) return &s;
  return nullptr;
}

const StrategyInfo& StrategyRegistry::get(std::string_view name, const std::string& path) const {
  if (const auto* s = find(name)) return *s;
  std::string known;
  for (const auto& s : strategies_) known += (known.empty() ? "" : ", ") + s.name;
  throw ConfigError(path + ": unknown strategy '" + std::string(name) + "' (known: " + known + ")");
}

void StrategyRegistry::add_series(DerivedSeriesInfo info) {
  if (find_series(info.name)) throw ConfigError("derived series '" + info.name + "' is registered twice");
  series_.push_back(std::move(info));
}

const DerivedSeriesInfo* StrategyRegistry::find_series(std::string_view name) const {
  for (const auto& s : series_)
    if (s.name == name) return &s;
  return nullptr;
}

void StrategyRegistry::add_instrument(DerivedInstrumentInfo info) {
  for (const auto& d : instruments_)
    if (d.name == info.name || d.symbol == info.symbol)
      throw ConfigError("derived instrument '" + info.name + "' (" + info.symbol + ") is registered twice");
  instruments_.push_back(std::move(info));
}

const DerivedInstrumentInfo* StrategyRegistry::find_instrument(std::string_view name) const {
  for (const auto& d : instruments_)
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace abt
