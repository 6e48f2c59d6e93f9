// The pieces of a sweep's lean outputs on hand-made values: the columnar equity file (sweep_equity.hpp),
// --keep (sweep_keep.hpp) and the robustness of the best points (sweep_robustness.hpp).
#include <gtest/gtest.h>

#include <fstream>

#include "app/run/sweep_equity.hpp"
#include "app/run/sweep_keep.hpp"
#include "app/run/sweep_robustness.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

Date d(const char* text) {
  return Date::parse(text);
}

TEST(SweepEquity, OneColumnPerVariantOnTheUnionOfDates) {
  VariantCurve a{3, "v0003", {d("2020-01-02"), d("2020-01-03")}, {1000000, 1000123.456}, {}};
  VariantCurve b{1, "v0001", {d("2020-01-03"), d("2020-01-06")}, {999999.994, 1000000.5}, {3000.12345, 3001}};
  const std::string csv = sweep_equity_csv({a, b});
  // v0001 is the lowest index: its benchmark is the column, on its dates.
  EXPECT_EQ(csv,
            "date,benchmark,v0001,v0003\n"
            "2020-01-02,,,1000000.00\n"
            "2020-01-03,3000.1235,999999.99,1000123.46\n"
            "2020-01-06,3001.0000,1000000.50,\n");
  const auto dir = test::make_temp_dir("sweep-equity");
  std::ofstream(dir / "e.csv") << csv;
  const auto back = read_sweep_equity(dir / "e.csv");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].id, "v0001");
  EXPECT_EQ(back[0].index, 1);
  EXPECT_EQ(back[0].dates, (std::vector<Date>{d("2020-01-03"), d("2020-01-06")}));
  EXPECT_EQ(back[0].benchmark, (std::vector<double>{3000.1235, 3001}));
  EXPECT_EQ(back[1].nav, (std::vector<double>{1000000, 1000123.46}));
  EXPECT_EQ(sweep_equity_csv(back), csv);  // what merge writes back
  std::ofstream(dir / "bad.csv") << "date,v0001\n2020-01-02,abc\n";
  try {
    read_sweep_equity(dir / "bad.csv");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv: row 2: column v0001: expected a number, got 'abc'"),
              std::string::npos)
        << e.what();
  }
}

TEST(SweepKeep, ParsesAllTopAndNone) {
  EXPECT_EQ(KeepPolicy::parse("all").mode, KeepPolicy::Mode::All);
  EXPECT_EQ(KeepPolicy::parse("none").mode, KeepPolicy::Mode::None);
  const KeepPolicy top = KeepPolicy::parse("top:3");
  EXPECT_EQ(top.top, 3);
  EXPECT_TRUE(top.keeps(3));
  EXPECT_FALSE(top.keeps(4));
  EXPECT_FALSE(top.keeps(0));  // failed variants never
  EXPECT_EQ(top.to_string(), "top:3");
  EXPECT_EQ(KeepPolicy().to_string(), "top:10");
  EXPECT_THROW(KeepPolicy::parse("top:"), ConfigError);
  EXPECT_THROW(KeepPolicy::parse("some"), ConfigError);
}

/// A 3 x 3 grid a in {1, 2, 3} x b in {10, 20, 30} (b fastest) with `values[row][col]` of `metric`.
std::vector<SweepRow> grid(const double (&values)[3][3], const std::string& metric) {
  std::vector<SweepRow> rows;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      SweepRow r;
      r.variant.index = i * 3 + j;
      r.variant.id = "v000" + std::to_string(i * 3 + j);
      r.variant.overrides = {{"a", i + 1}, {"b", (j + 1) * 10}};
      r.metrics = {{metric, values[i][j]}};
      rows.push_back(r);
    }
  return rank_rows(rows, metric);
}

TEST(SweepRobustness, AnIsolatedPeakIsFlagged) {
  const double v[3][3] = {{0.1, 0.2, 0.1}, {0.2, 2.0, 0.2}, {0.1, 0.2, 0.1}};
  const auto ranked = grid(v, "sharpe");
  const SweepRobustness r = sweep_robustness({"a", "b"}, ranked, "sharpe", 2);
  EXPECT_DOUBLE_EQ(r.grid_median, 0.2);
  ASSERT_EQ(r.points.size(), 2u);
  const PointRobustness& best = r.points[0];
  EXPECT_EQ(best.row->variant.id, "v0004");
  EXPECT_EQ(best.neighbours, 4u);
  EXPECT_DOUBLE_EQ(best.neighbour_median, 0.2);
  ASSERT_TRUE(best.retained.has_value());
  EXPECT_DOUBLE_EQ(*best.retained, 0.0);  // (0.2 - 0.2) / (2.0 - 0.2)
  EXPECT_TRUE(best.isolated);
  // Rank 2: the first 0.2 by index, v0001 (a=1, b=20): neighbours 2.0, 0.1, 0.1; its value is the median.
  EXPECT_EQ(r.points[1].row->variant.id, "v0001");
  EXPECT_EQ(r.points[1].neighbours, 3u);
  EXPECT_DOUBLE_EQ(r.points[1].neighbour_median, 0.1);
  EXPECT_DOUBLE_EQ(r.points[1].neighbour_worst, 0.1);
  EXPECT_FALSE(r.points[1].retained.has_value());
  // A point worse than the median (a corner, 0.1) is no peak: not judged.
  const SweepRobustness all = sweep_robustness({"a", "b"}, ranked, "sharpe", 9);
  EXPECT_DOUBLE_EQ(all.points.back().value, 0.1);
  EXPECT_EQ(all.points.back().neighbours, 2u);
  EXPECT_FALSE(all.points.back().retained.has_value());
  EXPECT_FALSE(all.points.back().isolated);
}

TEST(SweepRobustness, ARidgeHoldsUpInEitherDirection) {
  const double up[3][3] = {{0.0, 0.5, 1.0}, {0.5, 1.0, 1.5}, {1.0, 1.5, 2.0}};
  const auto ranked = grid(up, "sharpe");  // the points refer into it
  const SweepRobustness r = sweep_robustness({"a", "b"}, ranked, "sharpe", 2);
  EXPECT_DOUBLE_EQ(r.grid_median, 1.0);
  EXPECT_EQ(r.points[0].row->variant.id, "v0008");
  EXPECT_DOUBLE_EQ(r.points[0].neighbour_median, 1.5);
  EXPECT_DOUBLE_EQ(*r.points[0].retained, 0.5);  // (1.5 - 1) / (2 - 1)
  EXPECT_FALSE(r.points[0].isolated);
  // v0005 (a=2, b=30): neighbours 1.0, 2.0, 1.0 -> median 1.0 = the grid's: keeps none of its lead.
  EXPECT_EQ(r.points[1].row->variant.id, "v0005");
  EXPECT_DOUBLE_EQ(*r.points[1].retained, 0.0);
  EXPECT_TRUE(r.points[1].isolated);
  // The same ridge as a lower-is-better metric (2 - value): the same verdicts.
  double down[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) down[i][j] = 2 - up[i][j];
  const auto ranked_down = grid(down, "max_drawdown");
  const SweepRobustness l = sweep_robustness({"a", "b"}, ranked_down, "max_drawdown", 1);
  EXPECT_EQ(l.points[0].row->variant.id, "v0008");
  EXPECT_DOUBLE_EQ(l.points[0].neighbour_worst, 0.5);
  EXPECT_DOUBLE_EQ(*l.points[0].retained, 0.5);
  EXPECT_FALSE(l.points[0].isolated);
}

}  // namespace
}  // namespace abt
