// The run store: abt run and abt sweep record into OUTPUT_ROOT/abt-runs.sqlite; abt runs list|show|compare
// query it; ABT_RUN_STORE=off disables recording.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.hpp"
#include "engine/run/run_store.hpp"

namespace abt {
namespace {

TEST(RunsCli, RunsAndSweepsAreRecordedAndQueried) {
  const auto dir = test::make_temp_dir("runs");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto root = dir / "out";
  ASSERT_EQ(test::run_cli("run " + config.string() + " -q --out " + (root / "a").string()).exit_code, 0);
  ASSERT_EQ(test::run_cli("run " + config.string() + " -q --set strategy.params.fast=8 --out " +
                          (root / "b").string())
                .exit_code,
            0);
  std::ofstream(dir / "grid.json") << R"({"strategy.params.fast": [3, 5]})";
  ASSERT_EQ(test::run_cli("sweep " + config.string() + " -q --grid " + (dir / "grid.json").string() +
                          " --out " + (root / "sw").string())
                .exit_code,
            0);
  ASSERT_TRUE(std::filesystem::exists(root / "abt-runs.sqlite"));

  RunStore store(root / "abt-runs.sqlite");
  const auto runs = store.runs(100);
  ASSERT_EQ(runs.size(), 4u);  // newest first: two variants, then b, then a
  EXPECT_EQ(runs[0].kind, "variant");
  EXPECT_EQ(runs[3].kind, "run");
  EXPECT_EQ(runs[3].path, std::filesystem::absolute(root / "a").lexically_normal().string());
  EXPECT_EQ(runs[3].data_fingerprint, runs[2].data_fingerprint);
  EXPECT_NE(runs[3].config_hash, runs[2].config_hash);  // fast differs
  EXPECT_EQ(runs[3].engine_version, ABT_VERSION);
  EXPECT_EQ(runs[1].config["strategy"]["params"]["fast"], 3);  // v0000, recorded before v0001
  ASSERT_TRUE(runs[0].sweep.has_value());
  EXPECT_TRUE(runs[0].metrics.contains("sharpe"));
  // Variant v0001 (fast 5) and run a (fast 5 = the config's own value) are the same backtest.
  EXPECT_EQ(runs[0].config_hash, runs[3].config_hash);
  EXPECT_EQ(runs[0].trades_hash, runs[3].trades_hash);
  const auto sweeps = store.sweeps(10);
  ASSERT_EQ(sweeps.size(), 1u);
  EXPECT_EQ(sweeps[0].variants, 2);
  EXPECT_TRUE(sweeps[0].complete);

  const auto list = test::run_cli("runs list --root " + root.string());
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("variant"), std::string::npos) << list.output;
  const auto show = test::run_cli("runs show 1 --root " + root.string());
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_NE(show.output.find("\"data_fingerprint\""), std::string::npos) << show.output;
  const auto compare = test::run_cli("runs compare 1 2 --root " + root.string());
  ASSERT_EQ(compare.exit_code, 0) << compare.output;
  EXPECT_NE(compare.output.find("[2]-[1]"), std::string::npos) << compare.output;
  EXPECT_EQ(test::run_cli("runs show 99 --root " + root.string()).exit_code, 2);
  EXPECT_EQ(test::run_cli("runs list --root " + (dir / "nowhere").string()).exit_code, 2);

  const auto other = dir / "off";
  const auto off = test::run_shell("ABT_RUN_STORE=off " + test::cli_path().string() + " run " +
                                   config.string() + " -q --out " + (other / "a").string());
  ASSERT_EQ(off.exit_code, 0) << off.output;
  EXPECT_FALSE(std::filesystem::exists(other / "abt-runs.sqlite"));
}

}  // namespace
}  // namespace abt
