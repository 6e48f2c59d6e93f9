// Strategy plugins: the loader (a good plugin and its provenance; the ABI policy: previous minor, newer
// minor, other major; missing file, not a plugin, duplicate names), the CLI (--plugin and config "plugins"),
// and the out-of-tree template built against an installed abt.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "app/run/config_file.hpp"
#include "app/run/plugin_loader.hpp"
#include "cli_runner.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
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
  plugins.load(ABT_TEST_GOOD_PLUGIN, registry, "--plugin");
  ASSERT_NE(registry.find("plugin_hold"), nullptr);
  EXPECT_EQ(registry.find("plugin_hold")->params.size(), 1u);
  // Loading it twice registers the name twice: a clear error.
  EXPECT_NE(message_of([&] {
              plugins.load(ABT_TEST_GOOD_PLUGIN, registry, "plugins[1]");
            }).find("registered twice"),
            std::string::npos);
}

TEST(Plugins, RecordsPathHashDeclaredNameVersionAndStrategies) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  const LoadedPlugin& p = plugins.load(ABT_TEST_GOOD_PLUGIN, registry, "--plugin");
  EXPECT_EQ(p.path, std::filesystem::path(ABT_TEST_GOOD_PLUGIN));
  EXPECT_EQ(p.sha256, sha256_file(ABT_TEST_GOOD_PLUGIN));
  EXPECT_EQ(p.sha256.size(), 64u);
  EXPECT_EQ(p.name, "test_plugin");  // ABT_PLUGIN_INFO
  EXPECT_EQ(p.version, "1.2.0");
  EXPECT_EQ(p.abi_major, kPluginAbiMajor);
  EXPECT_EQ(p.abi_minor, kPluginAbiMinor);
  EXPECT_EQ(p.strategies, std::vector<std::string>{"plugin_hold"});
  EXPECT_EQ(p.to_json(), nlohmann::json({{"path", ABT_TEST_GOOD_PLUGIN},
                                         {"sha256", p.sha256},
                                         {"name", "test_plugin"},
                                         {"version", "1.2.0"},
                                         {"strategies", {"plugin_hold"}}}));
  EXPECT_EQ(plugins.owner_of("plugin_hold"), &plugins.plugins().front());
  EXPECT_EQ(plugins.owner_of("dual_ma"), nullptr);
  // The same file by another spelling of its path.
  const auto file = std::filesystem::path(ABT_TEST_GOOD_PLUGIN);
  EXPECT_EQ(plugins.find_file(file.parent_path() / "." / file.filename()), &plugins.plugins().front());
  EXPECT_EQ(plugins.find_file(ABT_TEST_BARE_ENTRY_PLUGIN), nullptr);
}

// ABI policy: the same major with an older minor loads; a newer minor or another major is refused. A plugin
// without the minor entry point (ABT_PLUGIN before ABI 3.1) is minor 0.
TEST(Plugins, APluginWithoutTheMinorEntryPointLoadsAsMinorZero) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  const LoadedPlugin& p = plugins.load(ABT_TEST_BARE_ENTRY_PLUGIN, registry, "--plugin");
  EXPECT_EQ(p.abi_major, kPluginAbiMajor);
  EXPECT_EQ(p.abi_minor, 0);
  EXPECT_EQ(p.name, "libabt_test_bare_entry_plugin");  // no ABT_PLUGIN_INFO: the file stem
  EXPECT_EQ(p.version, "");
  ASSERT_NE(registry.find("plugin_hold_bare"), nullptr);
  EXPECT_EQ(p.strategies, std::vector<std::string>{"plugin_hold_bare"});
  // And its strategy runs in this abt.
  const auto dir = test::make_temp_dir("plugin_bare");
  std::ofstream(dir / "bare.json") << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "strategy": {"name": "plugin_hold_bare"}
  })";
  const test::CliResult run =
      test::run_cli("run " + (dir / "bare.json").string() +
                    " --quiet --plugin " ABT_TEST_BARE_ENTRY_PLUGIN " --out " + (dir / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_json_file(dir / "out" / "result.json")["metrics"]["trades"], 1);
}

TEST(Plugins, ANewerMinorIsRefusedWithBothVersions) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  const std::string host = std::to_string(kPluginAbiMajor) + "." + std::to_string(kPluginAbiMinor);
  const std::string newer = std::to_string(kPluginAbiMajor) + "." + std::to_string(kPluginAbiMinor + 1);
  const std::string message =
      message_of([&] { plugins.load(ABT_TEST_FUTURE_MINOR_PLUGIN, registry, "plugins[0]"); });
  EXPECT_NE(message.find("plugins[0]: plugin '" ABT_TEST_FUTURE_MINOR_PLUGIN "': built for plugin ABI " +
                         newer + ", this abt has ABI " + host + ": it needs an abt with plugin ABI " + newer),
            std::string::npos)
      << message;
  EXPECT_EQ(plugins.size(), 0u);
  EXPECT_TRUE(registry.all().empty());
}

TEST(Plugins, ClearErrorsForBadLibraries) {
  PluginLibraries plugins;
  StrategyRegistry registry;
  const std::string missing =
      message_of([&] { plugins.load("/nonexistent/libx.so", registry, "plugins[0]"); });
  EXPECT_NE(missing.find("plugins[0]: plugin '/nonexistent/libx.so': no such file"), std::string::npos)
      << missing;
  // A FIFO blocked the SHA-256 read forever; a path that is not UTF-8 broke result.json (issue 14).
  const auto inputs = test::make_temp_dir("plugin_inputs");
  ASSERT_EQ(::mkfifo((inputs / "libfifo.so").c_str(), 0600), 0);
  const std::string fifo = message_of([&] { plugins.load(inputs / "libfifo.so", registry, "--plugin"); });
  EXPECT_NE(fifo.find("--plugin: plugin " + (inputs / "libfifo.so").string() +
                      ": is not a regular file (a FIFO, socket or device; expected a plugin shared library)"),
            std::string::npos)
      << fifo;
  std::filesystem::copy_file(ABT_TEST_NOT_A_PLUGIN, inputs / "lib\xd6\xd0.so");
  const std::string gbk = message_of([&] { plugins.load(inputs / "lib\xd6\xd0.so", registry, "--plugin"); });
  EXPECT_NE(gbk.find("expected a path in UTF-8 (it is recorded in result.json)"), std::string::npos) << gbk;
  const std::string not_plugin =
      message_of([&] { plugins.load(ABT_TEST_NOT_A_PLUGIN, registry, "--plugin"); });
  EXPECT_NE(not_plugin.find("not an abt plugin"), std::string::npos) << not_plugin;
  const std::string abi = message_of([&] { plugins.load(ABT_TEST_BAD_ABI_PLUGIN, registry, "--plugin"); });
  EXPECT_NE(abi.find("built for plugin ABI 999.0, this abt has ABI " + std::to_string(kPluginAbiMajor) + "." +
                     std::to_string(kPluginAbiMinor) +
                     ": a different major version is incompatible (rebuild the plugin against this abt)"),
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
      test::run_shell(abt + " run " + config.string() + " --quiet --plugin " ABT_TEST_GOOD_PLUGIN " --out " +
                      (dir / "a").string());
  ASSERT_EQ(flag.exit_code, 0) << flag.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "a" / "trades.csv"));

  const auto config2 = dir / "hold2.json";
  std::ofstream(config2) << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "plugins": [")" ABT_TEST_GOOD_PLUGIN R"("],
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
// find_package(abt), list, run, sweep (--jobs 2) and regress its strategy with the installed abt.
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
      test::run_shell(cmake + " -S " + source + " -B " + build + " -DCMAKE_PREFIX_PATH=" + prefix +
                      " -DCMAKE_TOOLCHAIN_FILE=" ABT_CONSUMER_TOOLCHAIN);
  ASSERT_EQ(configure.exit_code, 0) << configure.output;
  const test::CliResult compile = test::run_shell(cmake + " --build " + build + " -j1");
  ASSERT_EQ(compile.exit_code, 0) << compile.output;
  // The template's own unit test, built against the installed test kit.
  const test::CliResult unit = test::run_shell(build + "/momentum_test");
  ASSERT_EQ(unit.exit_code, 0) << unit.output;
  EXPECT_NE(unit.output.find("momentum_test: OK"), std::string::npos) << unit.output;
  // The install holds the library's headers only: no application (run layer, CLI) header.
  EXPECT_FALSE(std::filesystem::exists(dir / "prefix" / "include" / "abt" / "app"));
  EXPECT_FALSE(std::filesystem::exists(dir / "prefix" / "include" / "abt" / "engine" / "run"));
  EXPECT_TRUE(std::filesystem::exists(dir / "prefix" / "include" / "abt" / "testkit" / "tiny_market.hpp"));
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
  ASSERT_EQ(result["plugins"].size(), 1u) << result.dump();
  EXPECT_EQ(result["plugins"][0]["name"], "momentum");  // ABT_PLUGIN_INFO
  EXPECT_EQ(result["plugins"][0]["version"], "1.0.0");
  EXPECT_EQ(result["plugins"][0]["sha256"], sha256_file(plugin));

  // The two other workflows of docs/writing-a-strategy.md: a sweep on two threads and a regression.
  std::ofstream(dir / "grid.json") << R"({"strategy.params.lookback": [20, 60]})";
  const test::CliResult sweep =
      test::run_shell(abt + " sweep " + source + "/config.json --grid " + (dir / "grid.json").string() +
                      " --jobs 2 -q --plugin " + plugin + " --out " + (dir / "sweep").string());
  ASSERT_EQ(sweep.exit_code, 0) << sweep.output;
  const nlohmann::json table = read_json_file(dir / "sweep" / "sweep.json");
  ASSERT_EQ(table["variants"].size(), 2u);
  for (const auto& v : table["variants"]) EXPECT_EQ(v["status"], "ok") << v.dump();
  EXPECT_EQ(table["plugins"], result["plugins"]);
  const std::string regress = abt + " regress --golden " + (dir / "golden").string() + " " + source +
                              "/config.json --plugin " + plugin;
  const test::CliResult update = test::run_shell(regress + " --update");
  ASSERT_EQ(update.exit_code, 0) << update.output;
  EXPECT_EQ(read_json_file(dir / "golden" / "config.json")["trades_hash"], result["trades_hash"]);
  const test::CliResult pass = test::run_shell(regress);
  ASSERT_EQ(pass.exit_code, 0) << pass.output;
  EXPECT_NE(pass.output.find("PASS     config"), std::string::npos) << pass.output;
}

}  // namespace
}  // namespace abt
