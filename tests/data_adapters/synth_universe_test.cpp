#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "synth_test_market.hpp"

namespace abt {
namespace {

TEST(SynthUniverse, InstrumentsBoardsListingsAndSt) {
  const MarketData& md = test::small_synth_market();
  ASSERT_EQ(md.instrument_count(), 302);
  std::map<Board, int> boards;
  int ipos = 0, delisted = 0, st_ever = 0;
  std::set<std::string> symbols;
  for (InstrumentId i = 0; i < 300; ++i) {
    const Instrument& ins = md.instruments[i];
    EXPECT_EQ(ins.kind, InstrumentKind::Stock);
    EXPECT_EQ(ins.board, board_from_symbol(ins.symbol)) << ins.symbol;
    EXPECT_TRUE(symbols.insert(ins.symbol).second);
    ++boards[ins.board];
    if (ins.list_date >= md.calendar.day(0)) {
      ++ipos;
      if (ins.board == Board::Star) {
        EXPECT_GE(ins.list_date, Date::from_ymd(2019, 7, 22)) << ins.symbol;
      }
    }
    if (ins.delist_date != Date::max()) {
      ++delisted;
      const int32_t last = *md.calendar.index_of(ins.delist_date);
      ASSERT_LT(last + 1, md.calendar.size());
      EXPECT_FALSE(std::isnan(md.daily.field(Field::Close)(last, i)));
      EXPECT_TRUE(std::isnan(md.daily.field(Field::Close)(last + 1, i)));
    }
    for (int32_t t = 0; t < md.calendar.size(); ++t)
      if (md.daily.field(Field::IsST)(t, i) == 1.0f) {
        ++st_ever;
        break;
      }
  }
  EXPECT_TRUE(std::is_sorted(md.instruments.begin(), md.instruments.begin() + 300,
                             [](const Instrument& a, const Instrument& b) { return a.symbol < b.symbol; }));
  EXPECT_TRUE(md.find("600519.SH").has_value());
  EXPECT_TRUE(md.find("300750.SZ").has_value());
  EXPECT_NEAR(boards[Board::ShanghaiMain] / 300.0, 0.35, 0.08);
  EXPECT_NEAR(boards[Board::Star] / 300.0, 0.10, 0.05);
  EXPECT_NEAR(boards[Board::ShenzhenMain] / 300.0, 0.30, 0.08);
  EXPECT_NEAR(boards[Board::ChiNext] / 300.0, 0.25, 0.08);
  EXPECT_GT(ipos, 40);  // STAR plus three years of main-board/ChiNext listings
  EXPECT_GE(delisted, 1);
  EXPECT_GE(st_ever, 5);
}

TEST(SynthUniverse, IndicesAndTenYearYield) {
  const MarketData& md = test::small_synth_market();
  for (const char* symbol : {kBroadIndexSymbol, kMaotaiIndexSymbol}) {
    const auto id = md.find(symbol);
    ASSERT_TRUE(id.has_value()) << symbol;
    EXPECT_EQ(md.instruments[*id].kind, InstrumentKind::Index);
    EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(0, *id), 1000.0f);
    for (int32_t t = 0; t < md.calendar.size(); ++t) {
      const float c = md.daily.field(Field::Close)(t, *id);
      ASSERT_GT(c, 0.0f);
      ASSERT_GE(md.daily.field(Field::High)(t, *id), std::max(c, md.daily.field(Field::Open)(t, *id)));
      ASSERT_LE(md.daily.field(Field::Low)(t, *id), std::min(c, md.daily.field(Field::Open)(t, *id)));
      if (t > 0) {
        ASSERT_EQ(md.daily.field(Field::PreClose)(t, *id), md.daily.field(Field::Close)(t - 1, *id));
      }
    }
  }
  const Panel& y = md.series.at(kTenYearYieldSeries);
  ASSERT_EQ(y.rows(), md.calendar.size());
  for (int32_t t = 0; t < y.rows(); ++t) {
    EXPECT_GE(y(t, 0), 1.0f);
    EXPECT_LE(y(t, 0), 5.0f);
  }
}

/// Caps (亿 CNY) of the `k` smallest listed non-ST stocks at day t, ascending.
std::vector<double> smallest_caps(const MarketData& md, int32_t t, size_t k) {
  std::vector<double> caps;
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    if (md.instruments[i].kind != InstrumentKind::Stock) continue;
    const float c = md.daily.field(Field::Close)(t, i);
    if (std::isnan(c) || md.daily.field(Field::IsST)(t, i) == 1.0f) continue;
    caps.push_back(static_cast<double>(c) * md.daily.field(Field::TotalShares)(t, i) / 1e8);
  }
  std::sort(caps.begin(), caps.end());
  caps.resize(std::min(caps.size(), k));
  return caps;
}

TEST(SynthUniverse, DefaultMarketHasAMicroCapTailAndGiants) {
  const MarketData& md = test::default_synth_market();
  ASSERT_EQ(md.instrument_count(), 5002);
  for (const char* day : {"2019-12-31", "2023-11-30"}) {
    const int32_t t = *md.calendar.index_of(Date::parse(day));
    const std::vector<double> caps = smallest_caps(md, t, 400);
    ASSERT_EQ(caps.size(), 400u);
    EXPECT_GE(caps[20], 4.0) << day;  // 5th percentile of the 400
    EXPECT_LE(caps.back(), 40.0) << day;
    EXPECT_GE(caps[200], 10.0) << day;
    EXPECT_LE(caps[200], 30.0) << day;
    double largest = 0;
    for (InstrumentId i = 0; i < 5000; ++i) {
      const float c = md.daily.field(Field::Close)(t, i);
      if (!std::isnan(c))
        largest = std::max(largest, static_cast<double>(c) * md.daily.field(Field::TotalShares)(t, i));
    }
    EXPECT_GT(largest, 5e11) << day;
    EXPECT_LT(largest, 4e12) << day;
  }
  // Blue chips lead 2016-2020, micro-caps 2021-2023: MAOTAI beats BROAD first, then lags it.
  const InstrumentId broad = *md.find(kBroadIndexSymbol), mao = *md.find(kMaotaiIndexSymbol);
  auto ratio = [&](InstrumentId id, const char* a, const char* b) {
    return md.daily.field(Field::Close)(*md.calendar.index_of(Date::parse(b)), id) /
           md.daily.field(Field::Close)(*md.calendar.index_of(Date::parse(a)), id);
  };
  EXPECT_GT(ratio(mao, "2016-02-01", "2021-02-10"), ratio(broad, "2016-02-01", "2021-02-10"));
  EXPECT_LT(ratio(mao, "2021-02-18", "2023-12-29"), ratio(broad, "2021-02-18", "2023-12-29"));
  int delisted = 0;
  for (InstrumentId i = 0; i < 5000; ++i) delisted += md.instruments[i].delist_date != Date::max();
  EXPECT_GT(delisted, 50);
  EXPECT_LT(delisted, 500);
}

TEST(SynthUniverse, StDelistingsEndWithAFifteenDayDelistingArrangement) {
  // A stock in the delisting arrangement (IsST 2) is in it for exactly its last 15 trading days, was ST (1)
  // the day before, and is delisted after them (or is still in it when the data ends).
  const MarketData& md = test::default_synth_market();
  const Panel& status = md.daily.field(Field::IsST);
  int arrangements = 0;
  for (InstrumentId i = 0; i < 5000; ++i) {
    int32_t first = -1, count = 0;
    for (int32_t t = 0; t < md.calendar.size(); ++t)
      if (status(t, i) == kStatusDelistingArrangement) {
        if (first < 0) first = t;
        ++count;
      }
    if (first < 0) continue;
    ++arrangements;
    const Instrument& ins = md.instruments[i];
    if (ins.delist_date == Date::max()) {  // still in the arrangement when the data ends
      EXPECT_EQ(first + count, md.calendar.size()) << ins.symbol;
      EXPECT_LE(count, 15) << ins.symbol;
    } else {
      EXPECT_EQ(count, 15) << ins.symbol;
      EXPECT_EQ(md.calendar.day(first + count - 1), ins.delist_date) << ins.symbol;
    }
    if (first > 0) {
      EXPECT_EQ(status(first - 1, i), kStatusSt) << ins.symbol;
    }
  }
  EXPECT_GE(arrangements, 5);
}

}  // namespace
}  // namespace abt
