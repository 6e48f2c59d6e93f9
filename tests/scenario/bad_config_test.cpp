// The bad-input corpus of issue 14, config and command-line side, run as a user runs abt: every input that
// crashed (an internal error or a signal), hung or was silently accepted now exits 2 with a message that
// names the file, the JSON path or the option and what was expected. Data inputs: bad_data_test.cpp.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "scenario/bad_input_support.hpp"
#include "scenario/cli_runner.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::expect_refused;

using test::write_text;

/// A small dual_ma config with `params` as its strategy params (JSON text).
fs::path dual_ma_config(const fs::path& dir, const std::string& name, const std::string& params,
                        const std::string& extra = "") {
  return write_text(
      dir / (name + ".json"),
      R"({"data": {"synthetic": {"stocks": 20, "start": "2020-01-02", "end": "2020-06-30", "seed": 3}},
                   "strategy": {"name": "dual_ma", "params": )" +
          params + "}" + extra + "}");
}

TEST(BadConfig, CrashesAreNowClearErrors) {
  const fs::path dir = test::make_temp_dir("bad_config");
  const fs::path config = dual_ma_config(dir, "ok", R"({"symbols": ["BROAD.IDX"]})");
  // Number overflow in --set and in a plan value: nlohmann's out_of_range escaped.
  expect_refused("run " + config.string() + " --set capital=1e400",
                 {"--set capital: 1e400 is outside the range of a double (expected a finite number)"});
  const fs::path plan = write_text(dir / "overflow.json", R"({"strategy.params.fast": [3, 1e400]})");
  expect_refused("sweep " + config.string() + " --grid " + plan.string() + " --out " + (dir / "s1").string(),
                 {plan.string() + ": invalid JSON", "1e400"});
  // A byte that is not UTF-8 in --set: nlohmann's dump() threw when the value was echoed.
  expect_refused("run " + config.string() + " --set \"strategy.params.fast=$(printf '\\377')\"",
                 {"expected UTF-8 text, got the byte 0xff at offset 21"});
  // 100,000 nested '[': a stack overflow.
  const fs::path deep = write_text(dir / "deep.json", std::string(100000, '['));
  expect_refused("run " + deep.string(),
                 {deep.string() + ": line 1, column 65: JSON nested deeper than 64 levels"});
  // A random plan over the whole int64 range: SIGFPE (a modulo by zero after hi - lo + 1 overflowed). Now
  // the draws work, and a drawn negative seed is refused when the variants are validated.
  const fs::path full = write_text(dir / "full.json", R"({"random": {"n": 40, "seed": 1,
      "params": {"seed": [-9223372036854775808, 9223372036854775807]}}})");
  expect_refused("sweep " + config.string() + " --grid " + full.string() + " --out " + (dir / "s2").string(),
                 {"seed: expected a non-negative integer"});
  // sweep --jobs -1: read as 4294967295 threads.
  const fs::path small = write_text(dir / "small.json", R"({"strategy.params.fast": [3, 4]})");
  expect_refused("sweep " + config.string() + " --grid " + small.string() + " --jobs -1",
                 {"--jobs: expected 1 to 4096, got -1"});
  // Windows that allocated 24 GB (bad_alloc or the OOM killer).
  expect_refused(
      "run " + dual_ma_config(dir, "slow", R"({"symbols": ["BROAD.IDX"], "slow": 2000000000})").string(),
      {"strategy.params.slow: expected an integer in [2, 100000], got 2000000000"});
  const fs::path lowvol = write_text(dir / "lowvol.json", R"({"strategy": {"name": "smallcap_lowvol",
      "params": {"vol_window": 2147483647}}})");
  expect_refused("run " + lowvol.string(),
                 {"strategy.params.vol_window: expected an integer in [2, 100000], got 2147483647"});
}

TEST(BadConfig, HangsAreNowRefusedAtOnce) {
  const fs::path dir = test::make_temp_dir("bad_config");
  const fs::path config = dual_ma_config(dir, "ok", R"({"symbols": ["BROAD.IDX"]})");
  const fs::path random = write_text(dir / "n.json", R"({"random": {"n": 1e12, "seed": 1,
      "params": {"strategy.params.fast": [2, 10]}}})");
  expect_refused("sweep " + config.string() + " --grid " + random.string(),
                 {random.string() + ": random.n: expected an integer in [1, 100000], got 1000000000000.0"});
  std::string grid = "{";
  for (int k = 0; k < 7; ++k)
    grid +=
        std::string(k ? ", " : "") + "\"strategy.params.p" + std::to_string(k) + "\": [0,1,2,3,4,5,6,7,8,9]";
  const fs::path big = write_text(dir / "grid.json", grid + "}");
  expect_refused("sweep " + config.string() + " --grid " + big.string(),
                 {big.string() + ": the grid has more than 100000 variants"});
}

TEST(BadConfig, SilentAcceptanceIsNowAnError) {
  const fs::path dir = test::make_temp_dir("bad_config");
  // 4294967301 ran as 5 (narrowed to int).
  expect_refused(
      "run " + dual_ma_config(dir, "narrow", R"({"symbols": ["BROAD.IDX"], "fast": 4294967301})").string(),
      {"strategy.params.fast: expected an integer in [1, 100000], got 4294967301"});
  // capital 1e308 ran with return 0.
  expect_refused(
      "run " +
          dual_ma_config(dir, "capital", R"({"symbols": ["BROAD.IDX"]})", R"(, "capital": 1e308)").string(),
      {"capital: expected at most 1e13 CNY", "got 1e+308"});
  // Duplicate keys kept the last.
  const fs::path dup = dual_ma_config(dir, "dup", R"({"symbols": ["BROAD.IDX"], "fast": 4, "fast": 50})");
  expect_refused("run " + dup.string(),
                 {dup.string() + ": strategy.params.fast: duplicate key (a key may appear once per object)"});
  // days_per_year and risk_free_rate have bounds too.
  expect_refused(
      "run " +
          dual_ma_config(dir, "dpy", R"({"symbols": ["BROAD.IDX"]})", R"(, "days_per_year": 1e9)").string(),
      {"days_per_year: expected a number in [1, 366], got 1000000000"});
}

TEST(BadConfig, UnclearErrorsNowSayWhatWasExpected) {
  const fs::path dir = test::make_temp_dir("bad_config");
  // fast 1e20 said "-2.14748e+09 out of range".
  expect_refused("run " + dual_ma_config(dir, "big", R"({"symbols": ["BROAD.IDX"], "fast": 1e20})").string(),
                 {"strategy.params.fast: expected an integer in [1, 100000], got 1e+20"});
  // A directory where the config file belongs said "invalid JSON".
  fs::create_directories(dir / "config.json");
  expect_refused("run " + (dir / "config.json").string(),
                 {(dir / "config.json").string() + ": is a directory (expected a JSON file)"});
  // A --data path that is not UTF-8 (it would be echoed in result.json).
  fs::create_directories(dir / "\xd6\xd0");
  const fs::path config = dual_ma_config(dir, "ok", R"({"symbols": ["BROAD.IDX"]})");
  expect_refused("run " + config.string() + " --data " + (dir / "\xd6\xd0").string(),
                 {"expected a path in UTF-8 (it is recorded in result.json)"});
}

}  // namespace
}  // namespace abt
