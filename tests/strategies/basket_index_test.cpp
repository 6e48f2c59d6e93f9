#include <gtest/gtest.h>

#include "scenario/script_strategy.hpp"
#include "strategies/universe/basket_index.hpp"

namespace abt {
namespace {

using test::bar;

// Two stocks around a quarter start (2022-04-01 is the first trading day of April).
//   A: 10, 11, 11, 22 (shares 1e8)     B: 10, 10, 10, 10 (shares 3e8)
MarketData two_stock_market() {
  return test::TinyMarketBuilder({"2022-03-30", "2022-03-31", "2022-04-01", "2022-04-04"})
      .stock("000001.SZ", {bar(10, 10), bar(10, 11), bar(11, 11), bar(11, 22)}, {},
             std::vector<double>(4, 1e8))
      .stock("000002.SZ", {bar(10, 10), bar(10, 10), bar(10, 10), bar(10, 10)}, {},
             std::vector<double>(4, 3e8))
      .build();
}

std::vector<double> levels_of(const MarketData& md, bool cap_weighted) {
  BasketIndex basket({0, 1}, cap_weighted, md.calendar);
  for (int32_t d = 0; d < md.calendar.size(); ++d)
    basket.advance(d, md.daily.field(Field::Close).row(d), md.daily.field(Field::AdjFactor).row(d),
                   md.daily.field(Field::TotalShares).row(d));
  return basket.levels();
}

TEST(BasketIndex, EqualWeightResetsEachQuarter) {
  // Day 0: units A = 500/10 = 50, B = 50. Day 1: 50*11 + 50*10 = 1050. Day 2 (quarter start): 1050, reset to
  // A = 525/11, B = 52.5. Day 3: 525/11*22 + 52.5*10 = 1050 + 525 = 1575 (buy-and-hold would give 1600).
  const MarketData md = two_stock_market();
  EXPECT_TRUE(BasketIndex::is_quarter_start(md.calendar, 2));
  EXPECT_FALSE(
      BasketIndex::is_quarter_start(md.calendar, 1));  // first of the data, but not of a quarter month
  const auto levels = levels_of(md, false);
  EXPECT_DOUBLE_EQ(levels[0], 1000.0);
  EXPECT_NEAR(levels[1], 1050.0, 1e-9);
  EXPECT_NEAR(levels[2], 1050.0, 1e-9);
  EXPECT_NEAR(levels[3], 1575.0, 1e-9);
}

TEST(BasketIndex, CapWeightedStartsAtCapShares) {
  // Caps 10e8 and 30e8 -> weights 0.25 / 0.75: units A = 25, B = 75; day 1: 25*11 + 75*10 = 1025.
  const MarketData md = two_stock_market();
  const auto levels = levels_of(md, true);
  EXPECT_NEAR(levels[1], 1025.0, 1e-9);
  // With constant shares a cap-weighted reset keeps the units: day 3 = 25*22 + 75*10 = 1300.
  EXPECT_NEAR(levels[3], 1300.0, 1e-9);
}

TEST(BasketIndex, InLoopUpdateCatchesUp) {
  const MarketData md = two_stock_market();
  test::ScriptStrategy s;
  std::unique_ptr<BasketIndex> basket;
  std::vector<double> seen;
  s.start = [&](Context& ctx) {
    basket = std::make_unique<BasketIndex>(std::vector<InstrumentId>{0, 1}, false, ctx.calendar());
    basket->bind(ctx);
    ctx.subscribe(Frequency::Daily);
  };
  s.bar = [&](Context& ctx, Frequency) {
    basket->update(ctx);
    seen.push_back(basket->level());
  };
  BacktestConfig bc = test::config_with(FillMode::NextOpen);
  bc.start = md.calendar.day(3);
  Backtest(md, bc).run(s);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_NEAR(seen[0], 1575.0, 1e-9);
  EXPECT_NEAR(basket->weights()[0] + basket->weights()[1], 1.0, 1e-12);
  EXPECT_NEAR(basket->weights()[0], 1050.0 / 1575.0, 1e-12);
}

}  // namespace
}  // namespace abt
