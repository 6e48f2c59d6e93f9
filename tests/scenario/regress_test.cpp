// Golden comparison (app/run/regression.hpp) and `abt regress`: exit codes, the diff table, tolerances,
// --update.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.hpp"
#include "engine/core/error.hpp"
#include "app/run/config_file.hpp"
#include "app/run/regression.hpp"

namespace abt {
namespace {

const nlohmann::json kGolden = {
    {"data_fingerprint", "abc"},
    {"metrics", {{"sharpe", 1.0}, {"costs", 1000.0}, {"max_drawdown_peak", "2020-01-02"}}},
    {"trades_hash", "h1"}};

TEST(GoldenComparison, TolerancesExactItemsAndMissingMetrics) {
  nlohmann::json now = kGolden;
  now["metrics"]["new_metric"] = 5;  // metrics absent from the golden are ignored
  EXPECT_TRUE(compare_with_golden(kGolden, now, ToleranceSet()).ok());

  now["metrics"]["sharpe"] = 1.0 + 1e-6;
  GoldenComparison c = compare_with_golden(kGolden, now, ToleranceSet());
  EXPECT_EQ(c.failures(), 1u);
  EXPECT_NE(format_comparison(c, false).find("metrics.sharpe"), std::string::npos);
  ToleranceSet loose;
  // std::stod reads "inf" and "nan": a tolerance that passes or fails everything is refused.
  EXPECT_THROW(loose.apply_assignment("sharpe=inf"), ConfigError);
  EXPECT_THROW(loose.apply_assignment("sharpe=nan"), ConfigError);
  loose.apply_assignment("sharpe=1e-5");
  EXPECT_TRUE(compare_with_golden(kGolden, now, loose).ok());
  // Relative tolerance: 1e-3 of 1000 allows 0.5 off, not 2.
  const ToleranceSet rel =
      ToleranceSet::from_json(nlohmann::json::parse(R"({"metrics": {"costs": {"rel": 1e-3}}})"), "tol.json");
  now = kGolden;
  now["metrics"]["costs"] = 1000.5;
  EXPECT_TRUE(compare_with_golden(kGolden, now, rel).ok());
  now["metrics"]["costs"] = 1002.0;
  EXPECT_FALSE(compare_with_golden(kGolden, now, rel).ok());

  now = kGolden;
  now["metrics"]["max_drawdown_peak"] = "2020-01-03";
  now["trades_hash"] = "h2";
  c = compare_with_golden(kGolden, now, loose);
  EXPECT_EQ(c.failures(), 2u);
  now = kGolden;
  now["metrics"].erase("costs");
  EXPECT_EQ(compare_with_golden(kGolden, now, ToleranceSet()).failures(), 1u);

  EXPECT_THROW(ToleranceSet::from_json(nlohmann::json::parse(R"({"metrics": {"x": {"ab": 1}}})"), "t"),
               ConfigError);
  EXPECT_THROW(loose.apply_assignment("sharpe"), ConfigError);
  EXPECT_THROW(loose.apply_assignment("sharpe=abc"), ConfigError);
}

TEST(RegressCli, UpdatePassDiffAndBadInput) {
  const auto dir = test::make_temp_dir("regress");
  const auto config = test::write_small_dual_ma_config(dir);
  const std::string golden = (dir / "golden").string();
  const auto missing = test::run_cli("regress --golden " + golden + " " + config.string());
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("MISSING"), std::string::npos) << missing.output;

  const auto update = test::run_cli("regress --quiet --update --golden " + golden + " " + config.string());
  ASSERT_EQ(update.exit_code, 0) << update.output;
  const auto pass = test::run_cli("regress --golden " + golden + " " + config.string());
  EXPECT_EQ(pass.exit_code, 0) << pass.output;
  EXPECT_NE(pass.output.find("PASS"), std::string::npos) << pass.output;

  // A changed golden value is reported with golden, now and tolerance; a tolerance flag accepts it.
  const auto golden_file = dir / "golden" / "small.json";
  nlohmann::json g = read_json_file(golden_file);
  const double sharpe = g["metrics"]["sharpe"].get<double>();
  g["metrics"]["sharpe"] = sharpe + 0.01;
  std::ofstream(golden_file) << g.dump(2);
  const auto fail = test::run_cli("regress --golden " + golden + " " + config.string());
  EXPECT_EQ(fail.exit_code, 1) << fail.output;
  EXPECT_NE(fail.output.find("metrics.sharpe"), std::string::npos) << fail.output;
  EXPECT_NE(fail.output.find("DIFFERS"), std::string::npos) << fail.output;
  EXPECT_NE(fail.output.find("tolerance"), std::string::npos) << fail.output;
  const auto tolerated =
      test::run_cli("regress --golden " + golden + " --tolerance sharpe=0.02 " + config.string());
  EXPECT_EQ(tolerated.exit_code, 0) << tolerated.output;

  const auto bad = test::run_cli("regress --golden " + golden + " --tolerance sharpe=x " + config.string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  const auto no_config = test::run_cli("regress --golden " + golden + " " + (dir / "nope.json").string());
  EXPECT_EQ(no_config.exit_code, 2) << no_config.output;
}

}  // namespace
}  // namespace abt
