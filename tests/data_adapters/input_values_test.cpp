// Every market-data value is validated where it enters (engine/core/value_domain.hpp): each reader refuses
// non-finite values, values outside their field's domain, weekend and out-of-range dates, and intervals that
// end before they start, naming the file and the line (or byte offset) and what was expected. Symbols are
// one per security whatever their spelling.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

#include "data_adapters/csv/panel_csv.hpp"
#include "data_adapters/csv/series_csv.hpp"
#include "data_adapters/reference/reference_tables.hpp"
#include "data_adapters/resample/minute_bars.hpp"
#include "data_adapters/tdx/gbbq_table.hpp"
#include "data_adapters/tdx/tdx_day_file.hpp"
#include "data_adapters/tdx/tdx_minute_file.hpp"
#include "data_adapters/tdx/tdx_source.hpp"
#include "data_adapters/vendor/vendor_source.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::write_text;

std::string error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

constexpr const char* kHeader = "date,symbol,open,high,low,close,volume,amount,total_shares,is_st\n";
constexpr const char* kGoodRow = "2024-01-02,600519.SH,10,11,9,10.5,100,1000,1e9,0\n";

TEST(InputValues, PanelCsvRefusesBadValuesWithFileAndLine) {
  const fs::path dir = test::make_temp_dir("input_values");
  struct Case {
    std::string row, expected;
  };
  const Case cases[] = {
      {"2024-01-03,600519.SH,10,inf,9,10.5,100,1000,1e9,0", "column 'high': expected a number, got 'inf'"},
      {"2024-01-03,600519.SH,10,1e39,9,10.5,100,1000,1e9,0",
       "column 'high': expected a finite number within float32 range (|x| < 3.4e38), got '1e39'"},
      {"2024-01-03,600519.SH,-10,11,9,10.5,100,1000,1e9,0",
       "column 'open': expected a positive price, got '-10'"},
      {"2024-01-03,600519.SH,10,11,9,10.5,100,-1,1e9,0",
       "column 'amount': expected a non-negative number, got '-1'"},
      {"2024-01-03,600519.SH,10,11,9,10.5,100,1000,-1e9,0",
       "column 'total_shares': expected a non-negative number, got '-1e9'"},
      {"2024-01-03,600519.SH,10,11,9,10.5,100,1000,1e9,3",
       "column 'is_st': expected a status 0, 1 or 2, got '3'"},
      {"2024-01-03,600519.SH,10,11,9,10.5,nan,1000,1e9,0", "column 'volume': expected a number, got 'nan'"},
      {"2024-01-06,600519.SH,10,11,9,10.5,100,1000,1e9,0",
       "2024-01-06 is a Saturday (A-shares never trade on weekends)"},
      {"1900-01-02,600519.SH,10,11,9,10.5,100,1000,1e9,0",
       "1900-01-02 is outside the market-date range 1990-12-19 .. 2100-12-31"},
  };
  int k = 0;
  for (const Case& c : cases) {
    const fs::path file =
        write_text(dir / ("bad" + std::to_string(k++) + ".csv"), kHeader + std::string(kGoodRow) + c.row);
    EXPECT_EQ(error_of([&] { load_panel_csv({file}); }), file.string() + ":3: " + c.expected) << c.row;
  }
}

TEST(InputValues, OneSymbolPerSecurityWhateverTheSpelling) {
  const fs::path dir = test::make_temp_dir("input_values");
  const fs::path file = write_text(dir / "d.csv", std::string(kHeader) + kGoodRow +
                                                      "2024-01-03,SH600519,10,11,9,10.5,100,1000,1e9,0\n"
                                                      "2024-01-03,sz000001,10,11,9,10.5,100,1000,1e9,0\n");
  const MarketData md = load_panel_csv({file});
  ASSERT_EQ(md.instrument_count(), 2);
  EXPECT_EQ(md.instruments[0].symbol, "000001.SZ");
  EXPECT_EQ(md.instruments[1].symbol, "600519.SH");
  EXPECT_FALSE(md.find("SH600519").has_value());
  // The same bar under two spellings is a duplicate, not two stocks.
  const fs::path twice = write_text(
      dir / "t.csv", std::string(kHeader) + kGoodRow + "2024-01-02,SH600519,10,11,9,10.5,100,1000,1e9,0\n");
  EXPECT_EQ(
      error_of([&] { load_panel_csv({twice}); }),
      twice.string() +
          ":3: expected one bar per (timestamp, symbol), got a duplicate '2024-01-02,600519.SH' (first at " +
          twice.string() + ":2)");
}

TEST(InputValues, TushareAdjFactorZeroIsRefused) {
  const fs::path dir = test::make_temp_dir("input_values");
  write_text(
      dir / "daily.csv",
      "ts_code,trade_date,open,high,low,close,pre_close,vol,amount\n600519.SH,20240102,10,11,9,10,10,5,50\n");
  const fs::path adj =
      write_text(dir / "adj_factor.csv", "ts_code,trade_date,adj_factor\n600519.SH,20240102,0\n");
  VendorOptions o;
  o.inputs = {dir};
  EXPECT_EQ(error_of([&] { read_vendor_csv("tushare", o); }),
            adj.string() + ":2: column 'adj_factor': expected a positive adjustment factor, got '0'");
}

TEST(InputValues, TushareAmountOverflowingFloatAfterScalingIsRefused) {
  const fs::path dir = test::make_temp_dir("input_values");
  const fs::path daily = write_text(dir / "daily.csv",
                                    "ts_code,trade_date,open,high,low,close,pre_close,vol,amount\n"
                                    "600519.SH,20240102,10,11,9,10,10,5,1e36\n");  // x 1000 CNY: 1e39
  VendorOptions o;
  o.inputs = {daily};
  EXPECT_EQ(
      error_of([&] { read_vendor_csv("tushare", o); }),
      daily.string() +
          ":2: column 'amount': expected a finite number within float32 range (|x| < 3.4e38), got '1e36'");
}

TEST(InputValues, NamechangeIntervalEndingBeforeItStartsIsRefused) {
  const fs::path dir = test::make_temp_dir("input_values");
  write_text(
      dir / "daily.csv",
      "ts_code,trade_date,open,high,low,close,pre_close,vol,amount\n600519.SH,20240102,10,11,9,10,10,5,50\n");
  const fs::path nc = write_text(dir / "namechange.csv",
                                 "ts_code,name,start_date,end_date\n600519.SH,*ST茅台,20240105,20240102\n");
  VendorOptions o;
  o.inputs = {dir};
  EXPECT_EQ(error_of([&] { read_vendor_csv("tushare", o); }),
            nc.string() + ":2: expected end_date >= start_date, got 2024-01-02 < 2024-01-05");
}

TEST(InputValues, GbbqNegativeValuesAndImpossibleReferencePricesAreRefused) {
  const fs::path dir = test::make_temp_dir("input_values");
  const std::string head = "market,code,date,category,f1,f2,f3,f4\n";
  const fs::path f3 = write_text(dir / "f3.csv", head + "SH,600001,20240103,1,0,0,-10,0\n");
  EXPECT_EQ(error_of([&] { GbbqTable::read(f3); }),
            f3.string() + ":2: column 'f3': expected a non-negative number, got '-10'");
  const fs::path category = write_text(dir / "cat.csv", head + "SH,600001,20240103,1e30,0,0,0,0\n");
  EXPECT_EQ(error_of([&] { GbbqTable::read(category); }),
            category.string() + ":2: column 'category': expected an integer in [0, 255], got '1e30'");
  const fs::path old = write_text(dir / "old.csv", head + "SH,600001,19700103,1,0,0,0,0\n");
  EXPECT_EQ(error_of([&] { GbbqTable::read(old); }),
            old.string() + ":2: 1970-01-03 is outside the reference-date range 1980-01-01 .. 2100-12-31");
  // A cash dividend of 200 CNY per 10 shares on a 10.20 close: the reference price would be negative.
  const fs::path big = write_text(dir / "big.csv", head + "SH,600001,20240103,1,200,0,0,0\n");
  const GbbqTable table = GbbqTable::read(big);
  const std::vector<Date> dates = {Date::from_ymd(2024, 1, 2), Date::from_ymd(2024, 1, 3)};
  EXPECT_EQ(
      error_of([&] {
        GbbqTable::derive(dates, {10.2, 10.0}, table.events("600001.SH"));
      }),
      big.string() +
          ":2: category-1 event on 2024-01-03 gives an ex-rights reference price of -9.800000 from the close "
          "10.200000 (expected a positive price: is the dividend f1 per 10 shares?)");
}

TEST(InputValues, ReferenceTablesRefuseBackwardIntervalsAndBadShares) {
  const fs::path dir = test::make_temp_dir("input_values");
  MarketData md = test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                      .stock("600000.SH", {{10, 10, 10, 10}, {11, 11, 11, 11}})
                      .build();
  std::vector<std::string> notes;
  const fs::path st = write_text(dir / "st.csv", "symbol,start,end\n600000.SH,2024-01-03,2024-01-02\n");
  EXPECT_EQ(error_of([&] { apply_st_intervals(md, st, notes); }),
            st.string() + ":2: expected end >= start, got 2024-01-02 < 2024-01-03");
  const fs::path member =
      write_text(dir / "m.csv", "index,symbol,start,end\n000300.SH,600000.SH,2024-01-03,2023-01-01\n");
  EXPECT_EQ(error_of([&] { apply_index_membership(md, member, notes); }),
            member.string() + ":2: expected end >= start, got 2023-01-01 < 2024-01-03");
  const fs::path listing =
      write_text(dir / "l.csv", "symbol,list_date,delist_date\n600000.SH,2024-01-03,2024-01-02\n");
  EXPECT_EQ(error_of([&] { apply_listing_dates(md, listing, notes); }),
            listing.string() + ":2: expected delist_date >= list_date, got 2024-01-02 < 2024-01-03");
  const fs::path shares =
      write_text(dir / "s.csv", "date,symbol,total_shares,float_shares\n2024-01-02,600000.SH,-5,1\n");
  EXPECT_EQ(error_of([&] { apply_share_capital(md, shares, notes); }),
            shares.string() + ":2: column 'total_shares': expected a non-negative number, got '-5'");
  const fs::path ipo = write_text(dir / "i.csv", "symbol,list_date,issue_price\n600000.SH,2024-01-02,inf\n");
  EXPECT_EQ(error_of([&] { apply_ipo_table(md, ipo, notes); }),
            ipo.string() + ":2: column 'issue_price': expected a number, got 'inf'");
}

TEST(InputValues, SeriesAndMinuteCsvRefuseNonFiniteValues) {
  const fs::path dir = test::make_temp_dir("input_values");
  const fs::path series = write_text(dir / "y.csv", "date,yield\n2024-01-02,2.5\n2024-01-03,-inf\n");
  EXPECT_EQ(error_of([&] { read_series_csv(series, ""); }),
            series.string() + ":3: column 'yield': expected a number, got '-inf'");
  // A series may have a weekend value (ignored when attached), not one from 1900.
  const fs::path weekend = write_text(dir / "w.csv", "date,yield\n2024-01-06,2.5\n");
  EXPECT_NO_THROW(read_series_csv(weekend, ""));
  const fs::path minute =
      write_text(dir / "m.csv", "date,open,high,low,close,volume\n2024-01-02 09:31,10,10,10,10,-3\n");
  EXPECT_EQ(error_of([&] { read_minute_csv(minute); }),
            minute.string() + ":2: column 'volume': expected a non-negative number, got '-3'");
  const fs::path saturday =
      write_text(dir / "s.csv", "date,open,high,low,close\n2024-01-06 09:31,10,10,10,10\n");
  EXPECT_EQ(error_of([&] { read_minute_csv(saturday); }),
            saturday.string() + ":2: 2024-01-06 is a Saturday (A-shares never trade on weekends)");
}

TEST(InputValues, TdxRecordsOnWeekendsOrWithBadAmountsNameTheByteOffset) {
  const fs::path dir = test::make_temp_dir("input_values");
  const fs::path day = dir / "sh600001.day";
  write_tdx_day_file(day, {{Date::from_ymd(2024, 1, 5), 10, 10.5, 9.8, 10.2, 1e6, 1e5},
                           {Date::from_ymd(2024, 1, 6), 10, 10.5, 9.8, 10.2, 1e6, 1e5}});
  EXPECT_EQ(error_of([&] { read_tdx_day_file(day); }),
            day.string() +
                ": byte offset 32 (record 2): 2024-01-06 is a Saturday (A-shares never trade on weekends)");
  const fs::path amount = dir / "sh600002.day";
  write_tdx_day_file(amount, {{Date::from_ymd(2024, 1, 5), 10, 10.5, 9.8, 10.2, -1e6, 1e5}});
  EXPECT_EQ(error_of([&] { read_tdx_day_file(amount); }),
            amount.string() +
                ": byte offset 0 (record 1): amount: expected a non-negative number, got -1000000.000000");
  const fs::path minute = dir / "sh600001.lc1";
  MinuteBar b;
  b.end = Timestamp::of(Date::from_ymd(2024, 1, 2), 9, 31);
  b.open = b.high = b.low = 10;
  b.close = std::numeric_limits<double>::infinity();
  write_tdx_minute_file(minute, {b});
  EXPECT_EQ(error_of([&] { read_tdx_minute_file(minute); }),
            minute.string() + ": byte offset 0: close: expected a positive price, got inf");
}

}  // namespace
}  // namespace abt
