// `abt sweep` as a user runs it: identical results for any --jobs, shards + merge = the whole sweep, a clean
// stop on SIGINT, bad plans rejected with exit 2.
#include <gtest/gtest.h>

#include <fstream>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"

namespace abt {
namespace {

void expect_same_tree(const std::filesystem::path& a, const std::filesystem::path& b) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(a)) {
    if (!entry.is_regular_file()) continue;
    const auto rel = std::filesystem::relative(entry.path(), a);
    ASSERT_TRUE(std::filesystem::exists(b / rel)) << rel;
    EXPECT_EQ(test::file_text(entry.path()), test::file_text(b / rel)) << rel << " differs";
    ++files;
  }
  EXPECT_GT(files, 2u);
}

TEST(SweepCli, AnyJobCountGivesIdenticalFiles) {
  const auto dir = test::make_temp_dir("sweep");
  const auto config = test::write_small_dual_ma_config(dir);
  std::ofstream(dir / "grid.json")
      << R"({"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]})";
  const std::string common =
      "sweep " + config.string() + " --grid " + (dir / "grid.json").string() + " --out ";
  const auto one = test::run_cli(common + (dir / "j1").string() + " --jobs 1 -q");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const auto two = test::run_cli(common + (dir / "j2").string() + " --jobs 2 -q");
  ASSERT_EQ(two.exit_code, 0) << two.output;
  expect_same_tree(dir / "j1", dir / "j2");

  const nlohmann::json sweep = read_json_file(dir / "j1" / "sweep.json");
  EXPECT_EQ(sweep["complete"], true);
  ASSERT_EQ(sweep["variants"].size(), 6u);
  // Ranked by Sharpe, best first; each variant's result.json agrees with the table.
  double previous = 1e300;
  for (const auto& v : sweep["variants"]) {
    const double sharpe = v["metrics"]["sharpe"].get<double>();
    EXPECT_LE(sharpe, previous);
    previous = sharpe;
    const nlohmann::json result = read_json_file(dir / "j1" / v["dir"].get<std::string>() / "result.json");
    EXPECT_EQ(result["metrics"]["sharpe"], v["metrics"]["sharpe"]);
    EXPECT_EQ(result["config"]["strategy"]["params"]["fast"], v["overrides"]["strategy.params.fast"]);
  }
  // The same variant through `abt run --set` gives the same trades.
  const auto& best = sweep["variants"][0];
  const auto run =
      test::run_cli("run " + config.string() + " -q --out " + (dir / "single").string() +
                    " --set strategy.params.fast=" + best["overrides"]["strategy.params.fast"].dump() +
                    " --set strategy.params.slow=" + best["overrides"]["strategy.params.slow"].dump());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_json_file(dir / "single" / "result.json")["trades_hash"], best["trades_hash"]);
  EXPECT_NE(
      test::file_text(dir / "j1" / "sweep.csv").find("rank,id,strategy.params.fast,strategy.params.slow"),
      std::string::npos);
}

TEST(SweepCli, ShardsMergeIntoTheWholeSweep) {
  const auto dir = test::make_temp_dir("sweep-shards");
  const auto config = test::write_small_dual_ma_config(dir);
  std::ofstream(dir / "grid.json")
      << R"({"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]})";
  const std::string common =
      "sweep " + config.string() + " --grid " + (dir / "grid.json").string() + " -q --out ";
  ASSERT_EQ(test::run_cli(common + (dir / "all").string()).exit_code, 0);
  ASSERT_EQ(test::run_cli(common + (dir / "s0").string() + " --shard 0/2").exit_code, 0);
  const auto slurm = test::run_shell("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 " +
                                     test::cli_path().string() + " " + common + (dir / "s1").string());
  ASSERT_EQ(slurm.exit_code, 0) << slurm.output;
  const auto partial = read_json_file(dir / "s0" / "sweep.json");
  EXPECT_EQ(partial["variants"].size(), 3u);
  const auto merge = test::run_cli("sweep merge " + (dir / "s0").string() + " " + (dir / "s1").string() +
                                   " --out " + (dir / "merged").string());
  ASSERT_EQ(merge.exit_code, 0) << merge.output;
  const auto merged = read_json_file(dir / "merged" / "sweep.json");
  const auto whole = read_json_file(dir / "all" / "sweep.json");
  EXPECT_EQ(merged["complete"], true);
  ASSERT_EQ(merged["variants"].size(), whole["variants"].size());
  for (size_t i = 0; i < whole["variants"].size(); ++i) {
    EXPECT_EQ(merged["variants"][i]["id"], whole["variants"][i]["id"]);
    EXPECT_EQ(merged["variants"][i]["metrics"], whole["variants"][i]["metrics"]);
    EXPECT_TRUE(std::filesystem::exists(dir / "merged" / merged["variants"][i]["dir"].get<std::string>() /
                                        "result.json"));
  }
  // Every variant's curve, in the file of the unsharded sweep byte for byte.
  EXPECT_EQ(test::file_text(dir / "merged" / "sweep_equity.csv"),
            test::file_text(dir / "all" / "sweep_equity.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir / "merged" / "sweep.html"));
}

TEST(SweepCli, SigintKeepsFinishedVariantsAndMarksTheSweepIncomplete) {
  const auto dir = test::make_temp_dir("sweep-int");
  const auto config = test::write_small_dual_ma_config(dir);
  std::ofstream(dir / "grid.json")
      << R"({"strategy.params.fast": [2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19],
    "strategy.params.slow": [20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,
                             50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79]})";
  const auto out = dir / "out";
  const auto r =
      test::run_shell(test::cli_path().string() + " sweep " + config.string() + " --grid " +
                      (dir / "grid.json").string() + " -q --jobs 2 --keep all --out " + out.string() +
                      " & pid=$!; sleep 0.7; kill -INT $pid; wait $pid; echo \"exit=$?\"");
  EXPECT_NE(r.output.find("exit=130"), std::string::npos) << r.output;
  const nlohmann::json sweep = read_json_file(out / "sweep.json");
  EXPECT_EQ(sweep["complete"], false);
  EXPECT_LT(sweep["variants"].size(), 1080u);
  size_t dirs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out / "variants")) {
    EXPECT_TRUE(std::filesystem::exists(entry.path() / "result.json")) << entry.path();
    ++dirs;
  }
  EXPECT_EQ(dirs, sweep["variants"].size());
  EXPECT_TRUE(std::filesystem::exists(out / "sweep.journal"));  // for --resume
}

TEST(SweepCli, MergeRefusesIncompleteShardsAndMissingOnesUnlessAllowed) {
  const auto dir = test::make_temp_dir("sweep-merge-incomplete");
  const auto config = test::write_small_dual_ma_config(dir);
  std::ofstream(dir / "grid.json") << R"({"strategy.params.fast": [3, 4, 5, 6]})";
  for (const char* shard : {"0/2", "1/2"})
    ASSERT_EQ(test::run_cli("sweep " + config.string() + " --grid " + (dir / "grid.json").string() +
                            " -q --shard " + shard + " --out " +
                            (dir / std::string("s").append(1, shard[0])).string())
                  .exit_code,
              0);
  const std::string merge = "sweep merge " + (dir / "s0").string() + " " + (dir / "s1").string() + " --out ";
  // A shard whose sweep.json says it was interrupted.
  nlohmann::json s1 = read_json_file(dir / "s1" / "sweep.json");
  s1["complete"] = false;
  std::ofstream(dir / "s1" / "sweep.json") << s1.dump(2);
  auto r = test::run_cli(merge + (dir / "m1").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find((dir / "s1").string() + "/sweep.json: an incomplete sweep"), std::string::npos)
      << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "m1" / "sweep.json"));
  r = test::run_cli(merge + (dir / "m2").string() + " --allow-incomplete");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(read_json_file(dir / "m2" / "sweep.json")["complete"], false);
  // A shard left out.
  r = test::run_cli("sweep merge " + (dir / "s0").string() + " --out " + (dir / "m3").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("the shards hold 2 of the plan's 4 variants: a shard is missing"),
            std::string::npos)
      << r.output;
}

TEST(SweepCli, BadPlansExitTwo) {
  const auto dir = test::make_temp_dir("sweep-bad");
  const auto config = test::write_small_dual_ma_config(dir);
  std::ofstream(dir / "bad.json") << R"({"strategy.params.fast": 3})";
  auto r = test::run_cli("sweep " + config.string() + " --grid " + (dir / "bad.json").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("strategy.params.fast: expected a non-empty array"), std::string::npos) << r.output;
  std::ofstream(dir / "unknown.json") << R"({"strategy.nope": [1]})";
  r = test::run_cli("sweep " + config.string() + " --grid " + (dir / "unknown.json").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("v0000"), std::string::npos) << r.output;
  r = test::run_cli("sweep " + config.string() + " --grid " + (dir / "bad.json").string() + " --shard 3/2");
  EXPECT_EQ(r.exit_code, 2) << r.output;
}

}  // namespace
}  // namespace abt
