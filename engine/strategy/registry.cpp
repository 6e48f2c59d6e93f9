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

namespace {
struct NoSettings {
  template <class V>
  void describe(V&) {}
};
}  // namespace

void StrategyRegistry::add_series(DerivedSeriesInfo info) {
  if (find_series(info.name)) throw ConfigError("derived series '" + info.name + "' is registered twice");
  configurable_series_.push_back(
      {info.name, info.summary, make_derived_settings<NoSettings>(),
       [compute = info.compute](const MarketData& data, const nlohmann::json&, WarningLog* log, int32_t first,
                                int32_t last) { return compute(data, log, first, last); }});
  series_.push_back(std::move(info));
}

void StrategyRegistry::add_configurable_series(ConfigurableSeriesInfo info) {
  if (find_series(info.name)) throw ConfigError("derived series '" + info.name + "' is registered twice");
  const nlohmann::json defaults = info.settings.resolve(nullptr, info.name);
  series_.push_back({info.name, info.summary,
                     [compute = info.compute, defaults](const MarketData& data, WarningLog* log,
                                                        int32_t first, int32_t last) {
                       return compute(data, defaults, log, first, last);
                     }});
  configurable_series_.push_back(std::move(info));
}

const ConfigurableSeriesInfo* StrategyRegistry::find_configurable_series(std::string_view name) const {
  for (const auto& s : configurable_series_)
    if (s.name == name) return &s;
  return nullptr;
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
  configurable_instruments_.push_back(
      {info.name, info.symbol, info.summary, make_derived_settings<NoSettings>(),
       [compute = info.compute](const MarketData& data, const nlohmann::json&) { return compute(data); }});
  instruments_.push_back(std::move(info));
}

void StrategyRegistry::add_configurable_instrument(ConfigurableInstrumentInfo info) {
  const nlohmann::json defaults = info.settings.resolve(nullptr, info.name);
  add_instrument(DerivedInstrumentInfo{
      info.name, info.symbol, info.summary,
      [compute = info.compute, defaults](const MarketData& data) { return compute(data, defaults); }});
  configurable_instruments_.back() = std::move(info);
}

const ConfigurableInstrumentInfo* StrategyRegistry::find_configurable_instrument(
    std::string_view name) const {
  for (const auto& d : configurable_instruments_)
    if (d.name == name) return &d;
  return nullptr;
}

const DerivedInstrumentInfo* StrategyRegistry::find_instrument(std::string_view name) const {
  for (const auto& d : instruments_)
    if (d.name == name) return &d;
  return nullptr;
}

namespace {
template <class Info>
const Info* find_named(const std::vector<Info>& infos, std::string_view name) {
  for (const auto& i : infos)
    if (i.name == name) return &i;
  return nullptr;
}
template <class Info>
std::vector<std::string> names_of(const std::vector<Info>& infos) {
  std::vector<std::string> out;
  for (const auto& i : infos) out.push_back(i.name);
  return out;
}
}  // namespace

void StrategyRegistry::add_cost_model(CostModelInfo info) {
  if (info.name == "flat" || info.name == "itemised" || info.name == "itemized" || find_cost_model(info.name))
    throw ConfigError("cost model '" + info.name + "' is registered twice (or is a built-in name)");
  cost_models_.push_back(std::move(info));
}

const CostModelInfo* StrategyRegistry::find_cost_model(std::string_view name) const {
  return find_named(cost_models_, name);
}

std::vector<std::string> StrategyRegistry::cost_model_names() const {
  return names_of(cost_models_);
}

void StrategyRegistry::add_slippage_model(SlippageModelInfo info) {
  if (info.name == "none" || info.name == "fixed" || info.name == "volume" || find_slippage_model(info.name))
    throw ConfigError("slippage model '" + info.name + "' is registered twice (or is a built-in name)");
  slippage_models_.push_back(std::move(info));
}

const SlippageModelInfo* StrategyRegistry::find_slippage_model(std::string_view name) const {
  return find_named(slippage_models_, name);
}

std::vector<std::string> StrategyRegistry::slippage_model_names() const {
  return names_of(slippage_models_);
}

}  // namespace abt
