// A strategy's exception is the strategy's error (StrategyError, exit code 3), naming the strategy, where it
// came from, the callback and the simulated time; a ConfigError from on_start stays bad input (exit 2) and
// an InternalError stays abt's (exit 1). Scripted strategies in process, the throwing plugin through the CLI.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "cli_runner.hpp"
#include "engine/core/error.hpp"
#include "app/run/backtest_runner.hpp"
#include "app/run/config_file.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

MarketData four_days() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
      .stock("600000.SH", {bar(10, 10.1), bar(10.1, 10.2), bar(10.2, 10.3), bar(10.3, 10.4)})
      .build();
}

/// Runs `s` on four_days() and returns the StrategyError it must throw.
StrategyError strategy_error_of(ScriptStrategy& s) {
  const MarketData md = four_days();
  try {
    Backtest(md, config_with(FillMode::NextOpen)).run(s);
  } catch (const StrategyError& e) {
    return e;
  }
  ADD_FAILURE() << "no StrategyError";
  return StrategyError("", "", "", "", "");
}

TEST(StrategyErrors, ReadingTooFarBackInHistoryNamesTheCallbackAndTheTime) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() < 2) return;
    const HistoryView closes = c.history(Frequency::Daily, Field::Close, 2);
    (void)closes.at(2, 0);  // the window holds lags 0 and 1
  };
  const StrategyError e = strategy_error_of(s);
  EXPECT_EQ(e.callback(), "on_bar(1d)");
  EXPECT_EQ(e.time(), "2024-01-04 15:00");  // the third day's daily bar close
  EXPECT_EQ(e.message(), "HistoryView: lag beyond the window");
  EXPECT_EQ(e.strategy(), "");
  EXPECT_STREQ(e.what(),
               "the strategy in on_bar(1d) at 2024-01-04 15:00: HistoryView: lag beyond the window");
}

TEST(StrategyErrors, EveryCallbackIsNamed) {
  ScriptStrategy open;
  open.session_open = [](Context& c) {
    if (c.today_index() == 1) throw std::invalid_argument("bad open");
  };
  EXPECT_EQ(strategy_error_of(open).callback(), "on_session_open");
  EXPECT_EQ(strategy_error_of(open).time(), "2024-01-03 09:30");

  ScriptStrategy timer;
  timer.start = [](Context& c) {
    c.schedule(Schedule::every_n_days(1));
    c.schedule(Schedule::every_n_days(1));
  };
  timer.timer = [](Context& c, TimerId id) {
    if (id == 1) (void)c.history(Frequency::Daily, Field::Close, 3).at(-1, 0);  // the future: LookAheadError
  };
  const StrategyError t = strategy_error_of(timer);
  EXPECT_EQ(t.callback(), "on_timer(1)");
  EXPECT_EQ(t.time(), "2024-01-02 15:00");
  EXPECT_EQ(t.message(), "HistoryView: negative lag reads the future");

  ScriptStrategy close;
  close.session_close = [](Context&) { throw 42; };
  EXPECT_EQ(strategy_error_of(close).callback(), "on_session_close");
  EXPECT_EQ(strategy_error_of(close).message(), "an exception not derived from std::exception");

  ScriptStrategy finish;
  finish.finish = [](Context& c) { c.target_shares(0, -1); };  // a Context misuse: std::invalid_argument
  const StrategyError f = strategy_error_of(finish);
  EXPECT_EQ(f.callback(), "on_finish");
  EXPECT_EQ(f.time(), "2024-01-05 15:00");
  EXPECT_NE(f.message().find("Context::target_shares"), std::string::npos) << f.message();

  ScriptStrategy start;
  start.start = [](Context&) { throw std::runtime_error("not ready"); };
  EXPECT_EQ(strategy_error_of(start).callback(), "on_start");
  EXPECT_EQ(strategy_error_of(start).time(), "2024-01-02 09:30");  // before the first event
}

TEST(StrategyErrors, ConfigErrorFromOnStartAndInternalErrorsPassThrough) {
  const MarketData md = four_days();
  ScriptStrategy rejects;
  rejects.start = [](Context&) { throw ConfigError("strategy.params.x: out of range"); };
  EXPECT_THROW(Backtest(md, config_with(FillMode::NextOpen)).run(rejects), ConfigError);
  // Later, a ConfigError is the strategy's failure (the run had been accepted).
  ScriptStrategy late;
  late.session_close = [](Context& c) { (void)c.field(Frequency::Daily, "no_such_field"); };
  const StrategyError e = strategy_error_of(late);
  EXPECT_EQ(e.callback(), "on_session_close");
  EXPECT_NE(e.message().find("no_such_field"), std::string::npos) << e.message();
  ScriptStrategy bug;
  bug.session_open = [](Context&) { throw InternalError("invariant violated: x"); };
  EXPECT_THROW(Backtest(md, config_with(FillMode::NextOpen)).run(bug), InternalError);
}

TEST(StrategyErrors, RunBacktestNamesTheStrategy) {
  StrategyRegistry registry;
  StrategyInfo info;
  info.name = "scripted";
  info.create = [](const nlohmann::json&, const std::string&) -> std::unique_ptr<Strategy> {
    auto s = std::make_unique<ScriptStrategy>();
    s->start = [](Context& c) { c.subscribe(Frequency::Daily); };
    s->bar = [](Context& c, Frequency) { (void)c.history(Frequency::Daily, Field::Close, 1).at(1, 0); };
    return s;
  };
  info.resolve = [](const nlohmann::json&, const std::string&) { return nlohmann::json::object(); };
  registry.add(info);
  const RunConfig config = parse_run_config(nlohmann::json::parse(R"({"strategy": {"name": "scripted"}})"));
  try {
    run_backtest(config, four_days(), registry);
    ADD_FAILURE() << "no StrategyError";
  } catch (const StrategyError& e) {
    EXPECT_EQ(e.strategy(), "scripted");
    EXPECT_STREQ(e.what(), "scripted in on_bar(1d) at 2024-01-02 15:00: HistoryView: lag beyond the window");
  }
}

// Through the CLI: exit code 3 and the message, for a plugin and in a sweep.
TEST(StrategyErrors, CliExitsThreeNamingThePluginCallbackAndTime) {
  const auto dir = make_temp_dir("strategy_error");
  const auto write = [&](const std::string& name, const std::string& params) {
    std::ofstream(dir / (name + ".json")) << R"({
      "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2019-12-31", "seed": 7}},
      "plugins": [")" ABT_TEST_THROWING_PLUGIN R"("],
      "strategy": {"name": "plugin_throws", "params": )" +
                                                 params + R"(}
    })";
    return (dir / (name + ".json")).string();
  };
  const std::string plugin_file = std::filesystem::path(ABT_TEST_THROWING_PLUGIN).filename().string();
  const CliResult lag =
      run_cli("run " + write("lag", R"({"fail": "lag"})") + " -q --out " + (dir / "o").string());
  EXPECT_EQ(lag.exit_code, 3) << lag.output;
  EXPECT_NE(lag.output.find("abt: strategy error: plugin_throws (plugin " + plugin_file +
                            ") in on_bar(1d) at 2019-01-04 15:00: HistoryView: lag beyond the window"),
            std::string::npos)
      << lag.output;
  EXPECT_EQ(lag.output.find("internal error"), std::string::npos) << lag.output;
  const CliResult boom = run_cli("run " + write("boom", R"({"fail": "runtime", "at_bar": 5})") +
                                 " -q --out " + (dir / "o").string());
  EXPECT_EQ(boom.exit_code, 3) << boom.output;
  EXPECT_NE(boom.output.find("in on_bar(1d) at 2019-01-08 15:00: boom"), std::string::npos) << boom.output;
  const CliResult bad =
      run_cli("run " + write("bad", R"({"fail": "start_config"})") + " -q --out " + (dir / "o").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("abt: error: strategy.params.fail: start_config rejects"), std::string::npos)
      << bad.output;
  // regress stops with the same error and code.
  const CliResult regress =
      run_cli("regress --golden " + (dir / "golden").string() + " --update " + write("r", "{}"));
  EXPECT_EQ(regress.exit_code, 3) << regress.output;

  // A sweep records the failing variant, finishes the others and exits 3.
  std::ofstream(dir / "grid.json") << R"({"strategy.params.at_bar": [3, 100000]})";
  const CliResult sweep =
      run_cli("sweep " + write("sw", R"({"fail": "runtime"})") + " --grid " + (dir / "grid.json").string() +
              " -q --jobs 2 --out " + (dir / "sweep").string());
  EXPECT_EQ(sweep.exit_code, 3) << sweep.output;
  const nlohmann::json table = read_json_file(dir / "sweep" / "sweep.json");
  ASSERT_EQ(table["variants"].size(), 2u);
  EXPECT_EQ(table["variants"][0]["status"], "ok");  // at_bar beyond the run: never fails
  EXPECT_EQ(table["variants"][1]["status"], "error");
  EXPECT_EQ(table["variants"][1]["error"], "strategy error: plugin_throws (plugin " + plugin_file +
                                               ") in on_bar(1d) at 2019-01-04 15:00: boom");
}

}  // namespace
}  // namespace abt::test
