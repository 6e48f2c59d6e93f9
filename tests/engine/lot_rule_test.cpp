#include <gtest/gtest.h>

#include "engine/execution/lot_rule.hpp"

namespace abt {
namespace {

Instrument stock(const char* symbol, Board board) {
  Instrument i;
  i.symbol = symbol;
  i.board = board;
  return i;
}

TEST(LotRule, MainBoardBuysInHundreds) {
  const LotRule rule(stock("600000.SH", Board::ShanghaiMain), true);
  EXPECT_EQ(rule.round_buy(48216), 48200);
  EXPECT_EQ(rule.round_buy(100), 100);
  EXPECT_EQ(rule.round_buy(99), 0);
  EXPECT_EQ(rule.step_down_buy(48200), 48100);
  EXPECT_EQ(rule.step_down_buy(100), 0);
}

TEST(LotRule, StarBuysAtLeast200ThenSingleShares) {
  const LotRule rule(stock("688001.SH", Board::Star), true);
  EXPECT_EQ(rule.round_buy(199), 0);
  EXPECT_EQ(rule.round_buy(200), 200);
  EXPECT_EQ(rule.round_buy(201), 201);
  EXPECT_EQ(rule.round_buy(1234), 1234);
  EXPECT_EQ(rule.step_down_buy(201), 200);
  EXPECT_EQ(rule.step_down_buy(200), 0);
  // A partial STAR sell must be at least 200 shares; the whole position may always go.
  EXPECT_EQ(rule.round_sell(150, 1000), 0);
  EXPECT_EQ(rule.round_sell(250, 1000), 250);
  EXPECT_EQ(rule.round_sell(150, 150), 150);
}

TEST(LotRule, OddLotIsSoldOnlyWithTheWholePosition) {
  const LotRule rule(stock("000001.SZ", Board::ShenzhenMain), true);
  EXPECT_EQ(rule.round_sell(1050, 1050), 1050);  // the whole position, odd lot included
  EXPECT_EQ(rule.round_sell(5000, 1050), 1050);  // more than held: the whole position
  EXPECT_EQ(rule.round_sell(1000, 1050), 1000);
  EXPECT_EQ(rule.round_sell(1049, 1050), 1000);  // partial: rounded down to hundreds
  EXPECT_EQ(rule.round_sell(50, 1050), 0);
}

TEST(LotRule, IndicesAndLotsOffTradeSingleUnits) {
  Instrument idx;
  idx.symbol = "MICRO.IDX";
  idx.kind = InstrumentKind::Index;
  idx.board = Board::Index;
  EXPECT_EQ(LotRule(idx, true).round_buy(7), 7);
  EXPECT_EQ(LotRule(idx, true).round_sell(3, 7), 3);
  const LotRule off(stock("600000.SH", Board::ShanghaiMain), false);
  EXPECT_EQ(off.round_buy(48216), 48216);
  EXPECT_EQ(off.round_sell(33, 1000), 33);
  EXPECT_EQ(off.step_down_buy(48216), 48215);
  // Whole-share kinds round fractional requests (a fractional order_shares delta) down.
  EXPECT_EQ(off.round_buy(48216.7), 48216);
  EXPECT_EQ(off.round_sell(33.9, 1000), 33);
  EXPECT_EQ(off.shares(48216.0077), 48216);
  EXPECT_EQ(off.shares(0.1 * 100000 / 10), 1000);  // binary noise tolerated
  EXPECT_FALSE(off.fractional());
}

TEST(LotRule, FractionalSharesAreNotRoundedWhereThereIsNoBoardLot) {
  const LotRule frac(stock("600000.SH", Board::ShanghaiMain), false, true);
  EXPECT_TRUE(frac.fractional());
  EXPECT_DOUBLE_EQ(frac.shares(500'000.0 / 10.37), 500'000.0 / 10.37);
  EXPECT_EQ(frac.shares(-1), 0);
  EXPECT_DOUBLE_EQ(frac.round_buy(48216.0077), 48216.0077);
  EXPECT_EQ(frac.round_buy(kFractionalDust / 2), 0);  // noise is no trade
  EXPECT_DOUBLE_EQ(frac.round_sell(10.25, 100.5), 10.25);
  EXPECT_DOUBLE_EQ(frac.round_sell(100.5 - kFractionalDust / 2, 100.5), 100.5);  // no dust left behind
  // Stepping down a fractional buy: by at least the wanted amount.
  EXPECT_NEAR(frac.step_down_buy(100.0, 0.25), 99.75, 1e-9);
  EXPECT_LT(frac.step_down_buy(100.0, 0.25), 99.75);
  EXPECT_EQ(frac.step_down_buy(0.1, 0.2), 0);
  // Board lots win: a stock with lots on still trades in hundreds; an index trades fractional units.
  const LotRule lots(stock("600000.SH", Board::ShanghaiMain), true, true);
  EXPECT_FALSE(lots.fractional());
  EXPECT_EQ(lots.round_buy(48216.0077), 48200);
  EXPECT_EQ(lots.shares(48216.0077), 48216);
  Instrument idx;
  idx.symbol = "BROAD.IDX";
  idx.kind = InstrumentKind::Index;
  idx.board = Board::Index;
  EXPECT_TRUE(LotRule(idx, true, true).fractional());
  EXPECT_DOUBLE_EQ(LotRule(idx, true, true).round_buy(3.25), 3.25);
}

}  // namespace
}  // namespace abt
