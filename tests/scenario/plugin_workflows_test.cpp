// Plugins in every workflow, through the one setup path (app/cli/run_setup.hpp): run, sweep (--jobs 2,
// shards, merge), regress (goldens record plugin builds; a drift names the rebuilt plugin), compare,
// strategies; "plugins" of a config relative to the config file; provenance in result.json; built-in runs
// without a "plugins" key.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.hpp"
#include "engine/core/sha256.hpp"
#include "app/run/config_file.hpp"

namespace abt {
namespace {

const std::string kData =
    R"("data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}})";

/// A directory holding a copy of the test plugin at libs/libhold.so and hold.json naming it relatively.
std::filesystem::path plugin_project(const std::string& name) {
  const auto dir = test::make_temp_dir(name);
  std::filesystem::create_directories(dir / "libs");
  std::filesystem::copy_file(ABT_TEST_GOOD_PLUGIN, dir / "libs" / "libhold.so");
  std::ofstream(dir / "hold.json") << "{" << kData << R"(,
    "plugins": ["libs/libhold.so"],
    "strategy": {"name": "plugin_hold", "params": {"symbol": "BROAD.IDX"}},
    "benchmark": "BROAD.IDX"
  })";
  return dir;
}

/// Changes the plugin file's bytes (and hash) without changing its code: ELF ignores trailing bytes.
void rebuild(const std::filesystem::path& plugin) {
  std::ofstream(plugin, std::ios::binary | std::ios::app) << '\0';
}

TEST(PluginWorkflows, RunRecordsPluginProvenanceAndBuiltinsHaveNone) {
  const auto dir = plugin_project("wf_run");
  const auto run =
      test::run_cli("run " + (dir / "hold.json").string() + " -q --out " + (dir / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const nlohmann::json result = read_json_file(dir / "out" / "result.json");
  ASSERT_EQ(result["plugins"].size(), 1u) << result.dump();
  const auto& p = result["plugins"][0];
  EXPECT_EQ(p["path"], (dir / "libs" / "libhold.so").string());  // absolute, from the config's directory
  EXPECT_EQ(p["sha256"], sha256_file(dir / "libs" / "libhold.so"));
  EXPECT_EQ(p["name"], "test_plugin");
  EXPECT_EQ(p["version"], "1.2.0");
  EXPECT_EQ(p["strategies"], nlohmann::json({"plugin_hold"}));

  const auto config = test::write_small_dual_ma_config(dir);
  const auto builtin = test::run_cli("run " + config.string() + " -q --out " + (dir / "builtin").string());
  ASSERT_EQ(builtin.exit_code, 0) << builtin.output;
  EXPECT_FALSE(read_json_file(dir / "builtin" / "result.json").contains("plugins"));
}

TEST(PluginWorkflows, SweepWithPluginJobsTwoShardsAndMerge) {
  const auto dir = plugin_project("wf_sweep");
  std::ofstream(dir / "grid.json") << R"({"strategy.params.symbol": ["BROAD.IDX", "MAOTAI.IDX"]})";
  // The plugin by --plugin (the config without "plugins" would not know the strategy).
  std::ofstream(dir / "bare.json") << "{" << kData
                                   << R"(, "strategy": {"name": "plugin_hold"}, "benchmark": "BROAD.IDX"})";
  const std::string grid = " --grid " + (dir / "grid.json").string();
  const auto unknown =
      test::run_cli("sweep " + (dir / "bare.json").string() + grid + " -q --out " + (dir / "x").string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("unknown strategy 'plugin_hold'"), std::string::npos) << unknown.output;
  const auto flag =
      test::run_cli("sweep " + (dir / "bare.json").string() + grid + " --jobs 2 -q --plugin " +
                    (dir / "libs" / "libhold.so").string() + " --out " + (dir / "flag").string());
  ASSERT_EQ(flag.exit_code, 0) << flag.output;
  // The config's "plugins", whole and in two shards.
  const std::string common = "sweep " + (dir / "hold.json").string() + grid + " -q --jobs 2 --out ";
  ASSERT_EQ(test::run_cli(common + (dir / "all").string()).exit_code, 0);
  const nlohmann::json sweep = read_json_file(dir / "all" / "sweep.json");
  ASSERT_EQ(sweep["variants"].size(), 2u);
  ASSERT_EQ(sweep["plugins"].size(), 1u);
  EXPECT_EQ(sweep["plugins"][0]["name"], "test_plugin");
  for (const auto& v : sweep["variants"]) {
    EXPECT_EQ(v["status"], "ok") << v.dump();
    const auto result = read_json_file(dir / "all" / v["dir"].get<std::string>() / "result.json");
    EXPECT_EQ(result["plugins"], sweep["plugins"]);
    EXPECT_EQ(result["metrics"]["trades"], 1);
  }
  EXPECT_EQ(read_json_file(dir / "flag" / "sweep.json")["variants"][0]["trades_hash"],
            sweep["variants"][0]["trades_hash"]);
  ASSERT_EQ(test::run_cli(common + (dir / "s0").string() + " --shard 0/2").exit_code, 0);
  ASSERT_EQ(test::run_cli(common + (dir / "s1").string() + " --shard 1/2").exit_code, 0);
  const std::string shards = (dir / "s0").string() + " " + (dir / "s1").string();
  const auto merge = test::run_cli("sweep merge " + shards + " --out " + (dir / "merged").string() +
                                   " --plugin " + (dir / "libs" / "libhold.so").string());
  ASSERT_EQ(merge.exit_code, 0) << merge.output;
  EXPECT_EQ(merge.output.find("warning"), std::string::npos) << merge.output;
  const nlohmann::json merged = read_json_file(dir / "merged" / "sweep.json");
  EXPECT_EQ(merged["complete"], true);
  EXPECT_EQ(merged["plugins"], sweep["plugins"]);

  // Shards that ran different builds of the plugin are not one sweep; a rebuilt --plugin is a warning.
  nlohmann::json other = read_json_file(dir / "s1" / "sweep.json");
  other["plugins"][0]["sha256"] = std::string(64, '0');
  std::ofstream(dir / "s1" / "sweep.json") << other.dump(2);
  const auto refused = test::run_cli("sweep merge " + shards + " --out " + (dir / "m2").string());
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("ran other plugin builds than " + (dir / "s0").string() +
                                ": plugin test_plugin changed: sha256 " +
                                sweep["plugins"][0]["sha256"].get<std::string>().substr(0, 12) +
                                ".. -> 000000000000.."),
            std::string::npos)
      << refused.output;
  rebuild(dir / "libs" / "libhold.so");
  const auto warned =
      test::run_cli("sweep merge " + (dir / "s0").string() + " --out " + (dir / "m3").string() +
                    " --allow-incomplete --plugin " + (dir / "libs" / "libhold.so").string());
  EXPECT_EQ(warned.exit_code, 0) << warned.output;
  EXPECT_NE(
      warned.output.find("warning: --plugin differs from what the shards ran: plugin test_plugin changed"),
      std::string::npos)
      << warned.output;
}

TEST(PluginWorkflows, RegressRecordsPluginBuildsAndNamesARebuiltPluginAsTheLikelyCause) {
  const auto dir = plugin_project("wf_regress");
  const std::string golden = (dir / "golden").string();
  const std::string regress = "regress --golden " + golden + " " + (dir / "hold.json").string();
  const auto update = test::run_cli(regress + " --update");
  ASSERT_EQ(update.exit_code, 0) << update.output;
  const auto golden_file = dir / "golden" / "hold.json";
  const nlohmann::json g = read_json_file(golden_file);
  const std::string hash = sha256_file(dir / "libs" / "libhold.so");
  // The build's identity, without the machine-specific path.
  EXPECT_EQ(g["plugins"],
            nlohmann::json::parse(R"([{"name": "test_plugin", "version": "1.2.0", "sha256": ")" + hash +
                                  R"(", "strategies": ["plugin_hold"]}])"));
  const auto pass = test::run_cli(regress);
  ASSERT_EQ(pass.exit_code, 0) << pass.output;
  EXPECT_EQ(pass.output.find("note:"), std::string::npos) << pass.output;

  // A rebuilt plugin with the same results passes with a note.
  rebuild(dir / "libs" / "libhold.so");
  const std::string rebuilt = sha256_file(dir / "libs" / "libhold.so");
  const std::string change =
      "plugin test_plugin changed: sha256 " + hash.substr(0, 12) + ".. -> " + rebuilt.substr(0, 12) + "..";
  const auto noted = test::run_cli(regress);
  EXPECT_EQ(noted.exit_code, 0) << noted.output;
  EXPECT_NE(noted.output.find("note: " + change + " since the golden; the results did not change"),
            std::string::npos)
      << noted.output;
  // A drift with a rebuilt plugin names it as the likely cause.
  nlohmann::json drifted = g;
  drifted["trades_hash"] = "0123456789abcdef";
  std::ofstream(golden_file) << drifted.dump(2);
  const auto fail = test::run_cli(regress);
  EXPECT_EQ(fail.exit_code, 1) << fail.output;
  EXPECT_NE(fail.output.find("FAIL     hold"), std::string::npos) << fail.output;
  EXPECT_NE(fail.output.find("likely cause: " + change + " since the golden was written"), std::string::npos)
      << fail.output;
  // --plugin works for regress too (the config without "plugins").
  std::ofstream(dir / "bare.json") << "{" << kData << R"(, "strategy": {"name": "plugin_hold"}})";
  const auto flag = test::run_cli("regress --update --golden " + golden + " " + (dir / "bare.json").string() +
                                  " --plugin " ABT_TEST_GOOD_PLUGIN);
  ASSERT_EQ(flag.exit_code, 0) << flag.output;
  EXPECT_EQ(read_json_file(dir / "golden" / "bare.json")["plugins"][0]["sha256"],
            sha256_file(ABT_TEST_GOOD_PLUGIN));
}

TEST(PluginWorkflows, StrategiesAndCompareShowPlugins) {
  const auto dir = plugin_project("wf_list");
  const auto listed = test::run_cli("strategies --plugin " ABT_TEST_GOOD_PLUGIN);
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(
      listed.output.find("plugin_hold\n  test plugin: buy and hold one instrument\n  plugin test_plugin "
                         "1.2.0 (" ABT_TEST_GOOD_PLUGIN ")"),
      std::string::npos)
      << listed.output;
  EXPECT_NE(listed.output.find("dual_ma"), std::string::npos);
  const auto from_config = test::run_cli("strategies --json --config " + (dir / "hold.json").string());
  ASSERT_EQ(from_config.exit_code, 0) << from_config.output;
  bool found = false;
  for (const auto& s : nlohmann::json::parse(from_config.output))
    if (s["name"] == "plugin_hold") {
      found = true;
      EXPECT_EQ(s["plugin"]["name"], "test_plugin");
    } else {
      EXPECT_FALSE(s.contains("plugin")) << s["name"];
    }
  EXPECT_TRUE(found) << from_config.output;

  ASSERT_EQ(
      test::run_cli("run " + (dir / "hold.json").string() + " -q --out " + (dir / "a").string()).exit_code,
      0);
  rebuild(dir / "libs" / "libhold.so");
  ASSERT_EQ(
      test::run_cli("run " + (dir / "hold.json").string() + " -q --out " + (dir / "b").string()).exit_code,
      0);
  const auto compare = test::run_cli("compare " + (dir / "a").string() + " " + (dir / "b").string() +
                                     " --plugin " ABT_TEST_GOOD_PLUGIN);
  ASSERT_EQ(compare.exit_code, 0) << compare.output;
  EXPECT_NE(compare.output.find("plugins\n  [1] test_plugin 1.2.0 (sha256 "), std::string::npos)
      << compare.output;
  EXPECT_NE(compare.output.find("[2] plugin test_plugin changed: sha256 "), std::string::npos)
      << compare.output;
  EXPECT_NE(compare.output.find(" from [1]\n"), std::string::npos) << compare.output;
  // Run [2]'s build is not the test plugin itself (one byte longer); run [1]'s is.
  EXPECT_NE(compare.output.find(" in the --plugin file\n"), std::string::npos) << compare.output;
  EXPECT_EQ(compare.output.find("[1] plugin test_plugin changed"), std::string::npos) << compare.output;
}

}  // namespace
}  // namespace abt
