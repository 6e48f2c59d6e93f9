// A plugin that registers one cost model and one slippage (fill-price) model, for the extension-point tests
// (tests/scenario/plugin_models_test.cpp):
//   cost model "per_share": commission = per_share CNY x quantity, at least `minimum` CNY per fill;
//   slippage "half_spread": the fill moves by half of a quoted spread of `spread_bps` basis points.
#include <cmath>

#include "engine/core/error.hpp"
#include "engine/execution/cost_model.hpp"
#include "engine/strategy/plugin_api.hpp"

namespace {

double number(const nlohmann::json& j, const char* key, const std::string& path) {
  if (!j.contains(key) || !j[key].is_number() || !(j[key].get<double>() >= 0))
    throw abt::ConfigError(path + "." + key + ": expected a number >= 0");
  return j[key].get<double>();
}

void only(const nlohmann::json& j, const std::string& path, std::initializer_list<const char*> keys) {
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) throw abt::ConfigError(path + "." + key + ": unknown key");
  }
}

class PerShareCost final : public abt::CostModel {
 public:
  PerShareCost(double per_share, double minimum) : per_share_(per_share), minimum_(minimum) {}
  double cost(const abt::Instrument&, abt::Side, abt::Quantity quantity, double, abt::Date) const override {
    return abt::round_to_fen(std::max(minimum_, per_share_ * quantity));
  }
  double buy_rate() const override { return 0.0; }
  nlohmann::json describe() const override {
    return {{"model", "per_share"},
            {"per_share", per_share_},
            {"minimum", minimum_},
            {"slippage", slippage().describe()}};
  }

 private:
  double per_share_, minimum_;
};

class HalfSpread final : public abt::CustomSlippage {
 public:
  explicit HalfSpread(double bps) : bps_(bps) {}
  double fraction(const abt::Instrument&, abt::Side, abt::Quantity, double, double) const override {
    return bps_ / 2.0 / 10'000.0;
  }
  nlohmann::json describe() const override { return {{"model", "half_spread"}, {"spread_bps", bps_}}; }

 private:
  double bps_;
};

}  // namespace

ABT_PLUGIN(registry) {
  registry.add_cost_model(
      {"per_share", "test plugin: a commission per share with a minimum per fill",
       [](const nlohmann::json& j, const std::string& path) -> std::shared_ptr<abt::CostModel> {
         only(j, path, {"model", "per_share", "minimum"});
         return std::make_shared<PerShareCost>(number(j, "per_share", path),
                                               j.contains("minimum") ? number(j, "minimum", path) : 0.0);
       }});
  registry.add_slippage_model(
      {"half_spread", "test plugin: half of a quoted spread",
       [](const nlohmann::json& j, const std::string& path) -> std::shared_ptr<const abt::CustomSlippage> {
         only(j, path, {"model", "spread_bps"});
         return std::make_shared<HalfSpread>(number(j, "spread_bps", path));
       }});
}
