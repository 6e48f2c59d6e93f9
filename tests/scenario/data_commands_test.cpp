// `abt data import` / `abt data inspect` as a user runs them, and vendor sources named in a config (cached).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "cli_runner.hpp"
#include "data_adapters/data_loader.hpp"
#include "data_adapters/tdx/tdx_day_file.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

fs::path make_lday(const fs::path& dir) {
  const fs::path lday = dir / "lday";
  fs::create_directories(lday);
  write_tdx_day_file(lday / "sh600001.day", {{Date::from_ymd(2024, 1, 2), 10, 10.5, 9.8, 10.2, 1e6, 1e5},
                                             {Date::from_ymd(2024, 1, 3), 10.2, 11.2, 10.1, 11.0, 2e6, 2e5}});
  return lday;
}

TEST(DataCommands, ImportThenInspect) {
  const fs::path dir = test::make_temp_dir("data_cmd");
  const fs::path lday = make_lday(dir);
  const test::CliResult imp =
      test::run_cli("data import --from tdx " + lday.string() + " --out " + (dir / "ds").string());
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  EXPECT_NE(imp.output.find("1 instruments, 2 trading days"), std::string::npos) << imp.output;
  const test::CliResult summary = test::run_cli("data inspect " + (dir / "ds").string());
  ASSERT_EQ(summary.exit_code, 0) << summary.output;
  EXPECT_NE(summary.output.find("span         2024-01-02 .. 2024-01-03, 2 trading days"), std::string::npos)
      << summary.output;
  const test::CliResult bars =
      test::run_cli("data inspect " + (dir / "ds").string() + " --symbol SH600001 --from 2024-01-03");
  ASSERT_EQ(bars.exit_code, 0) << bars.output;
  EXPECT_EQ(
      bars.output,
      "date,open,high,low,close,volume,amount,adj_factor,adj_open,adj_high,adj_low,adj_close\n"
      "2024-01-03,10.2000,11.2000,10.1000,11.0000,200000,2000000,1.000000,10.2000,11.2000,10.1000,11.0000\n");
}

TEST(DataCommands, BadInputExitsTwoNamingTheFile) {
  const fs::path dir = test::make_temp_dir("data_cmd_bad");
  const fs::path lday = make_lday(dir);
  fs::resize_file(lday / "sh600001.day", 40);
  const test::CliResult r =
      test::run_cli("data import --from tdx " + lday.string() + " --out " + (dir / "ds").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("sh600001.day"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("byte offset 32"), std::string::npos) << r.output;
  EXPECT_EQ(test::run_cli("data import --from nosuch x --out y").exit_code, 2);
}

TEST(DataCommands, ValidateStopsOrQuarantines) {
  const fs::path dir = test::make_temp_dir("data_validate");
  const fs::path lday = dir / "lday";
  fs::create_directories(lday);
  write_tdx_day_file(lday / "sh600001.day", {{Date::from_ymd(2024, 1, 2), 10, 10.5, 9.8, 10.2, 1e6, 1e5},
                                             {Date::from_ymd(2024, 1, 3), 10.2, 10.5, 10.1, 11.0, 2e6, 2e5}});
  const std::string source = "data validate --from tdx " + lday.string();
  const test::CliResult fail = test::run_cli(source);
  EXPECT_EQ(fail.exit_code, 2) << fail.output;
  EXPECT_NE(fail.output.find("ohlc 600001.SH 2024-01-03"), std::string::npos) << fail.output;
  const fs::path q = dir / "bad.csv";
  const test::CliResult ok =
      test::run_cli(source + " --quarantine " + q.string() + " --out " + (dir / "clean").string());
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("quarantined: 1 bars and 0 duplicate rows written to"), std::string::npos)
      << ok.output;
  std::ifstream in(q);
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(row.substr(0, 30), "ohlc,600001.SH,2024-01-03,10.2");
  EXPECT_EQ(test::run_cli("data validate " + (dir / "clean").string()).exit_code, 0);
}

TEST(DataCommands, ValidateQuarantinesDuplicateCsvRows) {
  const fs::path dir = test::make_temp_dir("data_validate_dup");
  const fs::path csv = dir / "bars.csv";
  std::ofstream(csv) << "date,symbol,open,high,low,close,volume\n2024-01-02,600000.SH,10,10.5,9.9,10.2,100\n"
                        "2024-01-03,600000.SH,10.2,10.6,10.1,10.4,100\n2024-01-02,600000.SH,9,9,9,9,1\n";
  const test::CliResult fail = test::run_cli("data validate --from csv " + csv.string());
  EXPECT_EQ(fail.exit_code, 2);
  EXPECT_NE(fail.output.find("bars.csv:4: expected one bar per (timestamp, symbol)"), std::string::npos)
      << fail.output;
  const fs::path q = dir / "q.csv";
  const test::CliResult ok =
      test::run_cli("data validate --from csv " + csv.string() + " --quarantine " + q.string());
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("quarantined: 0 bars and 1 duplicate rows written to"), std::string::npos)
      << ok.output;
  std::ifstream in(q);
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(row.substr(0, 10), "duplicate,");
  EXPECT_NE(row.find("bars.csv:4"), std::string::npos) << row;
}

TEST(DataCommands, ConfigSourceIsImportedOnceAndCached) {
  const fs::path dir = test::make_temp_dir("data_cfg");
  const fs::path lday = make_lday(dir);
  // A private cache directory for this test (restored afterwards: other tests share the suite's cache).
  const char* old_cache = std::getenv("ABT_CACHE_DIR");
  const std::string saved = old_cache ? old_cache : "";
  ::setenv("ABT_CACHE_DIR", (dir / "cache").c_str(), 1);
  struct Restore {
    std::string value;
    bool had;
    ~Restore() {
      if (had)
        ::setenv("ABT_CACHE_DIR", value.c_str(), 1);
      else
        ::unsetenv("ABT_CACHE_DIR");
    }
  } restore{saved, old_cache != nullptr};
  const nlohmann::json spec = {{"tdx", {{"path", "lday"}}}};
  const LoadedData first = load_market_data(spec, dir);
  EXPECT_TRUE(first.generated);
  const LoadedData second = load_market_data(spec, dir);
  EXPECT_FALSE(second.generated);
  EXPECT_EQ(first.data.fingerprint, second.data.fingerprint);
  EXPECT_FLOAT_EQ(second.data.daily.field(Field::Close)(1, 0), 11.0f);
  // Changing a file re-imports.
  write_tdx_day_file(lday / "sh600001.day", {{Date::from_ymd(2024, 1, 2), 10, 10.5, 9.8, 10.3, 1e6, 1e5}});
  const LoadedData third = load_market_data(spec, dir);
  EXPECT_TRUE(third.generated);
  EXPECT_FLOAT_EQ(third.data.daily.field(Field::Close)(0, 0), 10.3f);
  EXPECT_THROW(load_market_data({{"tdx", {{"path", "lday"}, {"bogus", 1}}}}, dir), ConfigError);
  EXPECT_TRUE(fs::exists(dir / "cache"));
}

}  // namespace
}  // namespace abt
