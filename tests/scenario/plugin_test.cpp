// Strategy plugins: the loader (good plugin, missing file, not a plugin, ABI mismatch, duplicate names), the
// CLI (--plugin and config "plugins"), and the out-of-tree template built against an installed abt.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "cli_runner.hpp"
#include "engine/core/error.hpp"
#include "engine/run/config_file.hpp"
#include "engine/run/plugin_loader.hpp"
#include "engine/strategy/plugin_api.hpp"
#include "strategies/builtin.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no ConfigError)";
}

TEST(Plugins, LoadsAPluginAndRegistersItsStrategies) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  plugins.load(ABT_TEST_PLUGIN, registry, "--plugin");
  ASSERT_NE(registry.find("plugin_hold"), nullptr);
  EXPECT_EQ(registry.find("plugin_hold")->params.size(), 1u);
  // Loading it twice registers the name twice: a clear error.
  EXPECT_NE(
      message_of([&] { plugins.load(ABT_TEST_PLUGIN, registry, "plugins[1]"); }).find("registered twice"),
      std::string::npos);
}

TEST(Plugins, ClearErrorsForBadLibraries) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  const std::string missing =
      message_of([&] { plugins.load("/nonexistent/libx.so", registry, "plugins[0]"); });
  EXPECT_NE(missing.find("plugins[0]: plugin '/nonexistent/libx.so': no such file"), std::string::npos)
      << missing;
  const std::string not_plugin =
      message_of([&] { plugins.load(ABT_TEST_NOT_A_PLUGIN, registry, "--plugin"); });
  EXPECT_NE(not_plugin.find("not an abt plugin"), std::string::npos) << not_plugin;
  const std::string abi = message_of([&] { plugins.load(ABT_TEST_BAD_ABI_PLUGIN, registry, "--plugin"); });
  EXPECT_NE(abi.find("built for plugin ABI 999, this abt has ABI " + std::to_string(kPluginAbiVersion)),
            std::string::npos)
      << abi;
  const auto dir = test::make_temp_dir("plugin");
  std::ofstream(dir / "junk.so") << "not an ELF file";
  const std::string junk = message_of([&] { plugins.load(dir / "junk.so", registry, "--plugin"); });
  EXPECT_NE(junk.find("cannot load it"), std::string::npos) << junk;
  EXPECT_EQ(plugins.size(), 0u);
}

TEST(Plugins, CliRunsAPluginStrategyFromTheFlagOrTheConfig) {
  const auto dir = test::make_temp_dir("plugin_cli");
  const auto config = dir / "hold.json";
  std::ofstream(config) << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "strategy": {"name": "plugin_hold", "params": {"symbol": "BROAD.IDX"}}
  })";
  const std::string abt = test::cli_path().string();
  const test::CliResult unknown =
      test::run_shell(abt + " run " + config.string() + " --out " + (dir / "x").string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("unknown strategy 'plugin_hold'"), std::string::npos) << unknown.output;
  const test::CliResult flag =
      test::run_shell(abt + " run " + config.string() + " --quiet --plugin " ABT_TEST_PLUGIN " --out " +
                      (dir / "a").string());
  ASSERT_EQ(flag.exit_code, 0) << flag.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "a" / "trades.csv"));

  const auto config2 = dir / "hold2.json";
  std::ofstream(config2) << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "plugins": [")" ABT_TEST_PLUGIN R"("],
    "strategy": {"name": "plugin_hold"}
  })";
  const test::CliResult listed =
      test::run_shell(abt + " run " + config2.string() + " --quiet --out " + (dir / "b").string());
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  const test::CliResult bad =
      test::run_shell(abt + " run " + config.string() + " --plugin " ABT_TEST_BAD_ABI_PLUGIN);
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("ABI"), std::string::npos) << bad.output;
}

// The full out-of-tree path: install abt into a prefix, build examples/plugin_template with
// find_package(abt), list and run its strategy with the installed abt.
TEST(Plugins, TemplateBuildsAndRunsAgainstTheInstalledEngine) {
  const auto dir = test::make_temp_dir("plugin_install");
  const std::string cmake = ABT_CMAKE_COMMAND;
  const std::string prefix = (dir / "prefix").string();
  const test::CliResult install = test::run_shell(cmake + " --install " ABT_BUILD_DIR " --prefix " + prefix);
  ASSERT_EQ(install.exit_code, 0) << install.output;
  ASSERT_TRUE(std::filesystem::exists(dir / "prefix" / "lib" / "cmake" / "abt" / "abtConfig.cmake"));
  const std::string source = (test::repo_root() / "examples" / "plugin_template").string();
  const std::string build = (dir / "build").string();
  const test::CliResult configure =
      test::run_shell(cmake + " -S " + source + " -B " + build + " -DCMAKE_PREFIX_PATH=" + prefix);
  ASSERT_EQ(configure.exit_code, 0) << configure.output;
  const test::CliResult compile = test::run_shell(cmake + " --build " + build + " -j1");
  ASSERT_EQ(compile.exit_code, 0) << compile.output;
  const std::string plugin = build + "/libmomentum_plugin.so";
  const std::string abt = prefix + "/bin/abt";
  const test::CliResult list = test::run_shell(abt + " strategies --plugin " + plugin);
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("momentum"), std::string::npos) << list.output;
  const test::CliResult run = test::run_shell(abt + " run " + source + "/config.json --quiet --plugin " +
                                              plugin + " --out " + (dir / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const nlohmann::json result = read_json_file(dir / "out" / "result.json");
  EXPECT_GT(result["metrics"]["trades"].get<double>(), 0) << result.dump();
}

}  // namespace
}  // namespace abt
