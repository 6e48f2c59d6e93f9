#include <gtest/gtest.h>

#include <cmath>

#include "synth_test_market.hpp"

namespace abt {
namespace {

int64_t cents(float price) {
  return static_cast<int64_t>(std::llround(static_cast<double>(price) * 100.0));
}
bool on_tick(float price) {
  return static_cast<float>(static_cast<double>(cents(price)) / 100.0) == price;  // the float nearest a cent
}

/// Independent statement of market-rules.md's limit table (percent).
int rule_limit_percent(Board board, bool st, Date day) {
  if (board == Board::Star) return 20;
  if (board == Board::ChiNext) return day >= Date::from_ymd(2020, 8, 24) ? 20 : (st ? 5 : 10);
  return st && day < Date::from_ymd(2026, 7, 6) ? 5 : 10;
}
bool rule_registration(Board board, Date listed) {
  return board == Board::Star || (board == Board::ChiNext && listed >= Date::from_ymd(2020, 8, 24)) ||
         (listed >= Date::from_ymd(2023, 4, 10));
}

struct Scan {
  long bars = 0, limit_up_closes = 0, limit_down_closes = 0, one_price_limit = 0, suspended = 0, ex_dates = 0;
};

class SynthPrices : public ::testing::Test {
 protected:
  const MarketData& md = test::small_synth_market();
  float at(Field f, int32_t t, int32_t i) const { return md.daily.field(f)(t, i); }
};

TEST_F(SynthPrices, BarsRespectTickOrderingAndPriceLimits) {
  Scan s;
  const int32_t T = md.calendar.size();
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    const Instrument& ins = md.instruments[i];
    if (ins.kind != InstrumentKind::Stock) continue;
    const bool ipo_in_window = ins.list_date >= md.calendar.day(0);
    const bool registration = ipo_in_window && rule_registration(ins.board, ins.list_date);
    int32_t since_listing = ipo_in_window ? -1 : 1000;
    for (int32_t t = 0; t < T; ++t) {
      const float o = at(Field::Open, t, i), h = at(Field::High, t, i), l = at(Field::Low, t, i),
                  c = at(Field::Close, t, i), pre = at(Field::PreClose, t, i), v = at(Field::Volume, t, i);
      if (std::isnan(c)) {
        EXPECT_TRUE(std::isnan(o) && std::isnan(v) && std::isnan(pre)) << ins.symbol;
        continue;
      }
      ++since_listing;
      ++s.bars;
      for (float x : {o, h, l, c, pre}) ASSERT_TRUE(on_tick(x)) << ins.symbol << " t=" << t << " " << x;
      ASSERT_GE(h, std::max(o, c)) << ins.symbol << " t=" << t;
      ASSERT_LE(l, std::min(o, c)) << ins.symbol << " t=" << t;
      ASSERT_GT(l, 0.0f);
      ASSERT_EQ(std::fmod(v, 100.0f), 0.0f) << "volume in lots of 100 shares";
      ASSERT_LE(at(Field::FloatShares, t, i), at(Field::TotalShares, t, i));
      if (v == 0) {
        ++s.suspended;
        EXPECT_EQ(at(Field::Amount, t, i), 0.0f);
        EXPECT_TRUE(o == c && h == c && l == c);
        EXPECT_EQ(c, at(Field::Close, t - 1, i)) << "suspended bar = last close";
        continue;
      }
      if (registration && since_listing < 5) continue;  // no limit
      const bool st = at(Field::IsST, t, i) == 1.0f;
      const bool ipo_day = ipo_in_window && since_listing == 0;
      const int up_pct = ipo_day ? 44 : rule_limit_percent(ins.board, st, md.calendar.day(t));
      const int down_pct = ipo_day ? 36 : up_pct;
      const int64_t p = cents(pre);
      const int64_t up = (p * (100 + up_pct) + 50) / 100, down = (p * (100 - down_pct) + 50) / 100;
      ASSERT_LE(cents(h), up) << ins.symbol << " " << md.calendar.day(t).to_string();
      ASSERT_GE(cents(l), down) << ins.symbol << " " << md.calendar.day(t).to_string();
      if (ipo_day) continue;
      if (cents(c) == up) ++s.limit_up_closes;
      if (cents(c) == down) ++s.limit_down_closes;
      if ((cents(c) == up || cents(c) == down) && h == l) ++s.one_price_limit;
    }
  }
  EXPECT_GT(s.limit_up_closes, s.bars / 1000);
  EXPECT_GT(s.limit_down_closes, s.bars / 2000);
  EXPECT_GT(s.one_price_limit, 10);
  EXPECT_GT(s.suspended, 10);
  EXPECT_LT(s.suspended, s.bars / 50);
}

TEST_F(SynthPrices, AdjustedPricesAreContinuousAcrossExDates) {
  long ex_dates = 0;
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    if (md.instruments[i].kind != InstrumentKind::Stock) continue;
    for (int32_t t = 1; t < md.calendar.size(); ++t) {
      const float prev = at(Field::Close, t - 1, i), pre = at(Field::PreClose, t, i);
      if (std::isnan(prev) || std::isnan(pre)) continue;
      const double lhs = static_cast<double>(pre) * at(Field::AdjFactor, t, i);
      const double rhs = static_cast<double>(prev) * at(Field::AdjFactor, t - 1, i);
      ASSERT_NEAR(lhs / rhs, 1.0, 1e-6) << md.instruments[i].symbol << " t=" << t;
      if (pre != prev) {
        ++ex_dates;
        EXPECT_LT(pre, prev) << "an ex-date lowers the reference price";
        EXPECT_GT(at(Field::AdjFactor, t, i), at(Field::AdjFactor, t - 1, i));
      }
    }
  }
  EXPECT_GT(ex_dates, 100);
}

TEST_F(SynthPrices, OlderRuleIposOpenWithLimitUpStreaks) {
  int streaks = 0, ipos = 0;
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    const Instrument& ins = md.instruments[i];
    if (ins.kind != InstrumentKind::Stock || ins.list_date < md.calendar.day(0)) continue;
    ++ipos;
    const int32_t first = *md.calendar.index_of(ins.list_date);
    EXPECT_TRUE(std::isnan(at(Field::Close, first - 1, i)));
    EXPECT_EQ(at(Field::AdjFactor, first, i), 1.0f);
    if (rule_registration(ins.board, ins.list_date)) continue;
    // Day one sealed at +44 %, then consecutive sealed limit-ups.
    EXPECT_EQ(cents(at(Field::Close, first, i)), (cents(at(Field::PreClose, first, i)) * 144 + 50) / 100);
    int run = 0;
    for (int32_t t = first + 1; t < md.calendar.size(); ++t) {
      const int64_t up = (cents(at(Field::PreClose, t, i)) * 110 + 50) / 100;
      if (cents(at(Field::Close, t, i)) != up) break;
      ++run;
    }
    if (run >= 2) ++streaks;
  }
  EXPECT_GT(ipos, 20);
  EXPECT_GT(streaks, 3);
}

}  // namespace
}  // namespace abt
