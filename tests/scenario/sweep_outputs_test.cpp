// The lean outputs of `abt sweep` (docs/sweeps.md, "Outputs"): every variant's row and equity curve in
// sweep.csv / sweep.json / sweep_equity.csv, result directories only for the variants --keep names, the
// report sweep.html, and --resume after an interrupted sweep giving the files of an uninterrupted one.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"

namespace abt {
namespace {

struct SweepDirs {
  std::filesystem::path dir, config, grid;
  std::string command(const std::filesystem::path& out, const std::string& extra = "") const {
    return "sweep " + config.string() + " --grid " + grid.string() + " -q --out " + out.string() + " " +
           extra;
  }
};

SweepDirs six_variants(const std::string& name) {
  SweepDirs s;
  s.dir = test::make_temp_dir(name);
  s.config = test::write_small_dual_ma_config(s.dir);
  s.grid = s.dir / "grid.json";
  std::ofstream(s.grid) << R"({"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]})";
  return s;
}

std::vector<std::string> entries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(dir)) return names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// Column `name` of a CSV text (no quoted fields).
std::vector<std::string> column(const std::string& csv, const std::string& name) {
  std::istringstream in(csv);
  std::string line, cell;
  std::getline(in, line);
  std::istringstream header(line);
  size_t index = 0, k = 0;
  bool found = false;
  while (std::getline(header, cell, ',')) {
    if (cell == name) {
      index = k;
      found = true;
    }
    ++k;
  }
  std::vector<std::string> out;
  if (!found) return out;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    for (size_t i = 0; std::getline(row, cell, ','); ++i)
      if (i == index) out.push_back(cell);
  }
  return out;
}

TEST(SweepOutputs, KeepTopWritesTheBestDirectoriesAndEveryCurve) {
  const SweepDirs s = six_variants("sweep-keep");
  const auto all = s.dir / "all", top = s.dir / "top", none = s.dir / "none";
  ASSERT_EQ(test::run_cli(s.command(all, "--keep all --jobs 2")).exit_code, 0);
  ASSERT_EQ(test::run_cli(s.command(top, "--keep top:2")).exit_code, 0);
  ASSERT_EQ(test::run_cli(s.command(none, "--keep none")).exit_code, 0);

  const nlohmann::json sweep = read_json_file(top / "sweep.json");
  EXPECT_EQ(sweep["keep"], "top:2");
  ASSERT_EQ(sweep["variants"].size(), 6u);
  const std::string first = sweep["variants"][0]["id"], second = sweep["variants"][1]["id"];
  EXPECT_EQ(entries(top / "variants"),
            (std::vector<std::string>{std::min(first, second), std::max(first, second)}));
  EXPECT_EQ(sweep["variants"][0]["dir"], "variants/" + first);
  EXPECT_EQ(sweep["variants"][2]["dir"], "");
  EXPECT_FALSE(std::filesystem::exists(none / "variants"));
  EXPECT_FALSE(std::filesystem::exists(top / "sweep.journal"));  // removed when complete
  EXPECT_EQ(entries(all / "variants").size(), 6u);

  // The curves do not depend on what is kept; each column is the variant's equity.csv nav, the benchmark
  // column v0000's benchmark.
  const std::string equity = test::file_text(all / "sweep_equity.csv");
  EXPECT_EQ(equity, test::file_text(top / "sweep_equity.csv"));
  EXPECT_EQ(equity, test::file_text(none / "sweep_equity.csv"));
  EXPECT_EQ(equity.substr(0, equity.find('\n')), "date,benchmark,v0000,v0001,v0002,v0003,v0004,v0005");
  for (const char* id : {"v0000", "v0003", "v0005"}) {
    const std::string own = test::file_text(all / "variants" / id / "equity.csv");
    EXPECT_EQ(column(equity, id), column(own, "nav")) << id;
    EXPECT_EQ(column(equity, "date"), column(own, "date"));
  }
  EXPECT_EQ(column(equity, "benchmark"),
            column(test::file_text(all / "variants/v0000/equity.csv"), "benchmark"));
  // The ranked table is the same but for the dir column.
  EXPECT_EQ(column(test::file_text(all / "sweep.csv"), "sharpe"),
            column(test::file_text(none / "sweep.csv"), "sharpe"));

  // The report names the grid, the top table, the curves and the robustness view.
  const std::string html = test::file_text(top / "sweep.html");
  for (const char* part : {"id=\"grid\"", "id=\"top\"", "id=\"equity\"", "id=\"robustness\"", "<svg"})
    EXPECT_NE(html.find(part), std::string::npos) << part;
}

TEST(SweepOutputs, ASweepIntoAnOldDirectoryRemovesVariantDirectoriesItDoesNotKeep) {
  const SweepDirs s = six_variants("sweep-rekeep");
  const auto out = s.dir / "out";
  ASSERT_EQ(test::run_cli(s.command(out, "--keep all")).exit_code, 0);
  ASSERT_EQ(entries(out / "variants").size(), 6u);
  ASSERT_EQ(test::run_cli(s.command(out, "--keep top:1")).exit_code, 0);
  const nlohmann::json sweep = read_json_file(out / "sweep.json");
  EXPECT_EQ(entries(out / "variants"), (std::vector<std::string>{sweep["variants"][0]["id"]}));
}

TEST(SweepOutputs, BadKeepExitsTwo) {
  const SweepDirs s = six_variants("sweep-badkeep");
  for (const char* keep : {"top:", "top:-1", "best", "top:x"}) {
    const auto r = test::run_cli(s.command(s.dir / "x", std::string("--keep ") + keep));
    EXPECT_EQ(r.exit_code, 2) << keep << r.output;
    EXPECT_NE(r.output.find("--keep: expected all, none or top:K"), std::string::npos) << r.output;
  }
}

TEST(SweepOutputs, AnInterruptedSweepMarksItselfIncompleteAndResumesToTheSameFiles) {
  const SweepDirs s = six_variants("sweep-resume");
  const auto whole = s.dir / "whole", out = s.dir / "out";
  ASSERT_EQ(test::run_cli(s.command(whole, "--keep top:3")).exit_code, 0);
  // An old complete sweep in the directory, then a sweep over it stopped after 2 variants.
  ASSERT_EQ(test::run_cli(s.command(out, "--keep all")).exit_code, 0);
  const auto stopped = test::run_shell("ABT_SWEEP_STOP_AFTER=2 " + test::cli_path().string() + " " +
                                       s.command(out, "--keep top:3 --jobs 1"));
  ASSERT_EQ(stopped.exit_code, 130) << stopped.output;
  nlohmann::json partial = read_json_file(out / "sweep.json");
  EXPECT_EQ(partial["complete"], false);
  EXPECT_EQ(partial["variants"].size(), 2u);
  ASSERT_TRUE(std::filesystem::exists(out / "sweep.journal"));

  // The journal is what --resume trusts, entry by entry: v0000's entry with its key intact but a changed
  // Sharpe is reused (so it shows), v0001's with a changed key is computed again. A torn last line is
  // ignored.
  std::ifstream in(out / "sweep.journal");
  std::string line, journal;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n > 0) {
      nlohmann::json e = nlohmann::json::parse(line);
      if (e["index"] == 0) e["row"]["metrics"]["sharpe"] = 99.5;
      if (e["index"] == 1) e["key"] = "not the key";
      line = e.dump();
    }
    journal += line + "\n";
  }
  std::ofstream(out / "sweep.journal") << journal << R"({"index": 2, "key": "tor)";
  auto resumed = test::run_cli(s.command(out, "--keep top:3 --jobs 2 --resume"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  auto by_id = [](const nlohmann::json& doc) {
    std::map<std::string, nlohmann::json> rows;
    for (const auto& v : doc["variants"]) rows[v["id"].get<std::string>()] = v;
    return rows;
  };
  const nlohmann::json doc = read_json_file(out / "sweep.json");
  EXPECT_EQ(doc["complete"], true);
  auto now = by_id(doc), before = by_id(read_json_file(whole / "sweep.json"));
  ASSERT_EQ(now.size(), 6u);
  EXPECT_EQ(now["v0000"]["metrics"]["sharpe"], 99.5);
  EXPECT_EQ(now["v0000"]["rank"], 1);
  EXPECT_EQ(now["v0001"]["metrics"], before["v0001"]["metrics"]);
  EXPECT_EQ(now["v0002"]["metrics"], before["v0002"]["metrics"]);

  // An honest interruption resumes to exactly the files of the uninterrupted sweep.
  const auto clean = s.dir / "clean";
  ASSERT_EQ(test::run_shell("ABT_SWEEP_STOP_AFTER=4 " + test::cli_path().string() + " " +
                            s.command(clean, "--keep top:3 --jobs 1"))
                .exit_code,
            130);
  const auto again = test::run_cli(s.command(clean, "--keep top:3 --jobs 2 --resume"));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(whole))
    if (e.is_regular_file()) files.push_back(std::filesystem::relative(e.path(), whole).string());
  EXPECT_GT(files.size(), 10u);
  for (const auto& f : files) {
    ASSERT_TRUE(std::filesystem::exists(clean / f)) << f;
    EXPECT_EQ(test::file_text(whole / f), test::file_text(clean / f)) << f << " differs after --resume";
  }
  EXPECT_EQ(entries(whole / "variants"), entries(clean / "variants"));
  EXPECT_FALSE(std::filesystem::exists(clean / "sweep.journal"));
}

TEST(SweepOutputs, ResumeAfterKillNineGivesTheFilesOfAnUninterruptedSweep) {
  SweepDirs s = six_variants("sweep-kill");
  std::ofstream(s.grid) << R"({"strategy.params.fast": [2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19],
    "strategy.params.slow": [20,22,24,26,28,30,32,34,36,38,40,42,44,46,48,50,52,54,56,58,60,62,64,66,68,70]})";
  const auto whole = s.dir / "whole", out = s.dir / "out";
  ASSERT_EQ(test::run_cli(s.command(whole, "--keep top:4 --jobs 2")).exit_code, 0);
  // Killed without a chance to write anything more (wherever it is: loading, running, writing a line).
  const auto killed = test::run_shell(test::cli_path().string() + " " + s.command(out, "--keep top:4 --jobs 2") +
                                      " & pid=$!; sleep 0.4; kill -9 $pid; wait $pid; echo \"exit=$?\"");
  EXPECT_NE(killed.output.find("exit="), std::string::npos) << killed.output;
  if (std::filesystem::exists(out / "sweep.json") && !std::filesystem::exists(out / "sweep.csv")) {
    EXPECT_EQ(read_json_file(out / "sweep.json")["complete"], false);  // marked before it started
  }
  const auto resumed = test::run_cli(s.command(out, "--keep top:4 --jobs 2 --resume"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(whole)) {
    if (!e.is_regular_file()) continue;
    const auto rel = std::filesystem::relative(e.path(), whole);
    ASSERT_TRUE(std::filesystem::exists(out / rel)) << rel;
    EXPECT_EQ(test::file_text(e.path()), test::file_text(out / rel)) << rel << " differs after kill -9 + --resume";
    ++files;
  }
  EXPECT_EQ(files, 4u * 7 + 4);  // 4 kept directories of 7 files; sweep.csv, .json, _equity.csv, .html
  EXPECT_EQ(entries(whole / "variants"), entries(out / "variants"));
  EXPECT_EQ(entries(whole), entries(out));  // no journal, no staging leftovers
}

}  // namespace
}  // namespace abt
