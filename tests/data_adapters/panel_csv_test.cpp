// Plain panel CSV adapter: long and per-symbol layouts, 60-minute aggregation, extra columns, errors.
#include "data_adapters/csv/panel_csv.hpp"

#include "data_adapters/binary/dataset_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

float at(const MarketData& md, Field f, const std::string& day, const std::string& symbol) {
  const auto row = md.calendar.index_of(Date::parse(day));
  const auto col = md.find(symbol);
  EXPECT_TRUE(row && col) << day << " " << symbol;
  return md.daily.field(f)(*row, *col);
}

std::string error_of(const std::vector<fs::path>& inputs) {
  try {
    load_panel_csv(inputs);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(PanelCsv, LongFormatDailyWithExtras) {
  const fs::path dir = test::make_temp_dir("csv_long");
  const fs::path file =
      write_file(dir / "daily.csv",
                 "date,symbol,open,high,low,close,volume,amount,adj_factor,total_mv,name\r\n"
                 "2024-01-03,600519.SH,10.3,10.8,10.3,10.8,200,2100,1.0,,Moutai\r\n"
                 "2024-01-02,600519.SH,10,10.5,9.9,10.3,300,3000,1.0,1e10,Moutai\r\n"
                 "2024-01-02,000300.SH,3500,3510,3490,3505,1e9,,,,\r\n"
                 "20240104,600519.SH,10.8,10.9,10.0,10.1,240,2500,1.1,5.5e9,\r\n"
                 "\r\n");
  const MarketData md = load_panel_csv({file});
  ASSERT_EQ(md.calendar.size(), 3);
  EXPECT_EQ(md.calendar.day(2), Date::from_ymd(2024, 1, 4));
  ASSERT_EQ(md.instrument_count(), 2);
  EXPECT_EQ(md.instruments[0].symbol, "000300.SH");  // sorted by symbol
  EXPECT_EQ(md.instruments[0].kind, InstrumentKind::Index);
  EXPECT_EQ(md.instruments[1].kind, InstrumentKind::Stock);
  EXPECT_EQ(md.instruments[1].board, Board::ShanghaiMain);
  EXPECT_EQ(md.instruments[1].name, "Moutai");
  // Its first bar is on the first calendar day: listed before the data (no IPO rules).
  EXPECT_EQ(md.instruments[1].list_date, Date::min());
  EXPECT_EQ(md.instruments[1].delist_date, Date::max());
  EXPECT_EQ(md.instruments[0].delist_date, Date::from_ymd(2024, 1, 2));
  EXPECT_FLOAT_EQ(at(md, Field::Close, "2024-01-03", "600519.SH"), 10.8f);
  EXPECT_FLOAT_EQ(at(md, Field::Amount, "2024-01-04", "600519.SH"), 2500.f);
  EXPECT_TRUE(std::isnan(at(md, Field::Close, "2024-01-03", "000300.SH")));
  EXPECT_TRUE(std::isnan(at(md, Field::Amount, "2024-01-02", "000300.SH")));  // empty optional cell
  // pre_close derived: unknown on the first bar (never invented); then previous close x previous adj / adj.
  EXPECT_TRUE(std::isnan(at(md, Field::PreClose, "2024-01-02", "600519.SH")));
  EXPECT_FLOAT_EQ(at(md, Field::PreClose, "2024-01-03", "600519.SH"), 10.3f);
  EXPECT_FLOAT_EQ(at(md, Field::PreClose, "2024-01-04", "600519.SH"), static_cast<float>(10.8 * 1.0 / 1.1));
  ASSERT_TRUE(md.daily.extra.count("total_mv"));
  const Panel& mv = md.daily.extra.at("total_mv");
  EXPECT_FLOAT_EQ(mv(0, 1), 1e10f);
  EXPECT_TRUE(std::isnan(mv(1, 1)));
  EXPECT_FALSE(md.hourly.has_value());
  EXPECT_EQ(md.fingerprint, compute_fingerprint(md));
}

TEST(PanelCsv, OneFilePerSymbolDirectoryAndGlob) {
  const fs::path dir = test::make_temp_dir("csv_per_symbol");
  write_file(dir / "600519.SH.csv",
             "date,open,high,low,close,volume,is_st\n2024-01-02,10,11,9,10.5,100,0\n2024-01-03,10.5,11,10,10."
             "8,90,0\n");
  write_file(dir / "300750.SZ.csv", "date,open,high,low,close,volume,is_st\n2024-01-03,20,21,19,20.5,50,1\n");
  write_file(dir / "notes.txt", "not a csv\n");
  for (const auto& inputs : {std::vector<fs::path>{dir}, std::vector<fs::path>{dir / "*.S?.csv"}}) {
    const MarketData md = load_panel_csv(inputs);
    ASSERT_EQ(md.instrument_count(), 2);
    EXPECT_EQ(md.instruments[0].symbol, "300750.SZ");
    EXPECT_EQ(md.instruments[0].board, Board::ChiNext);
    EXPECT_EQ(md.instruments[0].list_date, Date::from_ymd(2024, 1, 3));
    EXPECT_FLOAT_EQ(at(md, Field::IsST, "2024-01-03", "300750.SZ"), 1.f);
    EXPECT_FLOAT_EQ(at(md, Field::Close, "2024-01-02", "600519.SH"), 10.5f);
  }
  EXPECT_NE(error_of({dir / "*.parquet"}).find("matches none"), std::string::npos);
  EXPECT_NE(error_of({dir / "missing.csv"}).find("missing.csv: no such file"), std::string::npos);
}

TEST(PanelCsv, SixtyMinuteOnlyAggregatesDailyExactly) {
  const fs::path dir = test::make_temp_dir("csv_60m");
  const fs::path file = write_file(dir / "bars.csv",
                                   "datetime,code,open,high,low,close,volume,amount,turnover\n"
                                   "2024-01-02 10:30,600000.SH,10.00,10.20,9.90,10.10,1000,10100,0.1\n"
                                   "2024-01-02 11:30,600000.SH,10.10,10.40,10.05,10.30,2000,20600,0.2\n"
                                   "2024-01-02 14:00:00,600000.SH,10.30,10.35,9.80,9.95,3000,29850,0.3\n"
                                   "2024-01-02 15:00,600000.SH,9.95,10.00,9.85,9.90,4000,39600,0.4\n"
                                   "2024-01-03 10:30,600000.SH,9.90,10.00,9.70,9.80,500,4900,0.5\n"
                                   "2024-01-03 15:00,600000.SH,9.80,9.95,9.75,9.85,700,6895,0.6\n");
  const MarketData md = load_panel_csv({file});
  ASSERT_TRUE(md.hourly.has_value());
  EXPECT_EQ(md.hourly->rows(), 8);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Close)(2, 0), 9.95f);
  EXPECT_TRUE(std::isnan(md.hourly->field(Field::Close)(5, 0)));  // 2024-01-03 11:30 missing
  EXPECT_EQ(at(md, Field::Open, "2024-01-02", "600000.SH"), 10.00f);
  EXPECT_EQ(at(md, Field::High, "2024-01-02", "600000.SH"), 10.40f);
  EXPECT_EQ(at(md, Field::Low, "2024-01-02", "600000.SH"), 9.80f);
  EXPECT_EQ(at(md, Field::Close, "2024-01-02", "600000.SH"), 9.90f);
  EXPECT_EQ(at(md, Field::Volume, "2024-01-02", "600000.SH"), 10000.f);
  EXPECT_EQ(at(md, Field::Amount, "2024-01-02", "600000.SH"), 100150.f);
  EXPECT_EQ(at(md, Field::Open, "2024-01-03", "600000.SH"), 9.90f);
  EXPECT_EQ(at(md, Field::Close, "2024-01-03", "600000.SH"), 9.85f);
  EXPECT_EQ(at(md, Field::Volume, "2024-01-03", "600000.SH"), 1200.f);
  EXPECT_EQ(at(md, Field::PreClose, "2024-01-03", "600000.SH"), 9.90f);
  ASSERT_TRUE(md.hourly->extra.count("turnover"));
  EXPECT_FLOAT_EQ(md.daily.extra.at("turnover")(0, 0), 0.4f);  // non-additive extras: last of the day
}

TEST(PanelCsv, DailyAndHourlyFilesAreBothKept) {
  const fs::path dir = test::make_temp_dir("csv_both");
  const fs::path daily = write_file(
      dir / "d.csv", "date,symbol,open,high,low,close,volume\n2024-01-02,600000.SH,10,11,9,10.5,7\n");
  const fs::path hourly =
      write_file(dir / "h.csv",
                 "datetime,symbol,open,high,low,close,volume\n2024-01-02 15:00,600000.SH,10,11,9,10.4,2\n");
  const MarketData md = load_panel_csv({daily, hourly});
  ASSERT_TRUE(md.hourly.has_value());
  EXPECT_EQ(at(md, Field::Close, "2024-01-02", "600000.SH"), 10.5f);  // the daily file, not an aggregate
  EXPECT_EQ(md.hourly->field(Field::Close)(3, 0), 10.4f);
}

TEST(PanelCsv, CsvToBinaryDatasetRoundTrip) {
  const fs::path dir = test::make_temp_dir("csv_to_abtd");
  const fs::path file = write_file(dir / "bars.csv",
                                   "datetime,symbol,open,high,low,close,volume,turnover\n"
                                   "2024-01-02 10:30,600000.SH,10,10.2,9.9,10.1,1000,0.1\n"
                                   "2024-01-02 15:00,600000.SH,10.1,10.4,10,10.3,2000,0.2\n"
                                   "2024-01-02 15:00,000001.SZ,5,5.1,4.9,5.05,300,\n");
  const MarketData md = load_panel_csv({file});
  write_dataset(md, dir);
  const MarketData loaded = read_dataset(dir / "market.abtd");
  EXPECT_EQ(loaded.fingerprint, md.fingerprint);
  EXPECT_EQ(compute_fingerprint(loaded), md.fingerprint);
  EXPECT_EQ(loaded.source, md.source);
  EXPECT_EQ(loaded.daily.field(Field::Volume)(0, 1), 3000.f);
  EXPECT_FLOAT_EQ(loaded.hourly->extra.at("turnover")(3, 1), 0.2f);
}

struct BadCase {
  std::string body;      // data rows after the header
  std::string line;      // expected ":LINE"
  std::string expected;  // fragment of the message
};

TEST(PanelCsv, MalformedRowsNameFileAndLine) {
  const fs::path dir = test::make_temp_dir("csv_bad");
  const std::string header = "date,symbol,open,high,low,close,volume,total_mv\n";
  const std::string good = "2024-01-02,600000.SH,10,11,9,10.5,100,1\n";
  const std::vector<BadCase> cases = {
      {good + "2024-01-03,600000.SH,10,11,9,10.5\n", ":3:", "expected 8 columns as in the header, got 6"},
      {good + "2024-01-03,600000.SH,10,11,9,abc,100,1\n",
       ":3:", "column 'close': expected a number, got 'abc'"},
      {good + "2024-01-03,600000.SH,10,11,9,10.5,100,1x\n",
       ":3:", "column 'total_mv': expected a number, got '1x'"},
      {"2024-13-02,600000.SH,10,11,9,10.5,100,1\n", ":2:", "expected a date YYYY-MM-DD"},
      {good + good, ":3:", "duplicate '2024-01-02,600000.SH' (first at "},
      {good + "2024-01-03,600000.SH,10,9,11,10.5,100,1\n",
       ":3:", "expected high >= low, got high '9' < low '11'"},
      {good + "2024-01-03,600000.SH,0,11,9,10.5,100,1\n",
       ":3:", "column 'open': expected a positive price, got '0'"},
      {good + "2024-01-03,600000.SH,10,11,-9,10.5,100,1\n",
       ":3:", "column 'low': expected a positive price, got '-9'"},
      {good + "2024-01-03,600000.SH,10,11,9,,100,1\n",
       ":3:", "expected a number in required column 'close', got ''"},
      {good + "2024-01-03,600000.SH,10,11,9,10,-5,1\n",
       ":3:", "column 'volume': expected a non-negative number"},
      {good + "2024-01-03,,10,11,9,10,5,1\n", ":3:", "expected a symbol, got ''"},
      {"2024-01-02 10:00,600000.SH,10,11,9,10.5,100,1\n", ":2:", "expected a 60-minute bar end time"},
      {good + "2024-01-03 10:30,600000.SH,10,11,9,10.5,100,1\n", ":3:", "expected a date like the first row"},
  };
  int k = 0;
  for (const BadCase& c : cases) {
    const fs::path file = write_file(dir / ("bad" + std::to_string(k++) + ".csv"), header + c.body);
    const std::string msg = error_of({file});
    EXPECT_NE(msg.find(file.string() + c.line), std::string::npos) << msg;
    EXPECT_NE(msg.find(c.expected), std::string::npos) << msg;
  }
}

TEST(PanelCsv, BadHeaderNamesTheMissingColumn) {
  const fs::path dir = test::make_temp_dir("csv_header");
  const fs::path no_volume =
      write_file(dir / "a.csv", "date,symbol,open,high,low,close\n2024-01-02,600000.SH,1,1,1,1\n");
  std::string msg = error_of({no_volume});
  EXPECT_NE(msg.find(no_volume.string() + ":1: missing required column 'volume'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("got 'date,symbol,open,high,low,close'"), std::string::npos) << msg;
  const fs::path no_date = write_file(dir / "b.csv", "day,symbol,open,high,low,close,volume\n");
  msg = error_of({no_date});
  EXPECT_NE(msg.find(no_date.string() + ":1: missing required column 'date'"), std::string::npos) << msg;
  const fs::path twice = write_file(dir / "c.csv", "date,symbol,open,open,high,low,close,volume\n");
  EXPECT_NE(error_of({twice}).find("expected unique column names, got 'open' twice"), std::string::npos);
  const fs::path empty = write_file(dir / "d.csv", "");
  EXPECT_NE(error_of({empty}).find(":1: expected a header line"), std::string::npos);
}

TEST(PanelCsv, RealIndexDailySample) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const fs::path file = test::shared_dir() / "data/real-sample/index_daily_2010_2026.csv";
  const MarketData md = load_panel_csv({file});
  const auto id = md.find("000300.SH");  // the file spells it SH000300: one symbol per security
  ASSERT_TRUE(id.has_value());
  EXPECT_FALSE(md.find("SH000300").has_value());
  EXPECT_EQ(md.instruments[*id].kind, InstrumentKind::Index);
  const auto row = md.calendar.index_of(Date::from_ymd(2022, 12, 30));
  ASSERT_TRUE(row.has_value());
  EXPECT_NEAR(md.daily.field(Field::Close)(*row, *id), 3871.63, 0.005);
  EXPECT_TRUE(md.daily.extra.count("pct_change"));
}

}  // namespace
}  // namespace abt
