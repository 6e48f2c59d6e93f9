// qlib binary layout adapter: generated directories (always) and the real sample (when ../shared exists).
#include "data_adapters/qlib/qlib_source.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "data_adapters/qlib/qlib_bin.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
constexpr float kNaN = test::kNaN;

using test::write_text;

/// Five days; SH600001 with a factor change 2 -> 4 on day 3 (a 1:1 bonus issue), SZ000002 listed from day
/// 2 and suspended on day 3, index SH000300 without a factor file.
fs::path make_qlib_dir(const std::string& name) {
  const fs::path root = test::make_temp_dir(name);
  write_text(root / "calendars" / "day.txt", "2024-01-02\n2024-01-03\n2024-01-04\n2024-01-05\n2024-01-08\n");
  write_text(root / "instruments" / "all.txt",
             "SH600001\t2024-01-02\t2024-01-08\nSZ000002\t2024-01-04\t2024-01-08\nSH000300\t2024-01-02\t2024-"
             "01-08\n");
  const fs::path a = root / "features" / "SH600001";
  fs::create_directories(a);
  write_qlib_bin(a / "close.day.bin", 0, {20, 22, 24, 48, 50});
  write_qlib_bin(a / "open.day.bin", 0, {20, 20, 22, 46, 48});
  write_qlib_bin(a / "high.day.bin", 0, {21, 23, 25, 49, 51});
  write_qlib_bin(a / "low.day.bin", 0, {19, 19, 21, 45, 47});
  write_qlib_bin(a / "volume.day.bin", 0, {100, 200, 300, 400, 500});
  write_qlib_bin(a / "factor.day.bin", 0, {2, 2, 2, 4, 4});
  write_qlib_bin(a / "total_mv.day.bin", 0, {1, 2, 3, 4, 5});
  const fs::path b = root / "features" / "sz000002";
  fs::create_directories(b);
  write_qlib_bin(b / "close.day.bin", 2, {9, 9, 9.9f});
  write_qlib_bin(b / "open.day.bin", 2, {8, kNaN, 9});
  write_qlib_bin(b / "volume.day.bin", 2, {10, 0, 30});
  write_qlib_bin(b / "factor.day.bin", 2, {1, 1, 1});
  const fs::path c = root / "features" / "SH000300";
  fs::create_directories(c);
  write_qlib_bin(c / "close.day.bin", 0, {3000.5f, 3010, 3020, 3030, 3040});
  write_qlib_bin(c / "open.day.bin", 0, {3000, 3000, 3010, 3020, 3030});
  return root;
}

TEST(QlibSource, UnadjustsPricesAndKeepsTheFactor) {
  const MarketData md = read_qlib(make_qlib_dir("qlib_basic"), {});
  ASSERT_EQ(md.calendar.size(), 5);
  ASSERT_EQ(md.instrument_count(), 3);
  // Sorted by symbol: 000002.SZ, 000300.SH, 600001.SH.
  EXPECT_EQ(md.instruments[0].symbol, "000002.SZ");
  EXPECT_EQ(md.instruments[1].symbol, "000300.SH");
  EXPECT_EQ(md.instruments[1].kind, InstrumentKind::Index);
  EXPECT_EQ(md.instruments[2].symbol, "600001.SH");
  EXPECT_EQ(md.instruments[2].board, Board::ShanghaiMain);
  const int s = 2, z = 0, idx = 1;
  const Panel& close = md.daily.field(Field::Close);
  const Panel& adj = md.daily.field(Field::AdjFactor);
  const float expected_close[] = {10, 11, 12, 12, 12.5f};
  for (int t = 0; t < 5; ++t) EXPECT_FLOAT_EQ(close(t, s), expected_close[t]) << t;
  EXPECT_FLOAT_EQ(adj(2, s), 2.0f);
  EXPECT_FLOAT_EQ(adj(3, s), 4.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Open)(3, s), 11.5f);
  // Ex-date reference price: previous close 12 x 2 / 4.
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(3, s), 6.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(4, s), 500.0f);
  ASSERT_NE(md.daily.find_field("total_mv"), nullptr);
  EXPECT_FLOAT_EQ((*md.daily.find_field("total_mv"))(4, s), 5.0f);
  // Index: prices as they are, factor 1.
  EXPECT_FLOAT_EQ(close(0, idx), 3000.5f);
  EXPECT_FLOAT_EQ(adj(0, idx), 1.0f);
  // Late listing and a suspended day (volume 0, open filled from the carried close).
  EXPECT_TRUE(std::isnan(close(1, z)));
  EXPECT_EQ(md.instruments[z].list_date, Date::from_ymd(2024, 1, 4));
  EXPECT_EQ(md.instruments[z].delist_date, Date::max());
  EXPECT_FLOAT_EQ(md.daily.field(Field::Open)(3, z), 9.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(3, z), 0.0f);
}

TEST(QlibSource, SymbolSelectionAndMarketFile) {
  QlibOptions o;
  o.symbols = {"sh600001"};
  const MarketData md = read_qlib(make_qlib_dir("qlib_select"), o);
  ASSERT_EQ(md.instrument_count(), 1);
  EXPECT_EQ(md.instruments[0].symbol, "600001.SH");
  o.market = "csi300";
  EXPECT_THROW(read_qlib(make_qlib_dir("qlib_market"), o), DataError);
}

TEST(QlibSource, FeatureDirectoriesMissingFromAllTxtAreNamedOrRead) {
  // all.txt lists two of the three feature directories: the third is named in a note, or read on request.
  const fs::path root = make_qlib_dir("qlib_unlisted");
  write_text(root / "instruments" / "all.txt",
             "SH600001\t2024-01-02\t2024-01-08\nSH000300\t2024-01-02\t2024-01-08\n");
  std::vector<std::string> notes;
  EXPECT_EQ(read_qlib(root, {}, &notes).instrument_count(), 2);
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes[0].find("1 feature directories are not in all.txt and were not read (e.g. 000002.SZ)"),
            std::string::npos)
      << notes[0];
  QlibOptions o;
  o.all_features = true;
  EXPECT_EQ(read_qlib(root, o).instrument_count(), 3);
}

void expect_data_error(const fs::path& root, const std::string& needle1, const std::string& needle2) {
  try {
    read_qlib(root, {});
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(needle1), std::string::npos) << m;
    EXPECT_NE(m.find(needle2), std::string::npos) << m;
  }
}

TEST(QlibSource, TruncatedBinNamesFileAndOffset) {
  const fs::path root = make_qlib_dir("qlib_trunc");
  const fs::path f = root / "features" / "SH600001" / "close.day.bin";
  fs::resize_file(f, fs::file_size(f) - 2);
  expect_data_error(root, "close.day.bin", "byte offset 20");
}

TEST(QlibSource, StartIndexBeyondCalendar) {
  const fs::path root = make_qlib_dir("qlib_start");
  write_qlib_bin(root / "features" / "SH600001" / "high.day.bin", 7, {1});
  expect_data_error(root, "high.day.bin", "start index in [0, 5)");
}

TEST(QlibSource, MoreValuesThanCalendarDays) {
  const fs::path root = make_qlib_dir("qlib_long");
  write_qlib_bin(root / "features" / "SH600001" / "low.day.bin", 3, {1, 2, 3});
  expect_data_error(root, "low.day.bin", "byte offset 12");
}

TEST(QlibSource, UnparsableCalendarLine) {
  const fs::path root = make_qlib_dir("qlib_cal");
  write_text(root / "calendars" / "day.txt", "2024-01-02\n2024-13-03\n");
  expect_data_error(root, "day.txt:2", "expected a date");
}

TEST(QlibSource, HourlyBinsWithBarStartStamps) {
  const fs::path root = make_qlib_dir("qlib_hourly");
  write_text(root / "calendars" / "60min.txt",
             "2024-01-08 09:30:00\n2024-01-08 10:30:00\n2024-01-08 13:00:00\n2024-01-08 14:00:00\n");
  const fs::path a = root / "features" / "SH600001";
  write_qlib_bin(a / "close.60min.bin", 0, {48, 52, 50, 50});
  write_qlib_bin(a / "open.60min.bin", 0, {46, 48, 52, 50});
  write_qlib_bin(a / "high.60min.bin", 0, {49, 53, 52, 51});
  write_qlib_bin(a / "low.60min.bin", 0, {45, 47, 49, 49});
  write_qlib_bin(a / "volume.60min.bin", 0, {100, 100, 100, 200});
  const MarketData md = read_qlib(root, {});
  ASSERT_TRUE(md.hourly.has_value());
  const Panel& close = md.hourly->field(Field::Close);
  EXPECT_FLOAT_EQ(close(4 * 4 + 0, 2), 12.0f);  // 48 / day factor 4, bar ending 10:30
  EXPECT_FLOAT_EQ(close(4 * 4 + 1, 2), 13.0f);
  EXPECT_TRUE(std::isnan(close(0, 2)));
  EXPECT_EQ(md.hourly->stamps[4 * 4 + 3], Timestamp::of(Date::from_ymd(2024, 1, 8), 15, 0));
}

TEST(QlibSource, VolumeUnitOptionAndItsCheckAgainstAmount) {
  // An official-style dump: volume = shares / factor (factor 4), amount = shares x unadjusted close.
  // Unadjusted close 10 (qlib close 40), 1000 shares traded -> volume bin 250, amount 10,000.
  const fs::path root = test::make_temp_dir("qlib_volume");
  write_text(root / "calendars" / "day.txt", "2024-01-02\n2024-01-03\n");
  const fs::path a = root / "features" / "SH600001";
  fs::create_directories(a);
  for (const char* f : {"open", "high", "low", "close"})
    write_qlib_bin(a / (std::string(f) + ".day.bin"), 0, {40, 40});
  write_qlib_bin(a / "factor.day.bin", 0, {4, 4});
  write_qlib_bin(a / "volume.day.bin", 0, {250, 250});
  write_qlib_bin(a / "amount.day.bin", 0, {10000, 10000});
  std::vector<std::string> notes;
  const MarketData as_shares = read_qlib(root, {}, &notes);
  EXPECT_FLOAT_EQ(as_shares.daily.field(Field::Volume)(0, 0), 250.0f);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("volume unit 'shares' looks wrong: the median of amount / (volume x close) is 4"),
            std::string::npos)
      << notes[0];
  QlibOptions o;
  o.volume = "adjusted";
  notes.clear();
  const MarketData adjusted = read_qlib(root, o, &notes);
  EXPECT_FLOAT_EQ(adjusted.daily.field(Field::Volume)(0, 0), 1000.0f);
  EXPECT_TRUE(notes.empty());
  o.volume = "lots";
  EXPECT_THROW(read_qlib(root, o), ConfigError);
}

TEST(QlibSource, RealSampleMatchesHandCheckedPrints) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const MarketData md = read_qlib(test::shared_dir() / "data" / "real-sample" / "qlib", {});
  EXPECT_EQ(md.instrument_count(), 50);
  const auto day = md.calendar.index_of(Date::from_ymd(2022, 12, 30));
  ASSERT_TRUE(day.has_value());
  const auto moutai = md.find("600519.SH");
  const auto csi300 = md.find("000300.SH");
  ASSERT_TRUE(moutai && csi300);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(*day, *moutai), 1727.00f);
  EXPECT_NEAR(md.daily.field(Field::AdjFactor)(*day, *moutai), 6.78563, 1e-5);
  EXPECT_NEAR(md.daily.field(Field::Close)(*day, *csi300), 3871.63, 0.005);
  EXPECT_EQ(md.instruments[static_cast<size_t>(*csi300)].kind, InstrumentKind::Index);
  const auto d2010 = md.calendar.index_of(Date::from_ymd(2010, 12, 31));
  EXPECT_NEAR(md.daily.field(Field::Close)(*d2010, *csi300), 3128.26, 0.005);
}

}  // namespace
}  // namespace abt
