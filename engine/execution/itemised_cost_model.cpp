#include "engine/execution/itemised_cost_model.hpp"

#include <algorithm>

namespace abt {

namespace {
const Date kStampDutySellOnly = Date::from_ymd(2008, 9, 19);
const Date kStampDutyHalved = Date::from_ymd(2023, 8, 28);
const Date kTransferFeeHalved = Date::from_ymd(2022, 4, 29);
}  // namespace

double ItemisedCostModel::stamp_duty_rate(Side side, Date day) {
  if (side == Side::Buy && day >= kStampDutySellOnly) return 0.0;
  return day >= kStampDutyHalved ? 0.0005 : 0.001;
}

double ItemisedCostModel::transfer_fee_rate(Date day) {
  return day >= kTransferFeeHalved ? 0.00001 : 0.00002;
}

CostBreakdown ItemisedCostModel::itemise(const Instrument& instrument, Side side, Quantity quantity,
                                         double price, Date day) const {
  const double notional = quantity * price;
  CostBreakdown b;
  b.commission = round_to_fen(std::max(notional * options_.commission, options_.min_commission));
  if (instrument.kind == InstrumentKind::Stock) {
    if (options_.stamp_duty) b.stamp_duty = round_to_fen(notional * stamp_duty_rate(side, day));
    if (options_.transfer_fee) b.transfer_fee = round_to_fen(notional * transfer_fee_rate(day));
  }
  return b;
}

double ItemisedCostModel::buy_rate() const {
  return options_.commission + (options_.transfer_fee ? 0.00002 : 0.0);
}

nlohmann::json ItemisedCostModel::describe() const {
  return {{"model", "itemised"},
          {"commission", options_.commission},
          {"min_commission", options_.min_commission},
          {"stamp_duty", options_.stamp_duty},
          {"transfer_fee", options_.transfer_fee},
          {"slippage", slippage().describe()}};
}

}  // namespace abt
