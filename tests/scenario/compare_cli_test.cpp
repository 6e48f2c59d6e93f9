// `abt run` writes report.html; `abt compare` reads run directories.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"

namespace abt {
namespace {

TEST(CompareCli, RunWritesAReportAndCompareReadsRuns) {
  const auto dir = test::make_temp_dir("compare");
  const auto config = test::write_small_dual_ma_config(dir);
  ASSERT_EQ(test::run_cli("run " + config.string() + " -q --out " + (dir / "a").string()).exit_code, 0);
  ASSERT_EQ(test::run_cli("run " + config.string() + " -q --set strategy.params.fast=8 --out " +
                          (dir / "b").string())
                .exit_code,
            0);
  const std::string report = test::file_text(dir / "a" / "report.html");
  EXPECT_NE(report.find("<svg "), std::string::npos);
  EXPECT_NE(report.find("id=\"monthly\""), std::string::npos);

  const auto r = test::run_cli("compare " + (dir / "a").string() + " " + (dir / "b").string() + " --html " +
                               (dir / "cmp.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("sharpe"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[2]-[1]"), std::string::npos) << r.output;
  EXPECT_NE(test::file_text(dir / "cmp.html").find("<svg "), std::string::npos);
  const auto missing = test::run_cli("compare " + (dir / "nope").string());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;

  // A damaged equity.csv: every NAV through the one numeric reader ("inf" was read as infinity), and a FIFO
  // in its place is an error, not a hang (issue 14).
  std::filesystem::copy(dir / "a", dir / "c", std::filesystem::copy_options::recursive);
  std::string equity = test::file_text(dir / "c" / "equity.csv");
  const size_t nav = equity.find(',', equity.find('\n')) + 1;
  equity.replace(nav, equity.find(',', nav) - nav, "inf");
  std::ofstream(dir / "c" / "equity.csv", std::ios::binary | std::ios::trunc) << equity;
  const auto damaged = test::run_cli("compare " + (dir / "a").string() + " " + (dir / "c").string());
  EXPECT_EQ(damaged.exit_code, 2) << damaged.output;
  EXPECT_NE(
      damaged.output.find((dir / "c" / "equity.csv").string() + ": line 2: expected a number, got 'inf'"),
      std::string::npos)
      << damaged.output;
  std::filesystem::remove(dir / "c" / "equity.csv");
  ASSERT_EQ(::mkfifo((dir / "c" / "equity.csv").c_str(), 0600), 0);
  const auto fifo = test::run_cli("compare " + (dir / "a").string() + " " + (dir / "c").string());
  EXPECT_EQ(fifo.exit_code, 2) << fifo.output;
  EXPECT_NE(fifo.output.find("equity.csv: is not a regular file"), std::string::npos) << fifo.output;
}

}  // namespace
}  // namespace abt
