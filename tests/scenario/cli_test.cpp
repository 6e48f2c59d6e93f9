// The abt command as a user runs it: exit codes, messages naming the problem, output files, determinism.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/run/config_file.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

CommandResult run_abt(const std::string& args) {
  const std::string command = test::cli_path().string() + " " + args + " 2>&1";
  CommandResult r;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small, fast config: dual_ma on the broad index of a 200-stock synthetic market.
std::filesystem::path write_small_config(const std::filesystem::path& dir) {
  const auto path = dir / "small.json";
  std::ofstream(path) << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"], "fast": 5, "slow": 20}},
    "costs": {"rate": 0.0013, "quote": "round_trip"},
    "benchmark": "BROAD.IDX"
  })";
  return path;
}

TEST(Cli, RunWritesResultsAndIsDeterministic) {
  const auto dir = test::make_temp_dir("cli");
  const auto config = write_small_config(dir);
  const auto a = run_abt("run " + config.string() + " --out " + (dir / "a").string());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  EXPECT_NE(a.output.find("total return"), std::string::npos) << a.output;
  const auto b = run_abt("run " + config.string() + " --quiet --out " + (dir / "b").string());
  ASSERT_EQ(b.exit_code, 0) << b.output;
  for (const char* f : {"equity.csv", "trades.csv", "positions.csv", "rejections.csv"}) {
    const std::string fa = read_file(dir / "a" / f);
    EXPECT_FALSE(fa.empty()) << f;
    EXPECT_EQ(fa, read_file(dir / "b" / f)) << f << " differs between two runs";
  }
  nlohmann::json ra = read_json_file(dir / "a" / "result.json"),
                 rb = read_json_file(dir / "b" / "result.json");
  ASSERT_TRUE(ra.contains("timing"));
  ra.erase("timing");
  rb.erase("timing");
  EXPECT_EQ(ra.dump(), rb.dump());
  for (const char* key : {"total_return", "annual_return", "annual_volatility", "sharpe", "max_drawdown",
                          "trades", "turnover", "costs"})
    EXPECT_TRUE(ra["metrics"].contains(key)) << key;
  EXPECT_EQ(ra["config"]["strategy"]["params"]["slow"], 20);
  EXPECT_EQ(ra["data"]["instruments"], 202);
  EXPECT_EQ(read_file(dir / "a" / "equity.csv").rfind("date,nav,", 0), 0u);
  EXPECT_EQ(
      read_file(dir / "a" / "trades.csv")
          .rfind("datetime,symbol,side,quantity,price,cost,commission,stamp_duty,transfer_fee,slippage\n", 0),
      0u);
  EXPECT_GT(ra["metrics"]["trades"].get<int>(), 0);
}

TEST(Cli, OverridesChangeTheRun) {
  const auto dir = test::make_temp_dir("cli_set");
  const auto config = write_small_config(dir);
  const auto r = run_abt("run " + config.string() + " --quiet --out " + (dir / "o").string() +
                         " --set strategy.params.fast=3 --set execution.fill=close");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto result = read_json_file(dir / "o" / "result.json");
  EXPECT_EQ(result["config"]["strategy"]["params"]["fast"], 3);
  EXPECT_EQ(result["config"]["execution"]["fill"], "close");
}

TEST(Cli, BadInputExitsWithCode2AndNamesTheProblem) {
  const auto dir = test::make_temp_dir("cli_bad");
  const auto config = write_small_config(dir);
  auto r = run_abt("run " + config.string() + " --set strategy.params.fast=0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("strategy.params.fast: value 0 out of range"), std::string::npos) << r.output;
  r = run_abt("run " + config.string() + " --set strategy.params.speed=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("strategy.params.speed: unknown parameter"), std::string::npos) << r.output;
  r = run_abt("run " + config.string() + " --set strategy.name=nope");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown strategy 'nope'"), std::string::npos) << r.output;
  r = run_abt("run " + (dir / "missing.json").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("missing.json: cannot read"), std::string::npos) << r.output;
  r = run_abt("run " + config.string() + " --data " + (dir / "nowhere").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  r = run_abt("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, StrategiesListsParamsAndDefaults) {
  const auto r = run_abt("strategies");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("dual_ma"), std::string::npos);
  EXPECT_NE(r.output.find("fast"), std::string::npos);
  const auto j = run_abt("strategies --json");
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
