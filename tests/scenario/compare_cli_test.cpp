// `abt run` writes report.html; `abt compare` reads run directories.
#include <gtest/gtest.h>

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
}

}  // namespace
}  // namespace abt
