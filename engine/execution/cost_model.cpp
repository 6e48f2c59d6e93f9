#include "engine/execution/cost_model.hpp"

#include <cmath>

#include "engine/core/error.hpp"

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

double FlatCostModel::cost(const Instrument&, Side, int64_t quantity, double price, Date) const {
  return round_to_fen(static_cast<double>(quantity) * price * side_rate_);
}

nlohmann::json FlatCostModel::describe() const {
  return {{"model", "flat"},
          {"rate", rate_},
          {"quote", basis_ == QuoteBasis::RoundTrip ? "round_trip" : "per_side"},
          {"per_side_rate", side_rate_}};
}

std::shared_ptr<const CostModel> make_cost_model(const nlohmann::json& j, const std::string& path) {
  if (j.is_null()) return std::make_shared<FlatCostModel>(0.0, QuoteBasis::PerSide);
  if (!j.is_object())
    throw ConfigError(path + ": expected an object like {\"rate\": 0.0013, \"quote\": \"round_trip\"}");
  std::string model = "flat";
  if (j.contains("model")) {
    if (!j["model"].is_string()) throw ConfigError(path + ".model: expected a string");
    model = j["model"].get<std::string>();
  }
  if (model != "flat") throw ConfigError(path + ".model: unknown cost model '" + model + "' (expected flat)");
  for (const auto& [key, value] : j.items())
    if (key != "model" && key != "rate" && key != "quote")
      throw ConfigError(path + "." + key + ": unknown key (expected model, rate, quote)");
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

}  // namespace abt
