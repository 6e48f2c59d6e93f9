#pragma once
// The itemised A-share fee schedule (market-rules.md, "Costs (itemised mode)"), date-aware. Every item is
// computed on the fill's notional (quantity x price, CNY) and rounded half-up to the fen on its own:
//   commission    max(commission x notional, min_commission), both sides, every instrument (the broker's
//                 rate includes the exchange handling fee and levy);
//   stamp duty    stocks only: 0.1 % until 2023-08-27, 0.05 % from 2023-08-28; on sells only since
//                 2008-09-19, on both sides before (simplified: 0.1 % each side);
//   transfer fee  stocks only, both sides: 0.002 % before 2022-04-29, 0.001 % since.
#include "engine/execution/cost_model.hpp"

namespace abt {

class ItemisedCostModel final : public CostModel {
 public:
  struct Options {
    double commission = 0.00025;  // rate per side
    double min_commission = 5.0;  // CNY per order (fill)
    bool stamp_duty = true;
    bool transfer_fee = true;
  };
  explicit ItemisedCostModel(Options options) : options_(options) {}

  double cost(const Instrument& instrument, Side side, Quantity quantity, double price,
              Date day) const override {
    return itemise(instrument, side, quantity, price, day).total();
  }
  CostBreakdown itemise(const Instrument& instrument, Side side, Quantity quantity, double price,
                        Date day) const override;
  /// Commission plus the current transfer-fee rate (the proportional part; the minimum is not included).
  double buy_rate() const override;
  nlohmann::json describe() const override;

  /// Stamp duty rate of a fill on `day` (0 for buys since 2008-09-19).
  static double stamp_duty_rate(Side side, Date day);
  /// Transfer fee rate on `day`.
  static double transfer_fee_rate(Date day);

 private:
  Options options_;
};

}  // namespace abt
