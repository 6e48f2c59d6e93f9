// Recorded signals (issue 11 §1): Context::declare_signal / record, signals.csv and result.json "files",
// checked against a diffusion index computed by hand on a tiny market.
#include <gtest/gtest.h>

#include "app/run/backtest_runner.hpp"
#include "app/run/members_output.hpp"
#include "app/run/result_writer.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"

namespace abt {
namespace {

using test::bar;

TEST(RecordedSignals, DiffusionIndexByHandOnATinyMarket) {
  // Four stocks, 1e8 shares each (all members, size 4), DI lookback 1: the share of members whose adjusted
  // close rose from the day before. Day 0: no earlier price -> compares with itself: 0 / 4.
  //   day 1: A up, B up, C down, D flat -> 2 / 4 = 0.5
  //   day 2: A up, B up, C up,  D up   -> 4 / 4 = 1.0
  //   day 3: A down, others flat       -> 0 / 4
  const std::vector<double> shares(4, 1e8);
  const MarketData md =
      test::TinyMarketBuilder({"2022-01-04", "2022-01-05", "2022-01-06", "2022-01-07"})
          .stock("000001.SZ", {bar(10, 10), bar(10, 10.5), bar(10.5, 11), bar(11, 10.9)}, {}, shares)
          .stock("000002.SZ", {bar(20, 20), bar(20, 20.5), bar(20.5, 21), bar(21, 21)}, {}, shares)
          .stock("000003.SZ", {bar(30, 30), bar(30, 29.5), bar(29.5, 30), bar(30, 30)}, {}, shares)
          .stock("000004.SZ", {bar(40, 40), bar(40, 40), bar(40, 40.4), bar(40.4, 40.4)}, {}, shares)
          .build();
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  RunConfig c;
  c.strategy_name = "diffusion_timing";
  c.strategy_params = {
      {"index_size", 4}, {"lookback", 1}, {"method", "first_threshold"}, {"lower", 0.1}, {"upper", 0.9}};
  const RunOutput out = run_backtest(c, md, registry);
  EXPECT_EQ(signals_csv(out.result.signals, Frequency::Daily),
            "date,di,position,members\n"
            "2022-01-04,0.000000,1.000000,4.000000\n"  // DI 0 < 0.1: long
            "2022-01-05,0.500000,1.000000,4.000000\n"
            "2022-01-06,1.000000,0.000000,4.000000\n"  // DI 1 > 0.9: flat
            "2022-01-07,0.000000,1.000000,4.000000\n");
  const nlohmann::json files = files_document(out);
  ASSERT_TRUE(files.contains("signals.csv"));
  EXPECT_EQ(files["signals.csv"]["columns"][0], (nlohmann::json{{"name", "di"}, {"levels", {0.1, 0.9}}}));
  EXPECT_TRUE(signals_csv(out.result.signals, Frequency::Min60).empty());
}

TEST(RecordedSignals, RecordsBelongToTheLatestClosedBarOfTheirFrequency) {
  const MarketData md = test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 11), bar(11, 12)})
                            .build();
  test::ScriptStrategy s;
  SignalHandle close_signal = -1, open_signal = -1;
  s.start = [&](Context& c) {
    c.subscribe(Frequency::Daily);
    close_signal = c.declare_signal("close_seen");
    open_signal = c.declare_signal("at_open");
    EXPECT_EQ(c.declare_signal("close_seen"), close_signal);  // one column per name
  };
  s.session_open = [&](Context& c) { c.record(open_signal, c.today_index()); };  // yesterday's row
  s.bar = [&](Context& c, Frequency) {
    c.record(close_signal, c.history(Frequency::Daily, Field::Close, 1).at(0, 0));
  };
  BacktestConfig cfg = test::config_with(FillMode::NextOpen);
  cfg.start = Date::from_ymd(2024, 1, 3);  // the run's rows start on day 1
  const RunResult r = Backtest(md, cfg).run(s);
  EXPECT_EQ(signals_csv(r.signals, Frequency::Daily),
            "date,close_seen,at_open\n"
            "2024-01-03,11.000000,2.000000\n"
            "2024-01-04,12.000000,\n");
}

TEST(RecordedSignals, MembersCsvListsTheIndexOfEveryRunDay) {
  // Caps (1e8 shares): A 10 / 11, B 20 / 22, C 30 / 15; size 2 from the strategy's index_size. Day 0 is
  // before the run: not listed. Day 1: C halves to 15 and joins, B leaves.
  const std::vector<double> shares(2, 1e8);
  const MarketData md = test::TinyMarketBuilder({"2022-01-04", "2022-01-05"})
                            .stock("000001.SZ", {bar(10, 10), bar(10, 11)}, {}, shares)
                            .stock("000002.SZ", {bar(20, 20), bar(20, 22)}, {}, shares)
                            .stock("600000.SH", {bar(30, 30), bar(30, 15)}, {}, shares)
                            .build();
  EXPECT_EQ(members_csv(md, {{"index_size", 2}}, 1, 1),
            "date,symbol,rank,mcap\n"
            "2022-01-05,000001.SZ,1,1100000000\n"
            "2022-01-05,600000.SH,2,1500000000\n");
  EXPECT_EQ(members_csv(md, nlohmann::json(), 0, 0).substr(0, 22), "date,symbol,rank,mcap\n");
}

}  // namespace
}  // namespace abt
