// `abt attribute` as a user runs it: the files, identical for any --jobs; the ends equal `abt run` of the
// ideal and the realistic settings; bad configs, orders and arguments exit 2 with a message.
#include <gtest/gtest.h>

#include <fstream>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"

namespace abt {
namespace {

TEST(AttributeCli, FilesIdenticalForAnyJobsAndEndsEqualToAbtRun) {
  const auto dir = test::make_temp_dir("attribute");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto one = test::run_cli("attribute " + config.string() + " --jobs 1 --out " + (dir / "j1").string());
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find("the steps add up to the gap"), std::string::npos) << one.output;
  EXPECT_NE(one.output.find("realistic"), std::string::npos);
  const auto two =
      test::run_cli("attribute " + config.string() + " --jobs 2 -q --out " + (dir / "j2").string());
  ASSERT_EQ(two.exit_code, 0) << two.output;
  EXPECT_EQ(two.output, "");
  for (const char* name : {"attribution.json", "attribution.csv", "attribution.html"})
    EXPECT_EQ(test::file_text(dir / "j1" / name), test::file_text(dir / "j2" / name)) << name;

  const nlohmann::json doc = read_json_file(dir / "j1" / "attribution.json");
  ASSERT_EQ(doc["steps"].size(), 10u);
  EXPECT_EQ(doc["steps"][0]["step"], "ideal");
  EXPECT_EQ(doc["steps"][6]["step"], "commission");
  EXPECT_EQ(doc["steps"][6]["ran"], true);
  EXPECT_EQ(doc["steps"][7]["ran"], false);                                // flat fee: no stamp duty step
  EXPECT_LT(doc["steps"][6]["delta"]["total_return"].get<double>(), 0.0);  // fees cost return
  EXPECT_EQ(doc["last_step_equals_realistic"], true);
  EXPECT_NEAR(doc["sum_of_steps"]["total_return"].get<double>(), doc["gap"]["total_return"].get<double>(),
              1e-12);
  const std::string csv = test::file_text(dir / "j1" / "attribution.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 12);

  // The realistic end is `abt run CONFIG`; the ideal start is the ideal profile with suspended bars
  // fillable and no costs.
  const auto realistic =
      test::run_cli("run " + config.string() + " -q --out " + (dir / "realistic").string());
  ASSERT_EQ(realistic.exit_code, 0) << realistic.output;
  const nlohmann::json r = read_json_file(dir / "realistic" / "result.json");
  EXPECT_EQ(r["trades_hash"], doc["realistic"]["metrics"]["trades_hash"]);
  EXPECT_EQ(r["metrics"]["total_return"], doc["realistic"]["metrics"]["total_return"]);
  const auto ideal = test::run_cli("run " + config.string() + " -q --out " + (dir / "ideal").string() +
                                   " --set execution.profile=ideal --set execution.block_suspended=false" +
                                   " --set costs=null");
  ASSERT_EQ(ideal.exit_code, 0) << ideal.output;
  const nlohmann::json i = read_json_file(dir / "ideal" / "result.json");
  EXPECT_EQ(i["trades_hash"], doc["steps"][0]["metrics"]["trades_hash"]);
  EXPECT_EQ(i["metrics"]["total_return"], doc["steps"][0]["metrics"]["total_return"]);
}

TEST(AttributeCli, DefaultOutputDirectoryNamesTheOverrides) {
  const auto dir = test::make_temp_dir("attribute-dir");
  const auto config = test::write_small_dual_ma_config(dir);
  const std::string cd = "cd " + dir.string() + " && ABT_RUN_STORE=off " + test::cli_path().string();
  ASSERT_EQ(test::run_shell(cd + " attribute small.json -q").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "small-attribution" / "attribution.json"));
  const auto r = test::run_shell(cd + " attribute small.json -q --set costs.rate=0.003");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  size_t hashed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("small-attribution-", 0) == 0 &&
        name.size() == std::string("small-attribution-").size() + 8) {
      ++hashed;
      const nlohmann::json doc = read_json_file(entry.path() / "attribution.json");
      EXPECT_EQ(doc["config"]["costs"]["rate"], 0.003);
    }
  }
  EXPECT_EQ(hashed, 1u);
}

TEST(AttributeCli, BadInputExitsTwoWithAMessage) {
  const auto dir = test::make_temp_dir("attribute-bad");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto order = test::run_cli("attribute " + config.string() + " --order lots,slippage -q --out " +
                                   (dir / "o").string());
  EXPECT_EQ(order.exit_code, 2) << order.output;
  EXPECT_NE(order.output.find("--order: step 'price_limits' is missing"), std::string::npos) << order.output;
  const auto set = test::run_cli("attribute " + config.string() +
                                 " --set execution.participation=3 -q --out " + (dir / "s").string());
  EXPECT_EQ(set.exit_code, 2) << set.output;
  EXPECT_NE(set.output.find("execution.participation"), std::string::npos) << set.output;
  const auto unknown = test::run_cli("attribute " + config.string() + " --set execution.lot=true -q --out " +
                                     (dir / "u").string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("execution.lot"), std::string::npos) << unknown.output;
  const auto missing = test::run_cli("attribute " + (dir / "nope.json").string() + " -q");
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("nope.json"), std::string::npos) << missing.output;
  const auto usage = test::run_cli("attribute");
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.output.find("usage: abt attribute CONFIG"), std::string::npos) << usage.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "o" / "attribution.json"));
}

}  // namespace
}  // namespace abt
