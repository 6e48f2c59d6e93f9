// TDX .day adapter and gbbq adjustment: generated files (always) and the real sample (when ../shared exists).
#include "data_adapters/tdx/tdx_source.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "data_adapters/import/source_import.hpp"
#include "data_adapters/qlib/qlib_source.hpp"
#include "data_adapters/tdx/gbbq_table.hpp"
#include "data_adapters/tdx/tdx_day_file.hpp"
#include "data_adapters/tdx/tdx_minute_file.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

Date ymd(int y, int m, int d) {
  return Date::from_ymd(y, m, d);
}

std::vector<TdxDayBar> three_bars() {
  return {{ymd(2024, 1, 2), 10, 10.5, 9.8, 10.2, 1e6, 1e5},
          {ymd(2024, 1, 3), 10.2, 11.2, 10.1, 11.0, 2e6, 2e5},
          {ymd(2024, 1, 4), 10.1, 10.3, 9.9, 10.0, 3e6, 3e5}};
}

fs::path make_vipdoc(const std::string& name) {
  const fs::path root = test::make_temp_dir(name) / "vipdoc";
  fs::create_directories(root / "sh" / "lday");
  write_tdx_day_file(root / "sh" / "lday" / "sh600001.day", three_bars());
  write_tdx_day_file(root / "sh" / "lday" / "sh000001.day",
                     {{ymd(2024, 1, 3), 3000, 3010, 2990, 3005.25, 1e9, 1e8},
                      {ymd(2024, 1, 4), 3005, 3020, 3000, 3015.5, 1e9, 1e8}});
  return root;
}

TEST(TdxSource, ReadsVipdocDirectory) {
  TdxOptions o;
  o.inputs = {make_vipdoc("tdx_basic")};
  const MarketData md = read_tdx(o);
  ASSERT_EQ(md.instrument_count(), 2);
  ASSERT_EQ(md.calendar.size(), 3);
  const auto stock = md.find("600001.SH"), index = md.find("000001.SH");
  ASSERT_TRUE(stock && index);
  EXPECT_EQ(md.instruments[static_cast<size_t>(*index)].kind, InstrumentKind::Index);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(1, *stock), 11.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::High)(1, *stock), 11.2f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Amount)(1, *stock), 2e6f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(2, *stock), 3e5f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(2, *index), 3015.5f);
  EXPECT_TRUE(std::isnan(md.daily.field(Field::Close)(0, *index)));
  EXPECT_FALSE(md.daily.has(Field::AdjFactor));
}

TEST(TdxSource, GbbqGivesFactorAndShares) {
  const fs::path vipdoc = make_vipdoc("tdx_gbbq");
  const fs::path gbbq = vipdoc.parent_path() / "gbbq.csv";
  // 2024-01-04: cash dividend 10 CNY per 10 shares: reference = 11 - 1 = 10, ratio 11 / 10.
  // 2024-01-03: share change, total 200 -> 300 (x10,000), float 100 -> 150.
  std::ofstream(gbbq) << "market,code,date,category,f1,f2,f3,f4\n"
                      << "SH,600001,20240104,1,10,0,0,0\n"
                      << "SH,600001,20240103,5,100,200,150,300\n"
                      << "SH,600001,20240103,6,1,1,1,1\n"
                      << "SZ,000002,20240103,1,10,0,0,0\n";
  TdxOptions o;
  o.inputs = {vipdoc};
  o.gbbq = gbbq;
  std::vector<std::string> notes;
  const MarketData md = read_tdx(o, &notes);
  const auto s = *md.find("600001.SH"), i = *md.find("000001.SH");
  const Panel& adj = md.daily.field(Field::AdjFactor);
  EXPECT_FLOAT_EQ(adj(0, s), 1.0f);
  EXPECT_FLOAT_EQ(adj(1, s), 1.0f);
  EXPECT_FLOAT_EQ(adj(2, s), 1.1f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(2, s), 10.0f);
  EXPECT_FLOAT_EQ(adj(1, i), 1.0f);
  const Panel& total = md.daily.field(Field::TotalShares);
  EXPECT_FLOAT_EQ(total(0, s), 2e6f);
  EXPECT_FLOAT_EQ(total(1, s), 3e6f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::FloatShares)(2, s), 1.5e6f);
  ASSERT_EQ(notes.size(), 1u);  // one category-6 record ignored
}

void expect_error(const fs::path& file, const std::string& needle) {
  try {
    read_tdx_day_file(file);
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(file.filename().string()), std::string::npos) << m;
    EXPECT_NE(m.find(needle), std::string::npos) << m;
  }
}

TEST(TdxSource, TruncatedFileNamesOffset) {
  const fs::path f = test::make_temp_dir("tdx_trunc") / "sh600001.day";
  write_tdx_day_file(f, three_bars());
  fs::resize_file(f, 80);
  expect_error(f, "byte offset 64");
}

TEST(TdxSource, WrongRecordSizeIsDetected) {
  // 24-byte records (a different format) give an impossible date in the second 32-byte slot or a size error.
  const fs::path f = test::make_temp_dir("tdx_size") / "sh600001.day";
  std::ofstream out(f, std::ios::binary);
  for (int r = 0; r < 4; ++r) {
    const uint32_t words[6] = {20240102u + static_cast<uint32_t>(r), 1000, 1100, 900, 1000, 5};
    out.write(reinterpret_cast<const char*>(words), sizeof(words));
  }
  out.close();
  expect_error(f, "byte offset 32");
}

TEST(TdxSource, UnsortedDatesAreRejected) {
  const fs::path f = test::make_temp_dir("tdx_unsorted") / "sh600001.day";
  auto bars = three_bars();
  std::swap(bars[1], bars[2]);
  write_tdx_day_file(f, bars);
  expect_error(f, "byte offset 64");
}

TEST(TdxSource, RealSampleAgreesWithQlibOnSse) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const fs::path sample = test::shared_dir() / "data" / "real-sample";
  TdxOptions o;
  o.inputs = {sample / "tdx" / "vipdoc"};
  o.gbbq = sample / "shares" / "tdx_gbbq_all_to_20201109.csv";
  const MarketData tdx = read_tdx(o);
  QlibOptions q;
  q.symbols = {"SH000001"};
  const MarketData qlib = read_qlib(sample / "qlib", q);
  const auto ti = *tdx.find("000001.SH");
  int compared = 0;
  for (int32_t t = 0; t < qlib.calendar.size(); ++t) {
    const auto tt = tdx.calendar.index_of(qlib.calendar.day(t));
    if (!tt) continue;
    const float a = qlib.daily.field(Field::Close)(t, 0), b = tdx.daily.field(Field::Close)(*tt, ti);
    if (std::isnan(a) || std::isnan(b)) continue;
    EXPECT_NEAR(a, b, 0.01) << qlib.calendar.day(t).to_string();
    ++compared;
  }
  EXPECT_GT(compared, 3000);
  // 600000.SH: back-adjustment grows with every dividend; share capital known in 2020.
  const auto pf = *tdx.find("600000.SH");
  const auto d = tdx.calendar.index_of(ymd(2020, 6, 30));
  ASSERT_TRUE(d.has_value());
  EXPECT_GT(tdx.daily.field(Field::AdjFactor)(*d, pf), 2.0f);
  EXPECT_GT(tdx.daily.field(Field::TotalShares)(*d, pf), 2.8e10f);
}

TEST(TdxSource, RealGbbqGivesMoutaiShareCapitalAndBonusFactor) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const GbbqTable table = GbbqTable::read(
      test::shared_dir() / "data" / "real-sample" / "shares" / "tdx_gbbq_all_to_20201109.csv", {"600519.SH"});
  const std::vector<Date> dates = {ymd(2015, 7, 16), ymd(2015, 7, 17), ymd(2015, 7, 20), ymd(2015, 7, 21)};
  const std::vector<double> close = {260.0, 240.0, 241.0, 242.0};
  const GbbqAdjustment adj = GbbqTable::derive(dates, close, table.events("600519.SH"));
  // 2015-07-17: 43.74 CNY cash and 1 bonus share per 10: reference (260 - 4.374) / 1.1.
  EXPECT_NEAR(adj.adj_factor[1], 260.0 / ((260.0 - 4.374) / 1.1), 1e-5);
  EXPECT_FLOAT_EQ(adj.adj_factor[0], 1.0f);
  // Total shares after 2015-07-20: 125,619.78 x 10,000 (the decoded table keeps 125,620).
  EXPECT_NEAR(adj.total_shares[2], 1256197800.0, 5e4);
  EXPECT_NEAR(adj.total_shares[3], 1256197800.0, 5e4);
  EXPECT_NEAR(adj.total_shares[1], 1142000000.0, 5e4);
}

TEST(CsvSource, RealIndexCsvGivesCsi300Close) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  SourceSpec spec;
  spec.format = "csv";
  spec.paths = {test::shared_dir() / "data" / "real-sample" / "index_daily_2010_2026.csv"};
  const MarketData md = import_source(spec);
  const auto id = md.find("000300.SH");
  ASSERT_TRUE(id.has_value());
  const auto day = *md.calendar.index_of(ymd(2022, 12, 30));
  EXPECT_NEAR(md.daily.field(Field::Close)(day, *id), 3871.63, 0.005);
  EXPECT_NEAR(md.daily.field(Field::Close)(*md.calendar.index_of(ymd(2023, 11, 30)), *id), 3496.20, 0.005);
}

}  // namespace
}  // namespace abt

namespace abt {
namespace {

TEST(TdxMinuteFiles, FiveMinuteBarsBecomeHourBars) {
  const fs::path root = test::make_temp_dir("tdx_lc5") / "vipdoc";
  fs::create_directories(root / "sz" / "fzline");
  std::vector<MinuteBar> bars;
  const Date d = ymd(2024, 1, 2);
  double price = 10.0;
  // Every 5-minute bar of the day: 09:35 .. 11:30 and 13:05 .. 15:00 (48 bars), volume 100 each.
  for (int m = 9 * 60 + 35; m <= 15 * 60; m += 5) {
    if (m > 11 * 60 + 30 && m <= 13 * 60) continue;
    price += 0.01;
    bars.push_back(
        {Timestamp::of(d, m / 60, m % 60), price - 0.01, price + 0.02, price - 0.02, price, 100, 1000});
  }
  write_tdx_minute_file(root / "sz" / "fzline" / "sz000001.lc5", bars);
  TdxOptions o;
  o.inputs = {root};
  const MarketData md = read_tdx(o);
  ASSERT_TRUE(md.hourly.has_value());
  const auto id = *md.find("000001.SZ");
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Volume)(0, id), 1200.0f);  // 09:35 .. 10:30: 12 bars
  EXPECT_NEAR(md.hourly->field(Field::Close)(0, id), 10.12, 1e-5);
  EXPECT_NEAR(md.hourly->field(Field::Open)(1, id), 10.12, 1e-5);  // 10:35 bar opens at the previous close
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(0, id), 4800.0f);
  EXPECT_NEAR(md.daily.field(Field::Close)(0, id), 10.48, 1e-5);
  // A truncated minute file names the byte offset.
  fs::resize_file(root / "sz" / "fzline" / "sz000001.lc5", 70);
  try {
    read_tdx(o);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("sz000001.lc5: expected 32-byte minute records"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("byte offset 64"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace abt
