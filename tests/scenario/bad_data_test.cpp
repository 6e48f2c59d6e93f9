// The bad-input corpus of issue 14, data side, run as a user runs `abt data import` / `abt data inspect`:
// every data input that crashed, hung or was silently accepted now exits 2 naming the file and the row (or
// byte offset) and what was expected; text in GBK is converted, spellings of one security are one symbol.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstring>
#include <fstream>
#include <string>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/crafted_dataset.hpp"
#include "data_adapters/qlib/qlib_bin.hpp"
#include "scenario/bad_input_support.hpp"
#include "scenario/cli_runner.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::expect_refused;

test::CliResult run(const std::string& args) {
  return test::run_limited(args);
}

using test::write_text;

constexpr const char* kHeader = "date,symbol,open,high,low,close,volume,amount,total_shares,name\n";
constexpr const char* kRow = "2024-01-02,600519.SH,10,11,9,10.5,100,1000,1e9,";

/// A qlib directory with one stock on five days (factor 1) and instruments/all.txt and csi300.txt.
fs::path qlib_dir(const fs::path& root) {
  write_text(root / "calendars" / "day.txt", "2024-01-02\n2024-01-03\n2024-01-04\n2024-01-05\n2024-01-08\n");
  write_text(root / "instruments" / "all.txt", "SH600001\t2024-01-02\t2024-01-08\n");
  write_text(root / "instruments" / "csi300.txt", "SH600001\t2024-01-04\t2024-01-08\n");
  const fs::path f = root / "features" / "SH600001";
  fs::create_directories(f);
  for (const char* p : {"open", "high", "low", "close"})
    write_qlib_bin(f / (std::string(p) + ".day.bin"), 0, {10, 11, 12, 13, 14});
  write_qlib_bin(f / "volume.day.bin", 0, {100, 100, 100, 100, 100});
  write_qlib_bin(f / "factor.day.bin", 0, {1, 1, 1, 1, 1});
  return root;
}

TEST(BadData, GbkTextIsConvertedOrRefusedWithTheRow) {
  const fs::path dir = test::make_temp_dir("bad_data");
  // GBK bytes in `name`: nlohmann's invalid-UTF-8 exception escaped when the dataset was written.
  const fs::path gbk =
      write_text(dir / "gbk.csv", std::string(kHeader) + kRow + "\xb9\xf3\xd6\xdd\xc3\xa9\xcc\xa8\n");
  const test::CliResult r = run("data import --from csv " + gbk.string() + " --out " + (dir / "ds").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const MarketData md = read_dataset(dir / "ds");
  EXPECT_EQ(md.instruments[0].name, "\xe8\xb4\xb5\xe5\xb7\x9e\xe8\x8c\x85\xe5\x8f\xb0");  // 贵州茅台 in UTF-8
  const fs::path bad = write_text(dir / "bad.csv", std::string(kHeader) + kRow + "x\xff\n");
  expect_refused("data import --from csv " + bad.string() + " --out " + (dir / "ds2").string(),
                 {bad.string() + ":2: expected UTF-8 or GB18030 (GBK) text, got the byte 0xff at column 49"});
}

TEST(BadData, ValuesOutsideTheirDomainNameFileAndRow) {
  const fs::path dir = test::make_temp_dir("bad_data");
  struct Case {
    std::string row, expected;
  };
  const Case cases[] = {
      {"2024-01-02,600519.SH,10,inf,9,10.5,100,1000,1e9,", ":2: column 'high': expected a number, got 'inf'"},
      {"2024-01-02,600519.SH,10,11,-9,10.5,100,1000,1e9,",
       ":2: column 'low': expected a positive price, got '-9'"},
      {"2024-01-02,600519.SH,10,11,9,10.5,-100,1000,1e9,",
       ":2: column 'volume': expected a non-negative number, got '-100'"},
      {"2024-01-02,600519.SH,10,11,9,10.5,100,-1000,1e9,",
       ":2: column 'amount': expected a non-negative number, got '-1000'"},
      {"2024-01-02,600519.SH,10,11,9,10.5,100,1000,-1e9,",
       ":2: column 'total_shares': expected a non-negative number, got '-1e9'"},
      // A Saturday became a trading day; a row in 1900 stretched the calendar 124 years.
      {"2024-01-06,600519.SH,10,11,9,10.5,100,1000,1e9,",
       ":2: 2024-01-06 is a Saturday (A-shares never trade on weekends)"},
      {"1900-01-02,600519.SH,10,11,9,10.5,100,1000,1e9,",
       ":2: 1900-01-02 is outside the market-date range 1990-12-19 .. 2100-12-31"},
  };
  int k = 0;
  for (const Case& c : cases) {
    std::string name = "v";  // appended, not "v" + ...: GCC 12 warns (a -Wrestrict false positive)
    name += std::to_string(k++);
    const fs::path file = write_text(dir / name, std::string(kHeader).append(c.row).append("\n"));
    expect_refused("data import --from csv " + file.string() + " --out " + (dir / "ds").string(),
                   {file.string() + c.expected});
  }
}

TEST(BadData, SpellingsOfOneSecurityAreOneSymbol) {
  const fs::path dir = test::make_temp_dir("bad_data");
  const fs::path file = write_text(dir / "two.csv", std::string(kHeader) + kRow + "\n" +
                                                        "2024-01-03,SH600519,10,11,9,10.5,100,1000,1e9,\n");
  const test::CliResult r =
      run("data import --from csv " + file.string() + " --out " + (dir / "ds").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const test::CliResult inspect = run("data inspect " + (dir / "ds").string());
  EXPECT_NE(inspect.output.find("instruments  1 (1 stocks, 0 indices)"), std::string::npos) << inspect.output;
}

TEST(BadData, FactorsThatBreakAdjustmentAreRefused) {
  const fs::path dir = test::make_temp_dir("bad_data");
  // A zero qlib factor: prices stayed "adjusted" by it.
  const fs::path q = qlib_dir(dir / "qlib");
  write_qlib_bin(q / "features" / "SH600001" / "factor.day.bin", 0, {1, 1, 0, 1, 1});
  expect_refused(
      "data import --from qlib " + q.string() + " --out " + (dir / "q").string(),
      {"factor.day.bin: byte offset 12 (calendar entry 2): expected a positive adjustment factor"});
  // Tushare adj_factor 0.
  const fs::path ts = dir / "ts";
  write_text(
      ts / "daily.csv",
      "ts_code,trade_date,open,high,low,close,pre_close,vol,amount\n600519.SH,20240102,10,11,9,10,10,5,50\n");
  write_text(ts / "adj_factor.csv", "ts_code,trade_date,adj_factor\n600519.SH,20240102,0\n");
  expect_refused("data import --from tushare " + ts.string() + " --out " + (dir / "t").string(),
                 {(ts / "adj_factor.csv").string() +
                  ":2: column 'adj_factor': expected a positive adjustment factor, got '0'"});
  // gbbq f3 = -10: a division by zero made every later factor 0.
  const fs::path vipdoc = dir / "vipdoc" / "sh" / "lday";
  fs::create_directories(vipdoc);
  std::ofstream(vipdoc / "sh600001.day", std::ios::binary);  // empty: the gbbq row fails first
  const fs::path gbbq =
      write_text(dir / "gbbq.csv", "market,code,date,category,f1,f2,f3,f4\nSH,600001,20240103,1,0,0,-10,0\n");
  expect_refused("data import --from tdx " + (dir / "vipdoc").string() + " --gbbq " + gbbq.string() +
                     " --out " + (dir / "x").string(),
                 {gbbq.string() + ":2: column 'f3': expected a non-negative number, got '-10'"});
}

TEST(BadData, QlibMarketIntervalsAreHonouredAndBackwardIntervalsRefused) {
  const fs::path dir = test::make_temp_dir("bad_data");
  const fs::path q = qlib_dir(dir / "qlib");
  // --market csi300: the stock is present only inside its listed interval (from 2024-01-04).
  const test::CliResult r =
      run("data import --from qlib " + q.string() + " --market csi300 --out " + (dir / "q").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const MarketData md = read_dataset(dir / "q");
  EXPECT_TRUE(std::isnan(md.daily.field(Field::Close)(1, 0)));
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(2, 0), 12.0f);
  EXPECT_EQ(md.instruments[0].list_date, Date::from_ymd(2024, 1, 4));
  // An interval that ends before it starts was dropped silently.
  const fs::path st = write_text(dir / "st.csv", "symbol,start,end\n600001.SH,2024-01-05,2024-01-03\n");
  expect_refused(
      "data import --from qlib " + q.string() + " --st " + st.string() + " --out " + (dir / "q2").string(),
      {st.string() + ":2: expected end >= start, got 2024-01-03 < 2024-01-05"});
}

TEST(BadData, FifosAndDirectoriesWhereFilesBelongAreRefusedWithoutHanging) {
  const fs::path dir = test::make_temp_dir("bad_data");
  const fs::path q = qlib_dir(dir / "qlib");
  fs::remove(q / "calendars" / "day.txt");
  ASSERT_EQ(::mkfifo((q / "calendars" / "day.txt").c_str(), 0600), 0);  // hung forever before
  expect_refused(
      "data import --from qlib " + q.string() + " --out " + (dir / "q").string(),
      {(q / "calendars" / "day.txt").string() + ": is not a regular file (a FIFO, socket or device"});
  const fs::path q2 = qlib_dir(dir / "qlib2");
  fs::remove(q2 / "features" / "SH600001" / "close.day.bin");
  fs::create_directories(q2 / "features" / "SH600001" / "close.day.bin");  // "got 9223372036854775807 bytes"
  expect_refused("data import --from qlib " + q2.string() + " --out " + (dir / "q2out").string(),
                 {"close.day.bin: is a directory (expected a qlib feature file (float32 .bin))"});
}

TEST(BadData, CraftedDatasetOffsetsAreRefusedBeforeTheyOverflow) {
  const fs::path dir = test::make_temp_dir("bad_data");
  const fs::path file = dir / "market.abtd";
  write_dataset(test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                    .stock("600519.SH", {{10, 11, 9, 10.5, 100}, {10.5, 11, 10, 10.8, 100}})
                    .build(),
                file);
  test::CraftedDataset d(file);
  d.header["blocks"][1]["offset"] = int64_t{9223372036854771712};  // 2^63 - 4096
  d.save();
  expect_refused("data inspect " + file.string(),
                 {file.string() + ": block 1d/high: extends past the end of the file"});
}

}  // namespace
}  // namespace abt
