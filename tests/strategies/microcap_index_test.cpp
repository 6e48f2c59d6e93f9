#include <gtest/gtest.h>

#include <cmath>

#include "scenario/script_strategy.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {
namespace {

using test::bar;

// Four days of 2022 (main-board rules: day-one IPO limit +44 %, then 10 %). Shares 1e8 except D (1e6).
//   A 000001.SZ: 10, 11, 12, 12   caps 10, 11, 12, 12 (x 1e8)
//   B 000002.SZ: 20, 22, 22, 22   caps 20, 22, 22, 22
//   C 600000.SH: 30, 30, 15, 15   caps 30, 30, 15, 15
//   D 600001.SH: lists on day 1 at open 10: closes 14.40 (= +44 %, sealed), 15.84 (= +10 %, sealed), 15
//                (below 17.42: the run breaks on day 3)
// size 2: C_0 = {A, B}; C_1 = {A, B}; C_2 = {A, C}; C_3 = {D, A}.
// Levels: I_0 = 1000; I_1 = 1000 * (1 + (0.1 + 0.1) / 2) = 1100; I_2 = 1100 * (1 + (1/11 + 0) / 2) = 1150;
// I_3 = 1150 (A and C flat).
MarketData three_stock_market() {
  const std::vector<double> shares(4, 1e8), small(4, 1e6);
  return test::TinyMarketBuilder({"2022-01-04", "2022-01-05", "2022-01-06", "2022-01-07"})
      .stock("000001.SZ", {bar(10, 10), bar(10, 11), bar(11, 12), bar(12, 12)}, {}, shares)
      .stock("000002.SZ", {bar(20, 20), bar(20, 22), bar(22, 22), bar(22, 22)}, {}, shares)
      .stock("600000.SH", {bar(30, 30), bar(30, 30), bar(30, 15), test::suspended(15)}, {}, shares)
      .stock("600001.SH", {test::absent(), bar(10, 14.40), bar(15.84, 15.84), bar(15.84, 15)}, {}, small)
      .index("BROAD.IDX", {1000, 1000, 1000, 1000})
      .build();
}

TEST(MicrocapIndex, ChainsEqualWeightBottomNOnATinyMarket) {
  const MarketData md = three_stock_market();
  MicrocapIndexParams p;
  p.size = 2;
  const std::vector<double> levels = microcap_index_levels(md, p);
  ASSERT_EQ(levels.size(), 4u);
  EXPECT_DOUBLE_EQ(levels[0], 1000.0);
  EXPECT_NEAR(levels[1], 1100.0, 1e-9);
  EXPECT_NEAR(levels[2], 1150.0, 1e-9);
  EXPECT_NEAR(levels[3], 1150.0, 1e-9);

  // Membership day by day, through advance().
  MicrocapIndex index(md.instruments, md.calendar, p, /*track_level=*/true);
  const auto rows = [&](int32_t d) { return day_rows(md.daily, d); };
  const std::vector<std::vector<int32_t>> expected = {{0, 1}, {0, 1}, {0, 2}, {3, 0}};
  for (int32_t d = 0; d < 4; ++d) {
    index.advance(d, rows(d), d > 0 ? rows(d - 1) : DayRows{});
    EXPECT_EQ(index.members(), expected[static_cast<size_t>(d)]) << "day " << d;
  }
  EXPECT_FALSE(md.instruments[3].list_date == md.calendar.day(0));
  EXPECT_TRUE(index.ipo_broken(3));
}

TEST(MicrocapIndex, InLoopUpdateMatchesTheWholeDataComputation) {
  const MarketData md = three_stock_market();
  MicrocapIndexParams p;
  p.size = 2;
  const std::vector<double> expected = microcap_index_levels(md, p);

  // The run starts on day 2: the first update() catches up from day 0 through history views.
  test::ScriptStrategy s;
  std::vector<Instrument> instruments;
  std::unique_ptr<MicrocapIndex> index;
  std::vector<double> seen;
  s.start = [&](Context& ctx) {
    for (int32_t i = 0; i < ctx.instrument_count(); ++i) instruments.push_back(ctx.instrument(i));
    index = std::make_unique<MicrocapIndex>(instruments, ctx.calendar(), p, true);
    index->bind(ctx);
    ctx.subscribe(Frequency::Daily);
  };
  s.bar = [&](Context& ctx, Frequency) {
    index->update(ctx);
    seen.push_back(index->level());
  };
  BacktestConfig bc = test::config_with(FillMode::NextOpen);
  bc.start = md.calendar.day(2);
  Backtest(md, bc).run(s);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_DOUBLE_EQ(seen[0], expected[2]);
  EXPECT_DOUBLE_EQ(seen[1], expected[3]);
  EXPECT_EQ(index->members(), (std::vector<int32_t>{3, 0}));
}

TEST(MicrocapIndex, StAndDelistingArrangementExclusionsAreSeparateSwitches) {
  // Caps A 1 < B 2 < C 3 < D 4 (x 1e9), size 2. A is ST on day 1; B is in the delisting arrangement on day 2.
  const std::vector<double> shares(3, 1e8);
  const MarketData md = test::TinyMarketBuilder({"2022-01-04", "2022-01-05", "2022-01-06"})
                            .stock("000001.SZ", {bar(10, 10), bar(10, 10), bar(10, 10)}, {}, shares)
                            .stock("000002.SZ", {bar(20, 20), bar(20, 20), bar(20, 20)}, {}, shares)
                            .stock("000003.SZ", {bar(30, 30), bar(30, 30), bar(30, 30)}, {}, shares)
                            .stock("000004.SZ", {bar(40, 40), bar(40, 40), bar(40, 40)}, {}, shares)
                            .st("000001.SZ", {0, 1, 0})
                            .st("000002.SZ", {0, 0, 2})
                            .build();
  const auto members = [&](bool exclude_st, bool exclude_delisting) {
    MicrocapIndexParams p;
    p.size = 2;
    p.exclude_st = exclude_st;
    p.exclude_delisting = exclude_delisting;
    MicrocapIndex index(md.instruments, md.calendar, p, /*track_level=*/true);
    std::vector<std::vector<int32_t>> out;
    for (int32_t d = 0; d < 3; ++d) {
      index.advance(d, day_rows(md.daily, d), d > 0 ? day_rows(md.daily, d - 1) : DayRows{});
      out.push_back(index.members());
    }
    return out;
  };
  using Days = std::vector<std::vector<int32_t>>;
  EXPECT_EQ(members(true, true), (Days{{0, 1}, {1, 2}, {0, 2}}));
  EXPECT_EQ(members(true, false), (Days{{0, 1}, {1, 2}, {0, 1}}));  // the arrangement stock stays in
  EXPECT_EQ(members(false, true), (Days{{0, 1}, {0, 1}, {0, 2}}));  // the ST stock stays in
}

TEST(MicrocapIndex, RanksByTheDataMarketValueWhenItHasNoShareCounts) {
  // Tushare daily_basic style: total_mv given, no total_shares. Prices say A < B < C, market values say
  // C (1e9) < A (2e9) < B (3e9): size 2 takes C and A, ranked by the values as given. Inside a run too.
  test::TinyMarketBuilder b({"2022-01-04", "2022-01-05"});
  b.stock("000001.SZ", {bar(10, 10), bar(10, 10)})
      .stock("000002.SZ", {bar(20, 20), bar(20, 20)})
      .stock("000003.SZ", {bar(30, 30), bar(30, 30)});
  MarketData md = b.build();
  ASSERT_FALSE(md.daily.has(Field::TotalShares));
  const std::vector<float> mv = {2e9f, 3e9f, 1e9f, 2e9f, 3e9f, 1e9f};
  md.daily.extra.emplace("total_mv", md.adopt(mv, 2, 3));
  MicrocapIndexParams p;
  p.size = 2;
  MicrocapIndex index(md.instruments, md.calendar, p, /*track_level=*/true);
  index.advance(0, day_rows(md.daily, 0), DayRows{});
  EXPECT_EQ(index.members(), (std::vector<int32_t>{2, 0}));
  EXPECT_DOUBLE_EQ(index.member_caps()[0], 1e9);  // of member 2

  test::ScriptStrategy s;
  std::vector<Instrument> instruments;
  std::unique_ptr<MicrocapIndex> bound;
  s.start = [&](Context& ctx) {
    bound = make_bound_microcap_index(ctx, instruments, p, /*track_level=*/false);
    ctx.subscribe(Frequency::Daily);
  };
  std::vector<int32_t> seen;
  s.bar = [&](Context& ctx, Frequency) {
    bound->update(ctx);
    seen = bound->rank_now(ctx);
  };
  Backtest(md, test::config_with(FillMode::NextOpen)).run(s);
  EXPECT_EQ(seen, (std::vector<int32_t>{2, 0}));
}

TEST(MicrocapIndex, NeitherSharesNorMarketValueIsAClearError) {
  const MarketData md = test::TinyMarketBuilder({"2022-01-04"}).stock("000001.SZ", {bar(10, 10)}).build();
  test::ScriptStrategy s;
  std::vector<Instrument> instruments;
  s.start = [&](Context& ctx) { make_bound_microcap_index(ctx, instruments, {}, false); };
  try {
    Backtest(md, test::config_with(FillMode::NextOpen)).run(s);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("neither total_shares nor total_mv"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace abt
