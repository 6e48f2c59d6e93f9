#include <gtest/gtest.h>

#include "engine/core/error.hpp"
#include "engine/portfolio/portfolio.hpp"

namespace abt {
namespace {

TEST(Portfolio, BuySellKeepsCashHoldingsAndNavConsistent) {
  Portfolio p(3, 100000.0);
  p.buy(2, 1000, 10.0, 6.5);
  EXPECT_DOUBLE_EQ(p.cash(), 100000.0 - 10000.0 - 6.5);
  EXPECT_DOUBLE_EQ(p.holdings_value(), 10000.0);
  ASSERT_EQ(p.held().size(), 1u);
  EXPECT_EQ(p.held()[0], 2);
  p.buy(0, 500, 20.0, 0.0);
  ASSERT_EQ(p.held().size(), 2u);
  EXPECT_EQ(p.held()[0], 0);  // kept sorted by id
  p.set_mark(2, 11.0);
  EXPECT_DOUBLE_EQ(p.holdings_value(), 11000.0 + 10000.0);
  EXPECT_DOUBLE_EQ(p.nav(), p.cash() + 21000.0);
  p.buy(2, 1000, 12.0, 0.0);
  EXPECT_DOUBLE_EQ(p.position(2).avg_cost, 11.0);
  p.sell(2, 500, 13.0, 1.0);
  EXPECT_DOUBLE_EQ(p.position(2).realized_pnl, 1000.0);
  EXPECT_EQ(p.position(2).quantity, 1500);
  p.sell(2, 1500, 13.0, 0.0);
  EXPECT_EQ(p.quantity(2), 0);
  ASSERT_EQ(p.held().size(), 1u);
  EXPECT_NEAR(p.holdings_value(), p.recompute_holdings_value(), 1e-9);
  EXPECT_THROW(p.sell(0, 501, 20.0, 0.0), InternalError);
}

TEST(Portfolio, ShareRatioKeepsNavAndPaysTheFractionInCash) {
  Portfolio p(1, 20000.0);
  p.buy(0, 1002, 10.0, 0.0);
  const double nav_before = p.nav();
  // adj 1.0 -> 1.25: reference price 10 / 1.25 = 8; 1002 x 1.25 = 1252.5 -> 1252 shares + 0.5 x 8 CNY.
  EXPECT_DOUBLE_EQ(p.apply_share_ratio(0, 1.25, 8.0), 4.0);
  EXPECT_EQ(p.quantity(0), 1252);
  EXPECT_DOUBLE_EQ(p.mark(0), 8.0);
  EXPECT_DOUBLE_EQ(p.position(0).avg_cost, 8.0);
  EXPECT_DOUBLE_EQ(p.nav(), nav_before);
}

TEST(Portfolio, FractionalHoldingsConvertExactlyAndSellToZero) {
  Portfolio p(1, 20000.0);
  p.buy(0, 1002.5, 10.0, 0.0);
  EXPECT_DOUBLE_EQ(p.cash(), 20000.0 - 10025.0);
  // Without whole shares: 1002.5 x 1.25 = 1253.125 shares, nothing paid, NAV unchanged.
  EXPECT_DOUBLE_EQ(p.apply_share_ratio(0, 1.25, 8.0, /*whole_shares=*/false), 0.0);
  EXPECT_DOUBLE_EQ(p.quantity(0), 1253.125);
  EXPECT_DOUBLE_EQ(p.nav(), 20000.0);
  p.sell(0, 253.125, 9.0, 0.0);
  EXPECT_DOUBLE_EQ(p.quantity(0), 1000.0);
  EXPECT_DOUBLE_EQ(p.position(0).realized_pnl, 253.125 * (9.0 - 8.0));
  p.sell(0, 1000.0, 9.0, 0.0);
  EXPECT_TRUE(p.held().empty());
  EXPECT_DOUBLE_EQ(p.cash(), 20000.0 - 10025.0 + 1253.125 * 9.0);
}

TEST(Portfolio, TPlus1BuysAreNotSellableUntilTheNextReset) {
  Portfolio p(1, 100'000.0);
  p.buy(0, 1000, 10.0, 0.0);  // T+0: sellable at once
  EXPECT_EQ(p.position(0).sellable, 1000);
  p.buy(0, 500, 12.0, 0.0, /*sellable_now=*/false);
  EXPECT_EQ(p.quantity(0), 1500);
  EXPECT_EQ(p.position(0).sellable, 1000);
  p.sell(0, 400, 12.0, 0.0);
  EXPECT_EQ(p.position(0).sellable, 600);
  p.reset_sellable();
  EXPECT_EQ(p.position(0).sellable, 1100);
}

TEST(Portfolio, RealisedAndUnrealisedPnl) {
  Portfolio p(1, 100'000.0);
  p.buy(0, 1000, 10.0, 5.0);
  p.buy(0, 1000, 12.0, 5.0);  // avg cost 11
  EXPECT_DOUBLE_EQ(p.position(0).avg_cost, 11.0);
  p.set_mark(0, 13.0);
  EXPECT_DOUBLE_EQ(p.unrealized_pnl(0), 2000 * 2.0);
  p.sell(0, 500, 14.0, 5.0);
  EXPECT_DOUBLE_EQ(p.position(0).realized_pnl, 500 * 3.0);
  EXPECT_DOUBLE_EQ(p.unrealized_pnl(0), 1500 * 3.0);  // marked at the sell price 14
  p.sell(0, 1500, 14.0, 5.0);
  EXPECT_DOUBLE_EQ(p.unrealized_pnl(0), 0.0);
  EXPECT_DOUBLE_EQ(p.position(0).realized_pnl, 2000 * 3.0);
}

}  // namespace
}  // namespace abt
