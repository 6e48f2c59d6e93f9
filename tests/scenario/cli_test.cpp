// The abt command as a user runs it: exit codes, messages naming the problem, output files, determinism.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

TEST(Cli, RunWritesResultsAndIsDeterministic) {
  const auto dir = test::make_temp_dir("cli");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto a = test::run_cli("run " + config.string() + " --out " + (dir / "a").string());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  EXPECT_NE(a.output.find("total return"), std::string::npos) << a.output;
  const auto b = test::run_cli("run " + config.string() + " --quiet --out " + (dir / "b").string());
  ASSERT_EQ(b.exit_code, 0) << b.output;
  for (const char* f : {"equity.csv", "trades.csv", "positions.csv", "rejections.csv"}) {
    const std::string fa = test::file_text(dir / "a" / f);
    EXPECT_FALSE(fa.empty()) << f;
    EXPECT_EQ(fa, test::file_text(dir / "b" / f)) << f << " differs between two runs";
  }
  // result.json is byte-identical run to run: wall-clock timing is in timing.json, by design.
  EXPECT_EQ(test::file_text(dir / "a" / "result.json"), test::file_text(dir / "b" / "result.json"));
  nlohmann::json ra = read_json_file(dir / "a" / "result.json");
  EXPECT_FALSE(ra.contains("timing"));
  const nlohmann::json timing = read_json_file(dir / "a" / "timing.json");
  for (const char* key : {"load_seconds", "run_seconds", "bars", "bars_per_second", "events"})
    EXPECT_TRUE(timing.contains(key)) << key;
  for (const char* key : {"total_return", "annual_return", "annual_volatility", "sharpe", "max_drawdown",
                          "trades", "turnover", "costs"})
    EXPECT_TRUE(ra["metrics"].contains(key)) << key;
  EXPECT_EQ(ra["config"]["strategy"]["params"]["slow"], 20);
  EXPECT_EQ(ra["data"]["instruments"], 202);
  EXPECT_EQ(test::file_text(dir / "a" / "equity.csv").rfind("date,nav,", 0), 0u);
  EXPECT_EQ(
      test::file_text(dir / "a" / "trades.csv")
          .rfind("datetime,symbol,side,quantity,price,cost,commission,stamp_duty,transfer_fee,slippage\n", 0),
      0u);
  EXPECT_GT(ra["metrics"]["trades"].get<int>(), 0);
}

TEST(Cli, OverridesChangeTheRun) {
  const auto dir = test::make_temp_dir("cli_set");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto r = test::run_cli("run " + config.string() + " --quiet --out " + (dir / "o").string() +
                               " --set strategy.params.fast=3 --set execution.fill=close");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto result = read_json_file(dir / "o" / "result.json");
  EXPECT_EQ(result["config"]["strategy"]["params"]["fast"], 3);
  EXPECT_EQ(result["config"]["execution"]["fill"], "close");
}

TEST(Cli, BadInputExitsWithCode2AndNamesTheProblem) {
  const auto dir = test::make_temp_dir("cli_bad");
  const auto config = test::write_small_dual_ma_config(dir);
  auto r = test::run_cli("run " + config.string() + " --set strategy.params.fast=0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("strategy.params.fast: expected an integer in [1, 100000], got 0"),
            std::string::npos)
      << r.output;
  r = test::run_cli("run " + config.string() + " --set strategy.params.speed=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("strategy.params.speed: unknown parameter"), std::string::npos) << r.output;
  r = test::run_cli("run " + config.string() + " --set strategy.name=nope");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown strategy 'nope'"), std::string::npos) << r.output;
  r = test::run_cli("run " + (dir / "missing.json").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("missing.json: no such file (expected a JSON file)"), std::string::npos)
      << r.output;
  r = test::run_cli("run " + config.string() + " --data " + (dir / "nowhere").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  r = test::run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, DataSynthWritesADatasetThatRunsUseAndCorruptionIsRefused) {
  const auto dir = test::make_temp_dir("cli_synth");
  const auto synth = test::run_cli("data synth --out " + (dir / "ds").string() +
                                   " --stocks 30 --start 2020-01-02 --end 2020-06-30 --seed 3");
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  EXPECT_NE(synth.output.find("32 instruments"), std::string::npos) << synth.output;
  const auto dataset = dir / "ds" / "market.abtd";
  ASSERT_TRUE(std::filesystem::exists(dataset));
  const auto config = test::write_small_dual_ma_config(dir);
  auto run = test::run_cli("run " + config.string() + " --quiet --data " + (dir / "ds").string() + " --out " +
                           (dir / "o").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_json_file(dir / "o" / "result.json")["data"]["instruments"], 32);

  // Flip one byte near the end (inside the last data block): the load is refused with exit code 2.
  {
    std::fstream f(dataset, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(-100, std::ios::end);
    char c = 0;
    f.read(&c, 1);
    c = static_cast<char>(c ^ 0x5a);
    f.seekp(-100, std::ios::end);
    f.write(&c, 1);
  }
  run = test::run_cli("run " + config.string() + " --quiet --data " + (dir / "ds").string());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("checksum"), std::string::npos) << run.output;
  // A truncated file names expected and actual sizes.
  std::filesystem::resize_file(dataset, std::filesystem::file_size(dataset) / 2);
  run = test::run_cli("run " + config.string() + " --quiet --data " + dataset.string());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("market.abtd"), std::string::npos) << run.output;
  std::filesystem::remove_all(dir);
}

TEST(Cli, StrategiesListsParamsAndDefaults) {
  const auto r = test::run_cli("strategies");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("dual_ma"), std::string::npos);
  EXPECT_NE(r.output.find("fast"), std::string::npos);
  const auto j = test::run_cli("strategies --json");
  const auto list = nlohmann::json::parse(j.output);
  bool found = false;
  for (const auto& s : list)
    if (s["name"] == "dual_ma") {
      found = true;
      EXPECT_EQ(s["params"][1]["name"], "fast");
      EXPECT_EQ(s["params"][1]["default"], 5);
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace abt
