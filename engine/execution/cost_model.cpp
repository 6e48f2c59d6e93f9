#include "engine/execution/cost_model.hpp"

#include <cmath>
#include <stdexcept>

#include "engine/core/error.hpp"
#include "engine/execution/itemised_cost_model.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {

double round_to_fen(double cny) {
  // Nudge by a relative epsilon so that values such as 1.005 (stored as 1.00499999...) round up, as a
  // broker's decimal arithmetic would.
  const double fen = cny * 100.0;
  const double nudged = fen + (fen >= 0 ? 1 : -1) * 1e-9 * std::max(1.0, std::fabs(fen));
  return std::copysign(std::floor(std::fabs(nudged) + 0.5), nudged) / 100.0;
}

FlatCostModel::FlatCostModel(double rate, QuoteBasis basis)
    : rate_(rate), basis_(basis), side_rate_(basis == QuoteBasis::RoundTrip ? rate / 2 : rate) {}

double FlatCostModel::cost(const Instrument&, Side, Quantity quantity, double price, Date) const {
  return round_to_fen(quantity * price * side_rate_);
}

nlohmann::json FlatCostModel::describe() const {
  return {{"model", "flat"},
          {"rate", rate_},
          {"quote", basis_ == QuoteBasis::RoundTrip ? "round_trip" : "per_side"},
          {"per_side_rate", side_rate_},
          {"slippage", slippage().describe()}};
}

double SlippageModel::fraction(const Instrument& instrument, Side side, Quantity quantity, double price,
                               double bar_volume) const {
  switch (kind) {
    case Kind::Custom: {
      // A plugin's model: its failure is a plugin error (exit 3), not abt's.
      const auto fail = [&](const std::string& message) {
        return StrategyError("slippage model '" + custom->describe().value("model", std::string("?")) + "'",
                             "plugin", "fraction", instrument.symbol, message);
      };
      double f = 0;
      try {
        f = custom->fraction(instrument, side, quantity, price, bar_volume);
      } catch (const std::exception& e) {
        throw fail(e.what());
      }
      if (!(f >= 0) || !std::isfinite(f))
        throw fail("fraction " + std::to_string(f) + " is not a finite number >= 0");
      return f;
    }
    case Kind::None:
      return 0.0;
    case Kind::Fixed:
      return bps / 10'000.0;
    case Kind::Volume:
      return bps / 10'000.0 + (bar_volume > 0 ? impact * std::sqrt(quantity / bar_volume) : 0.0);
  }
  return 0.0;
}

nlohmann::json SlippageModel::describe() const {
  switch (kind) {
    case Kind::None:
      return {{"model", "none"}};
    case Kind::Fixed:
      return {{"model", "fixed"}, {"bps", bps}};
    case Kind::Volume:
      return {{"model", "volume"}, {"bps", bps}, {"impact", impact}};
    case Kind::Custom:
      return custom->describe();
  }
  return nullptr;
}

namespace {

/// ", a, b" for the plugin models' names (empty without any).
std::string known_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += ", " + n;
  return out;
}

double number_at(const nlohmann::json& j, const std::string& key, const std::string& path, double fallback,
                 double lo, double hi) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_number()) throw ConfigError(path + "." + key + ": expected a number, got " + j[key].dump());
  const double v = j[key].get<double>();
  if (!(v >= lo && v <= hi))
    throw ConfigError(path + "." + key + ": expected a number in [" + nlohmann::json(lo).dump() + ", " +
                      nlohmann::json(hi).dump() + "], got " + j[key].dump());
  return v;
}

bool bool_at(const nlohmann::json& j, const std::string& key, const std::string& path, bool fallback) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_boolean())
    throw ConfigError(path + "." + key + ": expected true or false, got " + j[key].dump());
  return j[key].get<bool>();
}

void reject_unknown_keys(const nlohmann::json& j, const std::string& path,
                         std::initializer_list<const char*> known) {
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    std::string list;
    for (const char* k : known) {
      ok = ok || key == k;
      list += (list.empty() ? "" : ", ") + std::string(k);
    }
    if (!ok) throw ConfigError(path + "." + key + ": unknown key (expected " + list + ")");
  }
}

SlippageModel parse_slippage(const nlohmann::json& j, const std::string& path,
                             const StrategyRegistry* registry) {
  if (!j.is_object())
    throw ConfigError(path + ": expected an object like {\"model\": \"fixed\", \"bps\": 5}");
  if (!j.contains("model") || !j["model"].is_string())
    throw ConfigError(path + ".model: expected \"none\", \"fixed\" or \"volume\"");
  const std::string model = j["model"].get<std::string>();
  SlippageModel s;
  if (const SlippageModelInfo* info = registry ? registry->find_slippage_model(model) : nullptr) {
    s.kind = SlippageModel::Kind::Custom;
    s.custom = info->create(j, path);
    if (!s.custom) throw ConfigError(path + ".model: '" + model + "' built no model");
    return s;
  }
  reject_unknown_keys(j, path, {"model", "bps", "impact"});
  if (model == "none") {
    s.kind = SlippageModel::Kind::None;
  } else if (model == "fixed") {
    s.kind = SlippageModel::Kind::Fixed;
  } else if (model == "volume") {
    s.kind = SlippageModel::Kind::Volume;
  } else {
    throw ConfigError(path + ".model: expected \"none\", \"fixed\", \"volume\"" +
                      known_names(registry ? registry->slippage_model_names() : std::vector<std::string>{}) +
                      ", got '" + model + "'");
  }
  s.bps = number_at(j, "bps", path, 0.0, 0.0, 500.0);
  s.impact = number_at(j, "impact", path, 0.0, 0.0, 10.0);
  if (s.kind != SlippageModel::Kind::Volume && j.contains("impact"))
    throw ConfigError(path + ".impact: only the volume model has an impact coefficient");
  return s;
}

std::shared_ptr<CostModel> make_flat(const nlohmann::json& j, const std::string& path) {
  reject_unknown_keys(j, path, {"model", "rate", "quote", "slippage"});
  if (!j.contains("rate") || !j["rate"].is_number())
    throw ConfigError(path + ".rate: expected a number (e.g. 0.0013)");
  const double rate = j["rate"].get<double>();
  if (rate < 0 || rate >= 0.1)
    throw ConfigError(path + ".rate: expected 0 <= rate < 0.1, got " + j["rate"].dump());
  if (!j.contains("quote") || !j["quote"].is_string())
    throw ConfigError(path + ".quote: expected \"round_trip\" or \"per_side\" (the basis must be explicit)");
  const std::string quote = j["quote"].get<std::string>();
  if (quote != "round_trip" && quote != "per_side")
    throw ConfigError(path + ".quote: expected \"round_trip\" or \"per_side\", got '" + quote + "'");
  return std::make_shared<FlatCostModel>(rate,
                                         quote == "round_trip" ? QuoteBasis::RoundTrip : QuoteBasis::PerSide);
}

std::shared_ptr<CostModel> make_itemised(const nlohmann::json& j, const std::string& path) {
  reject_unknown_keys(j, path,
                      {"model", "commission", "min_commission", "stamp_duty", "transfer_fee", "slippage"});
  ItemisedCostModel::Options o;
  o.commission = number_at(j, "commission", path, o.commission, 0.0, 0.01);
  o.min_commission = number_at(j, "min_commission", path, o.min_commission, 0.0, 1000.0);
  o.stamp_duty = bool_at(j, "stamp_duty", path, o.stamp_duty);
  o.transfer_fee = bool_at(j, "transfer_fee", path, o.transfer_fee);
  return std::make_shared<ItemisedCostModel>(o);
}

}  // namespace

namespace {
/// A plugin's cost model behind a guard: an exception or a fee that is not a finite number >= 0 becomes a
/// StrategyError naming the model (exit 3, a plugin's fault), never an engine error.
class GuardedCostModel final : public CostModel {
 public:
  GuardedCostModel(std::string name, std::shared_ptr<CostModel> inner)
      : name_(std::move(name)), inner_(std::move(inner)) {}
  double cost(const Instrument& ins, Side side, Quantity q, double price, Date day) const override {
    return itemise(ins, side, q, price, day).total();
  }
  CostBreakdown itemise(const Instrument& ins, Side side, Quantity q, double price, Date day) const override {
    CostBreakdown b;
    try {
      b = inner_->itemise(ins, side, q, price, day);
    } catch (const std::exception& e) {
      throw fail(ins, day, e.what());
    }
    for (const double v : {b.commission, b.stamp_duty, b.transfer_fee})
      if (!(v >= 0) || !std::isfinite(v))
        throw fail(ins, day, "a fee of " + std::to_string(v) + " is not a finite number >= 0");
    return b;
  }
  double buy_rate() const override { return inner_->buy_rate(); }
  nlohmann::json describe() const override {
    nlohmann::json j = inner_->describe();
    j["slippage"] = slippage().describe();
    return j;
  }

 private:
  StrategyError fail(const Instrument& ins, Date day, const std::string& message) const {
    return StrategyError("cost model '" + name_ + "'", "plugin", "itemise(" + ins.symbol + ")",
                         day.to_string(), message);
  }
  std::string name_;
  std::shared_ptr<CostModel> inner_;
};
}  // namespace

std::shared_ptr<const CostModel> make_cost_model(const nlohmann::json& j, const std::string& path,
                                                 const StrategyRegistry* registry) {
  if (j.is_null()) return std::make_shared<FlatCostModel>(0.0, QuoteBasis::PerSide);
  if (!j.is_object())
    throw ConfigError(path + ": expected an object like {\"rate\": 0.0013, \"quote\": \"round_trip\"}");
  std::string model = "flat";
  if (j.contains("model")) {
    if (!j["model"].is_string()) throw ConfigError(path + ".model: expected a string");
    model = j["model"].get<std::string>();
  }
  std::shared_ptr<CostModel> m;
  if (model == "flat") {
    m = make_flat(j, path);
  } else if (model == "itemised" || model == "itemized") {
    m = make_itemised(j, path);
  } else if (const CostModelInfo* info = registry ? registry->find_cost_model(model) : nullptr) {
    // A plugin's model: it validates its own keys; "slippage" stays abt's.
    nlohmann::json own = j;
    own.erase("slippage");
    std::shared_ptr<CostModel> inner = info->create(own, path);
    if (!inner) throw ConfigError(path + ".model: '" + model + "' built no model");
    m = std::make_shared<GuardedCostModel>(model, std::move(inner));
  } else {
    throw ConfigError(path + ".model: unknown cost model '" + model + "' (expected flat, itemised" +
                      known_names(registry ? registry->cost_model_names() : std::vector<std::string>{}) +
                      ")");
  }
  if (j.contains("slippage")) m->set_slippage(parse_slippage(j["slippage"], path + ".slippage", registry));
  return m;
}

}  // namespace abt
