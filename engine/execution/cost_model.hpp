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

/// The fees of one fill by item, each in CNY rounded half-up to the fen.
struct CostBreakdown {
  double commission = 0;  // broker commission (a flat model puts its whole fee here)
  double stamp_duty = 0;
  double transfer_fee = 0;
  double total() const { return commission + stamp_duty + transfer_fee; }
};

class StrategyRegistry;

/// A fill-price (slippage) model registered by a plugin under a name (costs.slippage.model = that name).
class CustomSlippage {
 public:
  virtual ~CustomSlippage() = default;
  /// Fraction (>= 0, finite) of the market price `price` by which a fill of `quantity` moves against the
  /// trader, given the execution bar's volume (0 when unknown).
  virtual double fraction(const Instrument& instrument, Side side, Quantity quantity, double price,
                          double bar_volume) const = 0;
  /// Its description and parameters as JSON (echoed in result.json).
  virtual nlohmann::json describe() const = 0;
};

/// Slippage: the fraction of the market price by which a fill moves against the trader (buys pay more,
/// sells receive less); the simulator snaps the moved price to the tick (half-up) and keeps it inside the
/// day's price limits.
///   none:   0
///   fixed:  bps / 10,000
///   volume: bps / 10,000 + impact x sqrt(quantity / bar volume) (impact grows with the order's share of
///           the bar's volume; a bar without volume adds nothing)
///   custom: a plugin's model (`custom`), by the name it registered
struct SlippageModel {
  enum class Kind : uint8_t { None, Fixed, Volume, Custom };
  Kind kind = Kind::None;
  double bps = 0;
  double impact = 0;
  std::shared_ptr<const CustomSlippage> custom;
  double fraction(const Instrument& instrument, Side side, Quantity quantity, double price,
                  double bar_volume) const;
  nlohmann::json describe() const;
};

class CostModel {
 public:
  virtual ~CostModel() = default;
  /// Fees of one fill in CNY, rounded half-up to the fen. quantity > 0 (whole shares, or a fraction of a
  /// share with fractional shares), price > 0 (CNY per share). Fees depend on the notional quantity x price.
  virtual double cost(const Instrument& instrument, Side side, Quantity quantity, double price,
                      Date day) const = 0;
  /// The same fees by item; total() == cost(). Default: everything is commission.
  virtual CostBreakdown itemise(const Instrument& instrument, Side side, Quantity quantity, double price,
                                Date day) const {
    return CostBreakdown{cost(instrument, side, quantity, price, day), 0, 0};
  }
  /// Proportional buy-side rate used by the sizing rule to reserve cash (e.g. 0.00065).
  virtual double buy_rate() const = 0;
  /// The model's description as JSON (echoed in result.json).
  virtual nlohmann::json describe() const = 0;

  const SlippageModel& slippage() const { return slippage_; }
  void set_slippage(const SlippageModel& slippage) { slippage_ = slippage; }

 private:
  SlippageModel slippage_;
};

/// How a quoted flat rate is meant (strategies.md section 0).
enum class QuoteBasis : uint8_t { RoundTrip, PerSide };

/// One quoted rate, charged on every buy and every sell: rate/2 per side for a round-trip quote.
/// {"rate": 0.0013, "quote": "round_trip"} -> 0.065 % of notional on each side.
class FlatCostModel final : public CostModel {
 public:
  FlatCostModel(double rate, QuoteBasis basis);
  double cost(const Instrument& instrument, Side side, Quantity quantity, double price,
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

/// Builds a cost model from config JSON at `path` (docs/cost-model.md):
///   {"rate": r, "quote": "round_trip"|"per_side"} (model "flat", the default), or
///   {"model": "itemised", "commission": 0.00025, "min_commission": 5, "stamp_duty": true,
///    "transfer_fee": true}, or
///   {"model": "<a name a plugin registered in `registry`>", ...its own keys}
/// each optionally with "slippage": {"model": "fixed", "bps": 5} | {"model": "volume", "bps": 5,
/// "impact": 0.1} | {"model": "<a registered slippage model>", ...}. Throws ConfigError naming the path on
/// bad input (a plugin model's factory validates its own keys, with the same JSON paths).
std::shared_ptr<const CostModel> make_cost_model(const nlohmann::json& j, const std::string& path,
                                                 const StrategyRegistry* registry = nullptr);

}  // namespace abt
