// The itemised fee schedule: minimum commission, date-aware stamp duty and transfer fee, fen rounding, and
// the config parser of cost models and slippage.
#include <gtest/gtest.h>

#include "engine/core/error.hpp"
#include "engine/execution/itemised_cost_model.hpp"

namespace abt {
namespace {

Instrument stock() {
  Instrument ins;
  ins.symbol = "600000.SH";
  ins.board = Board::ShanghaiMain;
  return ins;
}

CostBreakdown fees(Side side, int64_t q, double price, const std::string& day) {
  const ItemisedCostModel model{ItemisedCostModel::Options{}};
  return model.itemise(stock(), side, q, price, Date::parse(day));
}

TEST(ItemisedCosts, MinimumCommissionOfFiveYuanPerOrder) {
  // 10,000 CNY x 0.025 % = 2.50 -> the 5.00 minimum; transfer fee 0.10; no stamp duty on buys.
  const CostBreakdown b = fees(Side::Buy, 1000, 10.00, "2024-03-01");
  EXPECT_DOUBLE_EQ(b.commission, 5.00);
  EXPECT_DOUBLE_EQ(b.stamp_duty, 0.0);
  EXPECT_DOUBLE_EQ(b.transfer_fee, 0.10);
  EXPECT_DOUBLE_EQ(b.total(), 5.10);
  // Above the minimum: 1,234,000 x 0.025 % = 308.50.
  EXPECT_DOUBLE_EQ(fees(Side::Buy, 100000, 12.34, "2024-03-01").commission, 308.50);
}

TEST(ItemisedCosts, StampDutyOnSellsHalvedFrom20230828) {
  EXPECT_DOUBLE_EQ(fees(Side::Sell, 1000, 10.00, "2023-08-25").stamp_duty, 10.00);  // 0.1 %
  EXPECT_DOUBLE_EQ(fees(Side::Sell, 1000, 10.00, "2023-08-28").stamp_duty, 5.00);   // 0.05 %
  EXPECT_DOUBLE_EQ(fees(Side::Sell, 1000, 10.00, "2023-08-25").total(), 15.10);
  EXPECT_DOUBLE_EQ(fees(Side::Sell, 1000, 10.00, "2023-08-28").total(), 10.10);
  // Buys paid stamp duty until 2008-09-18.
  EXPECT_DOUBLE_EQ(fees(Side::Buy, 1000, 10.00, "2008-09-18").stamp_duty, 10.00);
  EXPECT_DOUBLE_EQ(fees(Side::Buy, 1000, 10.00, "2008-09-19").stamp_duty, 0.0);
}

TEST(ItemisedCosts, TransferFeeHalvedFrom20220429AndEachItemRoundedToTheFen) {
  EXPECT_DOUBLE_EQ(fees(Side::Buy, 1000, 10.00, "2022-04-28").transfer_fee, 0.20);
  EXPECT_DOUBLE_EQ(fees(Side::Buy, 1000, 10.00, "2022-04-29").transfer_fee, 0.10);
  // 300 x 12.35 = 3,705: stamp 1.8525 -> 1.85, transfer 0.03705 -> 0.04, commission minimum 5.
  const CostBreakdown b = fees(Side::Sell, 300, 12.35, "2023-09-01");
  EXPECT_DOUBLE_EQ(b.stamp_duty, 1.85);
  EXPECT_DOUBLE_EQ(b.transfer_fee, 0.04);
  EXPECT_DOUBLE_EQ(b.total(), 6.89);
}

TEST(ItemisedCosts, IndicesPayCommissionOnly) {
  Instrument idx;
  idx.symbol = "BROAD.IDX";
  idx.kind = InstrumentKind::Index;
  idx.board = Board::Index;
  const ItemisedCostModel model{ItemisedCostModel::Options{}};
  const CostBreakdown b = model.itemise(idx, Side::Sell, 10000, 100.0, Date::parse("2024-01-02"));
  EXPECT_DOUBLE_EQ(b.commission, 250.0);
  EXPECT_DOUBLE_EQ(b.stamp_duty + b.transfer_fee, 0.0);
}

TEST(ItemisedCosts, ConfigParsingAndSlippage) {
  const auto m = make_cost_model({{"model", "itemised"},
                                  {"commission", 0.0003},
                                  {"min_commission", 0},
                                  {"slippage", {{"model", "fixed"}, {"bps", 10}}}},
                                 "costs");
  EXPECT_DOUBLE_EQ(m->cost(stock(), Side::Buy, 100, 10.0, Date::parse("2024-01-02")), 0.31);  // 0.30 + 0.01
  EXPECT_DOUBLE_EQ(m->slippage().fraction(Instrument{}, Side::Buy, 100, 10.0, 1e6), 0.001);
  const auto v = make_cost_model({{"rate", 0.0013},
                                  {"quote", "round_trip"},
                                  {"slippage", {{"model", "volume"}, {"bps", 5}, {"impact", 0.1}}}},
                                 "costs");
  // 5 bps + 0.1 x sqrt(10,000 / 1,000,000) = 0.0005 + 0.01.
  EXPECT_DOUBLE_EQ(v->slippage().fraction(Instrument{}, Side::Buy, 10000, 10.0, 1e6), 0.0105);
  EXPECT_DOUBLE_EQ(v->slippage().fraction(Instrument{}, Side::Buy, 10000, 10.0, 0), 0.0005);
  auto error_of = [](const nlohmann::json& j) {
    try {
      make_cost_model(j, "costs");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error_of({{"model", "itemised"}, {"comission", 0.0003}}).rfind("costs.comission: unknown key", 0),
            0u);
  EXPECT_EQ(error_of({{"model", "itemised"}, {"commission", 0.5}})
                .rfind("costs.commission: expected a number in", 0),
            0u);
  EXPECT_EQ(error_of({{"model", "itemised"}, {"slippage", {{"model", "random"}}}})
                .rfind("costs.slippage.model:", 0),
            0u);
  EXPECT_EQ(error_of({{"model", "tiered"}}),
            "costs.model: unknown cost model 'tiered' (expected flat, itemised)");
}

}  // namespace
}  // namespace abt
