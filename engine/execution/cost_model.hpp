#pragma once
// Cost models (plug point). A cost model prices the fees of one fill in CNY, rounded to the fen.
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/core/time.hpp"
#include "engine/data/instrument.hpp"
#include "engine/strategy/order.hpp"

namespace abt {

class CostModel {
 public:
  virtual ~CostModel() = default;
  /// Fees of one fill in CNY, rounded half-up to the fen. quantity > 0, price > 0 (CNY per share).
  virtual double cost(const Instrument& instrument, Side side, int64_t quantity, double price,
                      Date day) const = 0;
  /// Proportional buy-side rate used by the sizing rule to reserve cash (e.g. 0.00065).
  virtual double buy_rate() const = 0;
  /// The model's description as JSON (echoed in result.json).
  virtual nlohmann::json describe() const = 0;
};

/// How a quoted flat rate is meant (strategies.md section 0).
enum class QuoteBasis : uint8_t { RoundTrip, PerSide };

/// One quoted rate, charged on every buy and every sell: rate/2 per side for a round-trip quote.
/// {"rate": 0.0013, "quote": "round_trip"} -> 0.065 % of notional on each side.
class FlatCostModel final : public CostModel {
 public:
  FlatCostModel(double rate, QuoteBasis basis);
  double cost(const Instrument& instrument, Side side, int64_t quantity, double price,
              Date day) const override;
  double buy_rate() const override { return side_rate_; }
  nlohmann::json describe() const override;
  double side_rate() const { return side_rate_; }

 private:
  double rate_;
  QuoteBasis basis_;
  double side_rate_;
};

/// Rounds a CNY amount half-up to the fen (0.01). Robust to binary representation (x.xx5 rounds up).
double round_to_fen(double cny);

/// Builds a cost model from config JSON at `path`: {"rate": r, "quote": "round_trip"|"per_side"}.
/// Throws ConfigError naming the path on bad input.
std::shared_ptr<const CostModel> make_cost_model(const nlohmann::json& j, const std::string& path);

}  // namespace abt
