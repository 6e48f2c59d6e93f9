// Derived series with settings (issue 11 §2) and shared derived state in a sweep (issue 13 §1), as a user
// runs them: the object form {"microcap_index": {...}} of "benchmark" and "derived_instruments" with errors
// naming the JSON path and its echo in result.json; a sweep's files identical with shared and private state.
#include <gtest/gtest.h>

#include <fstream>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"

namespace abt {
namespace {

std::filesystem::path write_config(const std::filesystem::path& dir, const std::string& name,
                                   const std::string& extra) {
  const auto path = dir / (name + ".json");
  std::ofstream(path) << R"({
    "data": {"synthetic": {"stocks": 150, "start": "2019-01-02", "end": "2020-12-31", "seed": 7}},
    "start": "2020-01-02",
    "strategy": {"name": "smallcap_lowvol",
                 "params": {"index_size": 60, "candidates": 30, "holdings": 10, "vol_window": 60}},
    "costs": {"rate": 0.0013, "quote": "round_trip"})"
                      << extra << "}";
  return path;
}

std::string run_error(const std::filesystem::path& dir, const std::string& name, const std::string& extra) {
  const auto r = test::run_cli("run " + write_config(dir, name, extra).string() + " -q --out " +
                               (dir / ("out_" + name)).string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  return r.output;
}

TEST(DerivedSettingsCli, ObjectFormErrorsNameTheJsonPath) {
  const auto dir = test::make_temp_dir("derived_settings_errors");
  EXPECT_NE(run_error(dir, "unknown", R"(, "benchmark": {"microcap_index": {"sise": 100}})")
                .find("benchmark.microcap_index.sise: unknown parameter"),
            std::string::npos);
  EXPECT_NE(run_error(dir, "type", R"(, "benchmark": {"microcap_index": {"size": "big"}})")
                .find("benchmark.microcap_index.size:"),
            std::string::npos);
  EXPECT_NE(run_error(dir, "range", R"(, "benchmark": {"microcap_index": {"size": 0}})")
                .find("benchmark.microcap_index.size:"),
            std::string::npos);
  EXPECT_NE(run_error(dir, "two_keys", R"(, "benchmark": {"microcap_index": {}, "x": {}})")
                .find("benchmark: expected an object with one key"),
            std::string::npos);
  EXPECT_NE(run_error(dir, "not_derived", R"(, "benchmark": {"BROAD.IDX": {"size": 10}})")
                .find("benchmark.BROAD.IDX: settings are for a derived series"),
            std::string::npos);
  EXPECT_NE(run_error(dir, "instrument",
                      R"(, "derived_instruments": ["x", {"microcap_index": {"rank_by": "cap"}}])")
                .find("derived_instruments[0]: unknown derived instrument 'x'"),
            std::string::npos);
  EXPECT_NE(
      run_error(dir, "instrument2", R"(, "derived_instruments": [{"microcap_index": {"rank_by": "cap"}}])")
          .find("derived_instruments[0].microcap_index.rank_by:"),
      std::string::npos);
}

TEST(DerivedSettingsCli, ObjectFormEchoedResolvedAndDistinctFromTheDefaults) {
  const auto dir = test::make_temp_dir("derived_settings_echo");
  const auto run = [&](const std::string& name, const std::string& extra) {
    const auto r = test::run_cli("run " + write_config(dir, name, extra).string() + " -q --out " +
                                 (dir / name).string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return read_json_file(dir / name / "result.json");
  };
  const nlohmann::json plain = run("plain", R"(, "benchmark": "microcap_index")");
  EXPECT_EQ(plain["config"]["benchmark"], "microcap_index");  // the string form stays as written
  const nlohmann::json defaults = run("defaults", R"(, "benchmark": {"microcap_index": {}})");
  EXPECT_EQ(defaults["config"]["benchmark"]["microcap_index"],
            nlohmann::json::parse(R"({"size": 400, "rank_by": "total", "exclude_st": true,
              "exclude_delisting": true, "require_ipo_break": true, "base": 1000.0})"));
  EXPECT_EQ(test::file_text(dir / "plain" / "equity.csv"), test::file_text(dir / "defaults" / "equity.csv"));
  const nlohmann::json small =
      run("small", R"(, "benchmark": {"microcap_index": {"size": 60, "require_ipo_break": false}},
                      "derived_instruments": [{"microcap_index": {"size": 60}}])");
  EXPECT_EQ(small["config"]["benchmark"]["microcap_index"]["size"], 60);
  EXPECT_EQ(small["config"]["benchmark"]["microcap_index"]["require_ipo_break"], false);
  EXPECT_EQ(small["config"]["derived_instruments"][0]["microcap_index"]["size"], 60);
  EXPECT_EQ(small["config"]["derived_instruments"][0]["microcap_index"]["rank_by"], "total");
  EXPECT_NE(test::file_text(dir / "plain" / "equity.csv"), test::file_text(dir / "small" / "equity.csv"));
  // The strategy's own trades do not depend on the benchmark's settings.
  EXPECT_EQ(small["trades_hash"], plain["trades_hash"]);
}

TEST(DerivedSettingsCli, SweepFilesIdenticalWithSharedAndPrivateState) {
  const auto dir = test::make_temp_dir("derived_settings_sweep");
  const auto config = write_config(dir, "sweep", R"(, "benchmark": {"microcap_index": {"size": 60}})");
  std::ofstream(dir / "grid.json")
      << R"({"strategy.params.index_size": [60, 80], "strategy.params.vol_window": [40, 60]})";
  const std::string common =
      "sweep " + config.string() + " --grid " + (dir / "grid.json").string() + " -q --out ";
  const auto shared = test::run_cli(common + (dir / "shared").string() + " --jobs 2");
  ASSERT_EQ(shared.exit_code, 0) << shared.output;
  const auto alone = test::run_shell("ABT_PRIVATE_DERIVED=1 " + test::cli_path().string() + " " + common +
                                     (dir / "private").string() + " --jobs 1");
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "shared")) {
    if (!entry.is_regular_file() || entry.path().filename() == "timing.json") continue;
    const auto rel = std::filesystem::relative(entry.path(), dir / "shared");
    ASSERT_TRUE(std::filesystem::exists(dir / "private" / rel)) << rel;
    EXPECT_EQ(test::file_text(entry.path()), test::file_text(dir / "private" / rel)) << rel << " differs";
    ++files;
  }
  EXPECT_GT(files, 8u);
  const nlohmann::json sweep = read_json_file(dir / "shared" / "sweep.json");
  ASSERT_EQ(sweep["variants"].size(), 4u);
}

TEST(DerivedSettingsCli, DualMaSweepFilesIdenticalWithSharedAndPrivateSums) {
  // dual_ma's recorded averages come from shared window sums (window_sums.hpp) or its own window.
  const auto dir = test::make_temp_dir("derived_settings_dual_ma");
  std::ofstream(dir / "dual_ma.json") << R"({
    "data": {"synthetic": {"stocks": 20, "start": "2019-01-02", "end": "2020-12-31", "seed": 3}},
    "start": "2019-03-01",
    "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"]}},
    "benchmark": "BROAD.IDX"})";
  std::ofstream(dir / "grid.json") << R"({"strategy.params.fast": [2, 5], "strategy.params.slow": [20, 31]})";
  const std::string common = "sweep " + (dir / "dual_ma.json").string() + " --grid " +
                             (dir / "grid.json").string() + " --keep all -q --out ";
  const auto shared = test::run_cli(common + (dir / "shared").string() + " --jobs 2");
  ASSERT_EQ(shared.exit_code, 0) << shared.output;
  const auto alone = test::run_shell("ABT_PRIVATE_DERIVED=1 " + test::cli_path().string() + " " + common +
                                     (dir / "private").string() + " --jobs 1");
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  size_t signals = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "shared")) {
    if (!entry.is_regular_file()) continue;
    const auto rel = std::filesystem::relative(entry.path(), dir / "shared");
    ASSERT_TRUE(std::filesystem::exists(dir / "private" / rel)) << rel;
    EXPECT_EQ(test::file_text(entry.path()), test::file_text(dir / "private" / rel)) << rel << " differs";
    signals += entry.path().filename() == "signals.csv" ? 1 : 0;
  }
  EXPECT_EQ(signals, 4u);
}

}  // namespace
}  // namespace abt
