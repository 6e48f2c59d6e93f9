#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/execution/cost_model.hpp"

namespace abt {
namespace {

TEST(CostRounding, RoundTripQuoteChargesHalfPerSideToTheFen) {
  const auto model = make_cost_model(nlohmann::json{{"rate", 0.0013}, {"quote", "round_trip"}}, "costs");
  const Instrument ins;
  // 1000 x 10.00 = 10,000 CNY x 0.065 % = 6.50 CNY on each side.
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Buy, 1000, 10.00, Date{}), 6.50);
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Sell, 1000, 10.00, Date{}), 6.50);
  // 1000 x 10.01 = 10,010 x 0.00065 = 6.5065 -> 6.51.
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Buy, 1000, 10.01, Date{}), 6.51);
}

TEST(CostRounding, HalfUpAtExactlyHalfAFen) {
  const auto model = make_cost_model(nlohmann::json{{"rate", 0.001}, {"quote", "per_side"}}, "costs");
  const Instrument ins;
  // 100 x 10.05 = 1005 x 0.1 % = 1.005: half-up gives 1.01 (banker's rounding or binary noise would
  // give 1.00).
  EXPECT_DOUBLE_EQ(model->cost(ins, Side::Buy, 100, 10.05, Date{}), 1.01);
  EXPECT_DOUBLE_EQ(round_to_fen(2.675), 2.68);
  EXPECT_DOUBLE_EQ(round_to_fen(2.674999), 2.67);
}

}  // namespace
}  // namespace abt
