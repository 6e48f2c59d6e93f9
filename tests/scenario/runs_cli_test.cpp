// The run store: abt run and abt sweep record into OUTPUT_ROOT/abt-runs.sqlite; abt runs list|show|compare
// query it; ABT_RUN_STORE=off disables recording; plugin runs record their plugins, and stores of the schema
// before plugin provenance stay readable.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "cli_runner.hpp"
#include "app/run/config_file.hpp"
#include "app/run/run_store.hpp"

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

TEST(RunsCli, PluginRunsRecordTheirPluginsAndShowAndCompareThem) {
  const auto dir = test::make_temp_dir("runs_plugin");
  std::ofstream(dir / "hold.json") << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "strategy": {"name": "plugin_hold"}
  })";
  const auto root = dir / "out";
  const std::string run =
      "run " + (dir / "hold.json").string() + " -q --plugin " ABT_TEST_GOOD_PLUGIN " --out ";
  ASSERT_EQ(test::run_cli(run + (root / "a").string()).exit_code, 0);
  ASSERT_EQ(test::run_cli(run + (root / "b").string()).exit_code, 0);
  const nlohmann::json result = read_json_file(root / "a" / "result.json");
  ASSERT_EQ(result["plugins"].size(), 1u);
  const auto runs = RunStore(root / "abt-runs.sqlite").runs(10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].plugins, result["plugins"]);  // path, sha256, name, version, strategies
  EXPECT_EQ(RunStore(root / "abt-runs.sqlite").run(1)->plugins, result["plugins"]);

  const auto show = test::run_cli("runs show 1 --root " + root.string());
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_NE(show.output.find("\"sha256\": \"" + result["plugins"][0]["sha256"].get<std::string>() + "\""),
            std::string::npos)
      << show.output;
  const auto compare =
      test::run_cli("runs compare 1 2 --root " + root.string() + " --plugin " ABT_TEST_GOOD_PLUGIN);
  ASSERT_EQ(compare.exit_code, 0) << compare.output;
  EXPECT_NE(compare.output.find("plugins\n  [1] test_plugin 1.2.0 (sha256 "), std::string::npos)
      << compare.output;
  EXPECT_EQ(compare.output.find("changed"), std::string::npos)
      << compare.output;  // the same build throughout
}

TEST(RunsCli, AStoreOfTheSchemaBeforePluginProvenanceStaysReadable) {
  const auto dir = test::make_temp_dir("runs_old_store");
  const auto file = dir / "abt-runs.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.string().c_str(), &db), SQLITE_OK);
  // The tables as an abt before plugin provenance created them, with one recorded run.
  const char* old_schema =
      "CREATE TABLE sweeps (id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL DEFAULT (datetime('now')),"
      " config_hash TEXT NOT NULL, engine_version TEXT NOT NULL, plan TEXT NOT NULL, variants INTEGER NOT "
      "NULL,"
      " complete INTEGER NOT NULL, path TEXT NOT NULL);"
      "CREATE TABLE runs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, sweep_id INTEGER REFERENCES sweeps(id),"
      " recorded_at TEXT NOT NULL DEFAULT (datetime('now')), config_hash TEXT NOT NULL,"
      " data_fingerprint TEXT NOT NULL, engine_version TEXT NOT NULL, strategy TEXT NOT NULL,"
      " trades_hash TEXT NOT NULL, config TEXT NOT NULL, metrics TEXT NOT NULL, path TEXT NOT NULL);"
      "INSERT INTO runs (kind, config_hash, data_fingerprint, engine_version, strategy, trades_hash, config,"
      " metrics, path) VALUES ('run', 'c1', 'f1', '0.0.9', 'dual_ma', 't1', '{}', '{\"sharpe\": 1.5}', "
      "'/x');";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  RunStore store(file);
  const auto old_run = store.run(1);
  ASSERT_TRUE(old_run.has_value());
  EXPECT_EQ(old_run->strategy, "dual_ma");
  EXPECT_EQ(old_run->metrics["sharpe"], 1.5);
  EXPECT_EQ(old_run->plugins, nlohmann::json::array());
  // New runs with plugins go into the same store.
  const nlohmann::json plugins = nlohmann::json::parse(
      R"([{"path": "/p/lib.so", "sha256": "ab", "name": "p", "version": "1", "strategies": ["s"]}])");
  const int64_t id =
      store.record_run({{"config", {{"strategy", {{"name", "s"}}}}}, {"plugins", plugins}}, dir);
  EXPECT_EQ(id, 2);
  EXPECT_EQ(store.run(id)->plugins, plugins);
  EXPECT_EQ(store.runs(10).size(), 2u);
}

}  // namespace
}  // namespace abt
