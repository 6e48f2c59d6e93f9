// Panels with appended columns (engine/data/panel.hpp): how derived instruments join a market without a copy.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "engine/data/history_view.hpp"
#include "engine/data/market_data.hpp"

namespace abt {
namespace {

// 3 rows x 2 stored columns, 2 appended columns: value(r, c) = 10 * r + c.
struct TwoBlocks {
  std::vector<float> stored{0, 1, 10, 11, 20, 21};
  std::vector<float> appended{2, 3, 12, 13, 22, 23};
  Panel panel() const { return Panel(Panel(stored.data(), 3, 2), appended.data(), 2); }
};

TEST(AppendedPanel, EveryColumnIsReadByIdAndRowsSpanTheStoredBlock) {
  const TwoBlocks blocks;
  const Panel p = blocks.panel();
  EXPECT_EQ(p.cols(), 4);
  EXPECT_EQ(p.stored_cols(), 2);
  EXPECT_EQ(p.appended_cols(), 2);
  EXPECT_FALSE(p.contiguous());
  EXPECT_EQ(p.data(), blocks.stored.data());  // the stored block is shared, not copied
  for (int32_t r = 0; r < 3; ++r)
    for (int32_t c = 0; c < 4; ++c) EXPECT_EQ(p(r, c), 10.0f * r + c) << r << "," << c;
  ASSERT_EQ(p.row(1).size(), 2u);
  EXPECT_EQ(p.row(1)[1], 11.0f);
  float row[4];
  p.copy_row(2, row);
  EXPECT_EQ(std::vector<float>(row, row + 4), (std::vector<float>{20, 21, 22, 23}));
  EXPECT_EQ(contiguous_values(p), (std::vector<float>{0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}));
  EXPECT_TRUE(Panel(blocks.stored.data(), 3, 2).contiguous());
}

TEST(AppendedPanel, AHistoryViewReadsAppendedColumnsWithoutLookAhead) {
  const TwoBlocks blocks;
  const HistoryView v(blocks.panel(), 1, 5);  // rows 0..1: row 2 is the future
  EXPECT_EQ(v.size(), 2);
  EXPECT_EQ(v.cols(), 4);
  EXPECT_EQ(v.stored_cols(), 2);
  EXPECT_FALSE(v.contiguous());
  EXPECT_EQ(v.at(0, 3), 13.0f);
  EXPECT_EQ(v.at(1, 2), 2.0f);
  EXPECT_THROW(v.at(0, 4), std::out_of_range);
  EXPECT_THROW(v.at(-1, 3), LookAheadError);
  float column[2];
  EXPECT_EQ(v.copy_column(3, column), 2);
  EXPECT_EQ(column[0], 3.0f);
  EXPECT_EQ(column[1], 13.0f);
  std::vector<float> window(8);
  v.copy_rows(window.data());
  EXPECT_EQ(window, (std::vector<float>{0, 1, 2, 3, 10, 11, 12, 13}));
}

TEST(AppendedPanel, FingerprintAndFlatteningSeeTheSameValuesAsOneBlock) {
  const TwoBlocks blocks;
  MarketData split;
  split.calendar =
      TradingCalendar({Date::from_ymd(2024, 1, 2), Date::from_ymd(2024, 1, 3), Date::from_ymd(2024, 1, 4)});
  for (const char* symbol : {"000001.SZ", "000002.SZ", "A.IDX", "B.IDX"}) {
    Instrument ins;
    ins.symbol = symbol;
    split.instruments.push_back(ins);
  }
  split.rebuild_symbol_index();
  init_daily_layout(split.daily, split.calendar);
  for (const Field f : {Field::Open, Field::High, Field::Low, Field::Close, Field::Volume})
    split.daily.fields[static_cast<int>(f)] = blocks.panel();
  split.validate();
  EXPECT_TRUE(split.has_appended_columns());

  const MarketData flat = with_contiguous_panels(split);
  EXPECT_FALSE(flat.has_appended_columns());
  const Panel& close = flat.daily.field(Field::Close);
  EXPECT_EQ(close.stored_cols(), 4);
  for (int32_t r = 0; r < 3; ++r)
    for (int32_t c = 0; c < 4; ++c) EXPECT_EQ(close(r, c), 10.0f * r + c);
  EXPECT_EQ(compute_fingerprint(split), compute_fingerprint(flat));
}

}  // namespace
}  // namespace abt
