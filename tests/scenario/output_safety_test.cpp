// Outputs a user can trust (docs/configuration.md, "Outputs"): a run killed at any moment leaves the complete
// old directory or the complete new one, a second writer on one directory is refused, read-only targets fail
// with a clear message and exit 2, and the default directory of a run changed by --set or --data is its own.
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fcntl.h>

#include <fstream>
#include <map>

#include "app/run/config_file.hpp"
#include "cli_runner.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

/// Every file of a directory but timing.json (wall clock: differs between any two runs) -> content.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != "timing.json") files[e.path().filename().string()] = test::file_text(e.path());
  return files;
}

/// A directory that cannot be written here: a chmod 0555 one, or (as root, who writes anyway) a read-only
/// file system. Empty when there is none.
fs::path read_only_dir(const fs::path& scratch) {
  const fs::path dir = scratch / "read-only";
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  if (::access(dir.c_str(), W_OK) != 0) return dir;
  if (::access("/sys", F_OK) == 0 && ::access("/sys", W_OK) != 0) return "/sys";
  if (::mkdir("/sys/abt-probe", 0755) != 0) return "/sys";  // writable-looking but refusing
  ::rmdir("/sys/abt-probe");
  return {};
}

TEST(OutputSafety, AKilledRunNeverLeavesAMixedDirectory) {
  const auto dir = test::make_temp_dir("kill9");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto out = dir / "out";
  const std::string run = test::cli_path().string() + " run " + config.string() + " -q --out " + out.string();
  // Two different complete versions of the directory.
  ASSERT_EQ(test::run_shell(run + " --set strategy.params.fast=8").exit_code, 0);
  const auto version_b = snapshot(out);
  ASSERT_EQ(test::run_shell(run).exit_code, 0);
  const auto version_a = snapshot(out);
  ASSERT_NE(version_a.at("trades.csv"), version_b.at("trades.csv"));
  // Kill -9 each run at another moment, alternating the version being written over the other.
  int killed = 0;
  for (int i = 0; i < 24; ++i) {
    const bool now_a = snapshot(out) == version_a;
    const std::string write = run + (now_a ? " --set strategy.params.fast=8" : "");
    const double delay = 0.004 * i;
    const auto r = test::run_shell(write + " & pid=$!; sleep " + std::to_string(delay) +
                                   "; kill -9 $pid 2>/dev/null && echo killed; wait $pid; true");
    killed += r.output.find("killed") != std::string::npos ? 1 : 0;
    const auto now = snapshot(out);
    EXPECT_TRUE(now == version_a || now == version_b)
        << "a mixed directory after a kill at " << delay << " s";
  }
  EXPECT_GT(killed, 3) << "the runs finished before every kill: nothing was tested";
  // The next run removes what the killed ones left beside the directory.
  ASSERT_EQ(test::run_shell(run).exit_code, 0);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".out.tmp-"), std::string::npos) << e.path();
  EXPECT_EQ(snapshot(out), version_a);
}

TEST(OutputSafety, ASecondWriterOnOneDirectoryIsRefused) {
  const auto dir = test::make_temp_dir("lock-cli");
  const auto config = test::write_small_dual_ma_config(dir);
  const auto out = dir / "out";
  // Another abt holds the directory's lock (the lock file is beside the directory).
  const int fd = ::open((dir / ".out.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  ASSERT_EQ(::pwrite(fd, "4242\n", 5, 0), 5);
  const auto r = test::run_cli("run " + config.string() + " -q --out " + out.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("another abt process (pid 4242) is writing " + out.string()), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out));
  ::close(fd);
  EXPECT_EQ(test::run_cli("run " + config.string() + " -q --out " + out.string()).exit_code, 0);
}

TEST(OutputSafety, ReadOnlyTargetsFailClearlyWithExitTwo) {
  const auto dir = test::make_temp_dir("read-only");
  const fs::path ro = read_only_dir(dir);
  if (ro.empty()) GTEST_SKIP() << "no read-only directory available here (root on a writable file system)";
  const auto config = test::write_small_dual_ma_config(dir);
  auto r = test::run_cli("run " + config.string() + " -q --out " + (ro / "run").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("abt: error: " + (ro / "run").string()), std::string::npos) << r.output;
  ASSERT_EQ(test::run_cli("data synth --out " + (dir / "ds").string() +
                          " --stocks 10 --start 2020-01-02 --end 2020-03-31 --seed 3")
                .exit_code,
            0);
  r = test::run_cli("data validate " + (dir / "ds").string() + " --report " + (ro / "report.txt").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find((ro / "report.txt").string() + ": cannot write"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("report written"), std::string::npos) << r.output;
}

TEST(OutputSafety, OverridesGetTheirOwnDefaultDirectory) {
  const auto dir = test::make_temp_dir("default-out");
  const auto config = test::write_small_dual_ma_config(dir, "cfg");
  const std::string abt = "cd " + dir.string() + " && " + test::cli_path().string() + " run cfg.json -q";
  ASSERT_EQ(test::run_shell(abt).exit_code, 0);
  ASSERT_EQ(test::run_shell(abt + " --set strategy.params.fast=8").exit_code, 0);
  ASSERT_EQ(test::run_shell(abt + " --set strategy.params.fast=8").exit_code, 0);  // the same directory again
  EXPECT_EQ(read_json_file(dir / "out" / "cfg" / "result.json")["config"]["strategy"]["params"]["fast"], 5);
  std::vector<fs::path> variants;
  for (const auto& e : fs::directory_iterator(dir / "out"))
    if (e.is_directory() && e.path().filename().string().rfind("cfg-", 0) == 0) variants.push_back(e.path());
  ASSERT_EQ(variants.size(), 1u);
  EXPECT_EQ(variants[0].filename().string().size(), std::string("cfg-").size() + 8);
  EXPECT_EQ(read_json_file(variants[0] / "result.json")["config"]["strategy"]["params"]["fast"], 8);
}

}  // namespace
}  // namespace abt
