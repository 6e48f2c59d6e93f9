// PriceLimitCalculator: the rule of every board at each date boundary of market-rules.md, and the half-up
// rounding of limit prices to the fen.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/execution/price_limit.hpp"

namespace abt {
namespace {

Instrument stock(const std::string& symbol, const std::string& list_date = "2000-01-04") {
  Instrument ins;
  ins.symbol = symbol;
  ins.board = board_from_symbol(symbol);
  ins.list_date = Date::parse(list_date);
  return ins;
}

LimitRule rule(const Instrument& ins, const std::string& day, int listing_day = 100, bool st = false) {
  return PriceLimitCalculator::rule(ins, Date::parse(day), listing_day, st);
}

constexpr LimitRule kNone{false, 0, 0};
constexpr LimitRule pct(int p) {
  return LimitRule{true, p, p};
}
constexpr LimitRule kIpoDay1{true, 44, 36};

TEST(PriceLimit, MainBoardTenPercentAndStFivePercentUntil20260705) {
  const Instrument sh = stock("600000.SH"), sz = stock("000001.SZ");
  EXPECT_EQ(rule(sh, "1996-12-13"), kNone);
  EXPECT_EQ(rule(sh, "1996-12-16"), pct(10));
  EXPECT_EQ(rule(sz, "2024-05-06"), pct(10));
  EXPECT_EQ(rule(sh, "2026-07-03", 100, true), pct(5));
  EXPECT_EQ(rule(sz, "2026-07-03", 100, true), pct(5));
  EXPECT_EQ(rule(sh, "2026-07-06", 100, true), pct(10));
  EXPECT_EQ(rule(sz, "2026-07-06", 100, true), pct(10));
}

TEST(PriceLimit, ChiNextTwentyPercentFrom20200824) {
  const Instrument cy = stock("300001.SZ", "2009-10-30");
  EXPECT_EQ(rule(cy, "2020-08-21"), pct(10));
  EXPECT_EQ(rule(cy, "2020-08-21", 100, true), pct(5));
  EXPECT_EQ(rule(cy, "2020-08-24"), pct(20));
  EXPECT_EQ(rule(cy, "2020-08-24", 100, true), pct(20));
}

TEST(PriceLimit, StarTwentyPercentSince20190722AndNoLimitOnDaysOneToFive) {
  const Instrument star = stock("688001.SH", "2019-07-22");
  EXPECT_EQ(rule(star, "2019-07-22", 1), kNone);
  EXPECT_EQ(rule(star, "2019-07-26", 5), kNone);
  EXPECT_EQ(rule(star, "2019-07-29", 6), pct(20));
  EXPECT_EQ(rule(star, "2024-01-02", 100, true), pct(20));
}

TEST(PriceLimit, BeijingThirtyPercent) {
  EXPECT_EQ(rule(stock("830799.BJ"), "2021-11-15"), pct(30));
}

TEST(PriceLimit, RegistrationIposHaveNoLimitOnDaysOneToFive) {
  // ChiNext listed on the reform day: registration system.
  const Instrument cy_new = stock("301001.SZ", "2020-08-24");
  EXPECT_EQ(rule(cy_new, "2020-08-24", 1), kNone);
  EXPECT_EQ(rule(cy_new, "2020-08-28", 5), kNone);
  EXPECT_EQ(rule(cy_new, "2020-08-31", 6), pct(20));
  // ChiNext listed the trading day before: the old day-1 band, then 10 %, then 20 % from the reform.
  const Instrument cy_old = stock("300999.SZ", "2020-08-21");
  EXPECT_EQ(rule(cy_old, "2020-08-21", 1), kIpoDay1);
  EXPECT_EQ(rule(cy_old, "2020-08-24", 2), pct(20));
  // Main board: registration from listings on 2023-04-10.
  const Instrument main_new = stock("603001.SH", "2023-04-10");
  EXPECT_EQ(rule(main_new, "2023-04-10", 1), kNone);
  EXPECT_EQ(rule(main_new, "2023-04-14", 5), kNone);
  EXPECT_EQ(rule(main_new, "2023-04-17", 6), pct(10));
  const Instrument main_old = stock("001999.SZ", "2023-04-07");
  EXPECT_EQ(rule(main_old, "2023-04-07", 1), kIpoDay1);
  EXPECT_EQ(rule(main_old, "2023-04-10", 2), pct(10));
  // The +44 % / -36 % day-1 band exists since 2014-06-13.
  EXPECT_EQ(rule(stock("603999.SH", "2014-06-12"), "2014-06-12", 1), kNone);
  EXPECT_EQ(rule(stock("603998.SH", "2014-06-13"), "2014-06-13", 1), kIpoDay1);
}

TEST(PriceLimit, IndicesAndUnknownBoardsAreNotLimited) {
  Instrument idx = stock("BROAD.IDX");
  idx.kind = InstrumentKind::Index;
  idx.board = Board::Index;
  EXPECT_EQ(rule(idx, "2024-01-02"), kNone);
  EXPECT_EQ(rule(stock("900901.SH"), "2024-01-02"), kNone);
}

TEST(PriceLimit, BandRoundsHalfUpToTheFen) {
  // 10.05 x 1.1 = 11.055 -> 11.06; 10.05 x 0.9 = 9.045 -> 9.05.
  LimitBand b = PriceLimitCalculator::band(pct(10), 10.05);
  EXPECT_TRUE(b.limited);
  EXPECT_DOUBLE_EQ(b.up, 11.06);
  EXPECT_DOUBLE_EQ(b.down, 9.05);
  // 3.33 x 1.05 = 3.4965 -> 3.50; x 0.95 = 3.1635 -> 3.16.
  b = PriceLimitCalculator::band(pct(5), 3.33);
  EXPECT_DOUBLE_EQ(b.up, 3.50);
  EXPECT_DOUBLE_EQ(b.down, 3.16);
  // A float32-stored reference (10.37f = 10.3699998...) is snapped to the fen first: 11.407 -> 11.41.
  b = PriceLimitCalculator::band(pct(10), static_cast<double>(10.37f));
  EXPECT_DOUBLE_EQ(b.up, 11.41);
  EXPECT_DOUBLE_EQ(b.down, 9.33);
  // Day 1 of an older IPO: issue 10.00 -> 14.40 / 6.40.
  b = PriceLimitCalculator::band(kIpoDay1, 10.0);
  EXPECT_DOUBLE_EQ(b.up, 14.40);
  EXPECT_DOUBLE_EQ(b.down, 6.40);
  EXPECT_FALSE(PriceLimitCalculator::band(kNone, 10.0).limited);
  EXPECT_FALSE(PriceLimitCalculator::band(pct(10), std::nan("")).limited);
}

TEST(PriceLimit, LimitUpFenForTheUniverseFilters) {
  // The form the strategies use (micro-cap IPO-break state, "not buyable at limit-up"): fen, -1 = no limit,
  // -2 = unknown reference. listing_day is 1-based.
  const Date d2022 = Date::from_ymd(2022, 1, 4);
  const auto on_board = [](Board board, Date list_date) {
    Instrument ins;
    ins.board = board;
    ins.list_date = list_date;
    return ins;
  };
  const Instrument main = on_board(Board::ShanghaiMain, Date::min());
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(main, d2022, 1001, false, 10.05), 1106);  // 11.055 -> 11.06
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(main, d2022, 1001, true, 10.05), 1055);   // 10.5525 -> 10.55
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(main, d2022, 1001, false, std::nan("")), -2);
  const Instrument chinext = on_board(Board::ChiNext, Date::min());
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(chinext, d2022, 1001, false, 10.0), 1200);
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(chinext, Date::from_ymd(2019, 1, 2), 1001, false, 10.0), 1100);
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(on_board(Board::ShenzhenMain, d2022), d2022, 1, false, 10.0),
            1440);  // older-rule IPO, day one: +44 %
  const Instrument star = on_board(Board::Star, d2022);
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(star, d2022, 5, false, 10.0), -1);  // registration IPO day 5
  EXPECT_EQ(PriceLimitCalculator::limit_up_fen(star, d2022, 6, false, 10.0), 1200);
  EXPECT_EQ(PriceLimitCalculator::regular_percent(Board::Beijing, Date::from_ymd(2021, 11, 12), false), 0);
  EXPECT_EQ(PriceLimitCalculator::regular_percent(Board::Beijing, Date::from_ymd(2021, 11, 15), false), 30);
  EXPECT_TRUE(PriceLimitCalculator::registration_ipo(Board::ShanghaiMain, Date::from_ymd(2023, 4, 10)));
  EXPECT_FALSE(PriceLimitCalculator::registration_ipo(Board::ShanghaiMain, Date::from_ymd(2023, 4, 7)));
}

}  // namespace
}  // namespace abt
