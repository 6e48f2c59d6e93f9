// Tushare-style and AkShare CSV sources on generated files: units, tables, reference data, errors.
#include "data_adapters/vendor/vendor_source.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::write_text;

fs::path make_tushare_dir(const std::string& name) {
  const fs::path root = test::make_temp_dir(name);
  const std::string head = "ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount\n";
  // One file per date.
  write_text(root / "daily" / "20240102.csv",
             head + "600519.SH,20240102,1700,1720,1690,1710,1700,10,0.59,12345,2100000.5\n" +
                 "000001.SZ,20240102,9.5,9.7,9.4,9.6,9.5,0.1,1.05,100000,96000\n");
  write_text(root / "daily" / "20240103.csv",
             head + "600519.SH,20240103,1710,1730,1700,1720,1710,10,0.58,20000,3440000\n" +
                 "000001.SZ,20240103,9.6,9.8,9.5,9.7,9.6,0.1,1.04,120000,116400\n");
  write_text(root / "adj_factor.csv",
             "ts_code,trade_date,adj_factor\n600519.SH,20240102,8.0\n600519.SH,20240103,8.0\n"
             "000001.SZ,20240102,100.5\n000001.SZ,20240103,100.5\n600519.SH,20240104,8.0\n");
  write_text(root / "daily_basic.csv",
             "ts_code,trade_date,close,turnover_rate,total_share,float_share,free_share,total_mv,circ_mv\n"
             "600519.SH,20240103,1720,0.16,125619.78,125619.78,40000,216066021.6,216066021.6\n");
  write_text(root / "stock_basic.csv",
             "ts_code,symbol,name,area,industry,market,list_date,delist_date,list_status\n"
             "600519.SH,600519,贵州茅台,贵州,白酒,主板,20010827,,L\n000001.SZ,000001,平安银行,深圳,银行,主板,"
             "19910403,,L\n");
  write_text(
      root / "namechange.csv",
      "ts_code,name,start_date,end_date,ann_date,change_reason\n000001.SZ,平安银行,20120801,20240102,,改名\n"
      "000001.SZ,*ST平安,20240103,,,*ST\n");
  write_text(root / "stk_mins" / "600519.SH.csv",
             "ts_code,trade_time,open,close,high,low,vol,amount\n"
             "600519.SH,2024-01-02 10:30:00,1700,1705,1710,1690,5000,8525000\n"
             "600519.SH,2024-01-02 11:30:00,1705,1712,1720,1700,3000,5136000\n"
             "600519.SH,2024-01-02 14:00:00,1712,1708,1715,1704,2000,3416000\n"
             "600519.SH,2024-01-02 15:00:00,1708,1710,1712,1705,2345,4010000\n");
  return root;
}

TEST(TushareSource, ConvertsUnitsAndMergesTables) {
  std::vector<std::string> notes;
  const MarketData md = read_vendor_csv("tushare", {{make_tushare_dir("tushare_basic")}, ""}, &notes);
  ASSERT_EQ(md.instrument_count(), 2);
  ASSERT_EQ(md.calendar.size(), 2);  // the adj_factor row of 2024-01-04 has no bar: not a trading day here
  const auto m = *md.find("600519.SH"), p = *md.find("000001.SZ");
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(0, m), 1234500.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Amount)(0, m), 2100000500.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(1, p), 9.7f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(1, m), 1710.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::AdjFactor)(1, p), 100.5f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::TotalShares)(1, m), 1256197800.0f);
  EXPECT_TRUE(std::isnan(md.daily.field(Field::TotalShares)(0, m)));
  ASSERT_NE(md.daily.find_field("total_mv"), nullptr);
  EXPECT_FLOAT_EQ((*md.daily.find_field("total_mv"))(1, m), 2160660216000.0f);
  EXPECT_EQ(md.instruments[static_cast<size_t>(m)].name, "贵州茅台");
  EXPECT_EQ(md.instruments[static_cast<size_t>(m)].list_date, Date::from_ymd(2001, 8, 27));
  EXPECT_FLOAT_EQ(md.daily.field(Field::IsST)(0, p), 0.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::IsST)(1, p), 1.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::IsST)(1, m), 0.0f);
  ASSERT_TRUE(md.hourly.has_value());
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Close)(3, m), 1710.0f);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Volume)(0, m), 5000.0f);
  bool noted = false;
  for (const auto& n : notes)
    noted = noted || n.find("1 tushare adj_factor rows have no bar") != std::string::npos;
  EXPECT_TRUE(noted);
}

void expect_data_error(const fs::path& dir, const std::string& needle1, const std::string& needle2) {
  try {
    read_vendor_csv("tushare", {{dir}, ""});
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(needle1), std::string::npos) << m;
    EXPECT_NE(m.find(needle2), std::string::npos) << m;
  }
}

TEST(TushareSource, NamechangeGivesStAndDelistingArrangementStatus) {
  // 600001.SH: normal on day 0, *ST on day 1, "邯钢退" (delisting arrangement) from day 2; the 退 interval
  // overlaps the *ST one (open end) and wins.
  const fs::path root = test::make_temp_dir("tushare_delisting");
  const std::string head = "ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount\n";
  write_text(root / "600001.SH.csv", head + "600001.SH,20240102,5,5,5,5,5,0,0,100,50\n" +
                                         "600001.SH,20240103,5,5,5,5,5,0,0,100,50\n" +
                                         "600001.SH,20240104,5,5,5,5,5,0,0,100,50\n");
  write_text(
      root / "namechange.csv",
      "ts_code,name,start_date,end_date,ann_date,change_reason\n600001.SH,邯郸钢铁,19980101,20240102,,\n"
      "600001.SH,*ST邯钢,20240103,,,*ST\n600001.SH,邯钢退,20240104,,,终止上市\n");
  const MarketData md = read_vendor_csv("tushare", {{root}, ""});
  const Panel& st = md.daily.field(Field::IsST);
  EXPECT_FLOAT_EQ(st(0, 0), kStatusNormal);
  EXPECT_FLOAT_EQ(st(1, 0), kStatusSt);
  EXPECT_FLOAT_EQ(st(2, 0), kStatusDelistingArrangement);
}

TEST(TushareSource, MissingColumnAndBadDateNameFileAndRow) {
  const fs::path a = test::make_temp_dir("tushare_missing");
  write_text(a / "d.csv", "ts_code,trade_date,open,high,low,close,amount\n600519.SH,20240102,1,1,1,1,1\n");
  // Without vol the header is still a daily table; the missing required column is reported.
  expect_data_error(a, "d.csv:1", "missing required column 'vol'");
  const fs::path b = test::make_temp_dir("tushare_baddate");
  write_text(b / "d.csv",
             "ts_code,trade_date,open,high,low,close,vol,amount\n600519.SH,20240102,1,1,1,1,1,1\n"
             "600519.SH,2024-13-01,1,1,1,1,1,1\n");
  expect_data_error(b, "d.csv:3", "expected a date");
  const fs::path c = test::make_temp_dir("tushare_dup");
  write_text(c / "d.csv",
             "ts_code,trade_date,open,high,low,close,vol,amount\n600519.SH,20240102,1,1,1,1,1,1\n"
             "600519.SH,20240102,1,1,1,1,1,1\n");
  expect_data_error(c, "d.csv:3", "d.csv:2");
}

TEST(AkShareSource, ChineseHeadersAndStatedAdjustment) {
  const fs::path dir = test::make_temp_dir("akshare");
  write_text(dir / "600519.csv",
             "日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n"
             "2024-01-02,600519,1700,1710,1720,1690,12345,2110000000,1.76,0.59,10,0.1\n");
  write_text(dir / "300750.csv",
             "日期,开盘,收盘,最高,最低,成交量,成交额\n2024-01-02,160,162,163,159,50000,805000000\n");
  EXPECT_THROW(read_vendor_csv("akshare", {{dir}, ""}), ConfigError);
  const MarketData md = read_vendor_csv("akshare", {{dir}, "none"});
  ASSERT_EQ(md.instrument_count(), 2);
  const auto m = *md.find("600519.SH"), c = *md.find("300750.SZ");
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(0, m), 1234500.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(0, m), 1710.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::High)(0, c), 163.0f);
  EXPECT_EQ(md.instruments[static_cast<size_t>(c)].board, Board::ChiNext);
}

}  // namespace
}  // namespace abt
