#pragma once
// The strategy registry: strategies by name with their parameter documentation and a factory that parses
// typed params from JSON. The registry is built explicitly (register_builtin_strategies, plugins) and passed
// around; there is no global mutable registry.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/market_data.hpp"
#include "engine/strategy/params.hpp"
#include "engine/strategy/strategy.hpp"

namespace abt {

class CostModel;       // engine/execution/cost_model.hpp
class CustomSlippage;  // engine/execution/cost_model.hpp

struct StrategyInfo {
  std::string name;
  std::string summary;
  std::vector<ParamDoc> params;
  /// Parses params (JSON object or null; `path` is its JSON path for messages) and builds the strategy.
  std::function<std::unique_ptr<Strategy>(const nlohmann::json& params, const std::string& path)> create;
  /// Parses params and returns them fully resolved (every field, defaults filled in).
  std::function<nlohmann::json(const nlohmann::json& params, const std::string& path)> resolve;
};

/// Info for a strategy class S with a nested `Params` type and a constructor `explicit S(Params)`.
template <class S>
StrategyInfo make_strategy_info(std::string name, std::string summary) {
  using P = typename S::Params;
  StrategyInfo info;
  info.name = std::move(name);
  info.summary = std::move(summary);
  info.params = describe_params<P>();
  info.create = [](const nlohmann::json& j, const std::string& path) -> std::unique_ptr<Strategy> {
    return std::make_unique<S>(parse_params<P>(j, path));
  };
  info.resolve = [](const nlohmann::json& j, const std::string& path) {
    return params_to_json(parse_params<P>(j, path));
  };
  return info;
}

/// A daily series derived from the data by a pure function (e.g. the micro-cap index level), usable by name
/// as a run's benchmark when the data has no instrument or series of that name. compute() returns one value
/// per calendar day (NaN = no value) and reports data problems of the days a run covers (calendar indices
/// [first, last]) to the log when one is given (may be nullptr). A benchmark is read only after the run, so
/// it cannot leak into a strategy.
struct DerivedSeriesInfo {
  std::string name;
  std::string summary;
  std::function<std::vector<double>(const MarketData&, WarningLog* log, int32_t first, int32_t last)> compute;
};

/// Bars of one instrument derived from the data (e.g. the micro-cap index as a tradable asset). Daily vectors
/// have one value per calendar day, hourly ones one per hourly row (empty when the data has no hourly bars);
/// NaN = no bar. Contract: the bar of a time uses only data up to that time (no look-ahead).
struct DerivedBars {
  std::vector<double> open, high, low, close, volume;
  std::vector<double> hourly_open, hourly_high, hourly_low, hourly_close, hourly_volume;
};

/// An instrument derived from the data by a pure function, added to the data as a tradable index
/// (InstrumentKind::Index) when a run config lists `name` in "derived_instruments"
/// (app/run/derived_instruments.hpp).
struct DerivedInstrumentInfo {
  std::string name;    // config name, e.g. "microcap_index"
  std::string symbol;  // instrument symbol it trades under, e.g. "MICROCAP.IDX"
  std::string summary;
  std::function<DerivedBars(const MarketData&)> compute;
};

/// A cost model a plugin adds: chosen in a config by "costs": {"model": name, ...its keys}. create() parses
/// its keys from `params` (the costs object without "slippage"; `path` = its JSON path, for ConfigError
/// messages) and returns the model; describe() of the model is echoed in result.json.
struct CostModelInfo {
  std::string name;
  std::string summary;
  std::function<std::shared_ptr<CostModel>(const nlohmann::json& params, const std::string& path)> create;
};

/// A fill-price (slippage) model a plugin adds: "costs": {..., "slippage": {"model": name, ...}}.
struct SlippageModelInfo {
  std::string name;
  std::string summary;
  std::function<std::shared_ptr<const CustomSlippage>(const nlohmann::json& params, const std::string& path)>
      create;
};

/// Everything a run can look up by name: strategies, derived series and instruments, and the cost and
/// slippage models beyond the built-in ones. Built-ins and plugins register into the same object.
class StrategyRegistry {
 public:
  /// Registers a cost / slippage model; throws ConfigError when the name is taken (built-in names too).
  void add_cost_model(CostModelInfo info);
  const CostModelInfo* find_cost_model(std::string_view name) const;
  std::vector<std::string> cost_model_names() const;
  void add_slippage_model(SlippageModelInfo info);
  const SlippageModelInfo* find_slippage_model(std::string_view name) const;
  std::vector<std::string> slippage_model_names() const;

  /// Registers a derived instrument; throws ConfigError when the name or symbol is taken.
  void add_instrument(DerivedInstrumentInfo info);
  const DerivedInstrumentInfo* find_instrument(std::string_view name) const;
  const std::vector<DerivedInstrumentInfo>& all_instruments() const { return instruments_; }

  /// Registers a derived series; throws ConfigError when the name is taken.
  void add_series(DerivedSeriesInfo info);
  const DerivedSeriesInfo* find_series(std::string_view name) const;
  const std::vector<DerivedSeriesInfo>& all_series() const { return series_; }

  /// Throws ConfigError when the name is taken.
  void add(StrategyInfo info);
  const StrategyInfo* find(std::string_view name) const;
  /// Like find, throws ConfigError("<path>: unknown strategy 'x' (known: ...)").
  const StrategyInfo& get(std::string_view name, const std::string& path = "strategy.name") const;
  /// All strategies sorted by name.
  const std::vector<StrategyInfo>& all() const { return strategies_; }

 private:
  std::vector<StrategyInfo> strategies_;
  std::vector<DerivedSeriesInfo> series_;
  std::vector<DerivedInstrumentInfo> instruments_;
  std::vector<CostModelInfo> cost_models_;
  std::vector<SlippageModelInfo> slippage_models_;
};

}  // namespace abt
