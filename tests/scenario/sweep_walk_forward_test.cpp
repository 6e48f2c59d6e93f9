// `abt sweep --walk-forward` on a tiny market whose choice per window is known by hand: AAA rises in 2019
// and 2021 and falls in 2020, BBB does the opposite. dual_ma (2/5) is long in a rise and flat in a fall, so
// the best in-sample symbol is the one that rose in the train year: AAA for window 0 (train 2019, test 2020),
// BBB for window 1 (train 2020, test 2021).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "app/run/config_file.hpp"
#include "app/run/walk_forward.hpp"
#include "cli_runner.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

std::filesystem::path trend_market(const std::filesystem::path& dir) {
  std::ofstream csv(dir / "market.csv");
  csv << "date,symbol,open,high,low,close,volume,adj_factor\n";
  double a = 100, b = 100;
  for (Date d = Date::parse("2019-01-01"); d <= Date::parse("2021-12-31"); d = d + 1) {
    if (d.weekday() >= 5) continue;
    const double up = d.year() == 2020 ? -0.002 : 0.002;
    a *= std::exp(up);
    b *= std::exp(-up);
    char line[160];
    std::snprintf(line, sizeof line,
                  "%s,AAA.IDX,%.4f,%.4f,%.4f,%.4f,1e9,1\n%s,BBB.IDX,%.4f,%.4f,%.4f,%.4f,1e9,1\n",
                  d.to_string().c_str(), a, a, a, a, d.to_string().c_str(), b, b, b, b);
    csv << line;
  }
  std::ofstream(dir / "config.json") << R"({"data": {"csv": "market.csv"}, "start": "2019-01-01",
    "end": "2021-12-31", "capital": 1000000,
    "strategy": {"name": "dual_ma", "params": {"symbols": ["AAA.IDX"], "fast": 2, "slow": 5}},
    "costs": {"rate": 0, "quote": "round_trip"}})";
  std::ofstream(dir / "plan.json") << R"({"strategy.params.symbols": [["AAA.IDX"], ["BBB.IDX"]]})";
  return dir / "config.json";
}

TEST(SweepWalkForward, PicksTheInSampleBestPerWindowAndChainsTheOutOfSampleSegments) {
  const auto dir = test::make_temp_dir("walk-forward");
  const auto config = trend_market(dir);
  const std::string command = "sweep " + config.string() + " --grid " + (dir / "plan.json").string() +
                              " -q --rank-by total_return --walk-forward train=1y,test=1y --out ";
  const auto r = test::run_cli(command + (dir / "j2").string() + " --jobs 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json wf = read_json_file(dir / "j2" / "walk_forward.json");
  ASSERT_EQ(wf["windows"].size(), 2u);
  const auto& w0 = wf["windows"][0];
  const auto& w1 = wf["windows"][1];
  EXPECT_EQ(w0["train_start"], "2019-01-01");
  EXPECT_EQ(w0["train_end"], "2019-12-31");
  EXPECT_EQ(w0["test_start"], "2020-01-01");
  EXPECT_EQ(w0["test_end"], "2020-12-31");
  EXPECT_EQ(w1["train_start"], "2020-01-01");
  EXPECT_EQ(w1["test_start"], "2021-01-01");
  EXPECT_EQ(w1["test_end"], "2021-12-31");
  EXPECT_EQ(w0["chosen"]["overrides"]["strategy.params.symbols"], nlohmann::json::array({"AAA.IDX"}));
  EXPECT_EQ(w1["chosen"]["overrides"]["strategy.params.symbols"], nlohmann::json::array({"BBB.IDX"}));
  EXPECT_GT(w0["chosen"]["in_sample"].get<double>(), 0.3);  // about +0.2 % a day for a year, long throughout
  // The chosen symbol falls in its test year: a small loss while the averages cross, then flat.
  const double r0 = w0["out_of_sample"]["total_return"], r1 = w1["out_of_sample"]["total_return"];
  EXPECT_LT(r0, 0);
  EXPECT_GT(r0, -0.03);
  // Chained: window 1 starts with window 0's end NAV; the chain's return is the product of the segments'.
  EXPECT_DOUBLE_EQ(w0["start_nav"].get<double>(), 1000000);
  EXPECT_DOUBLE_EQ(w1["start_nav"].get<double>(), w0["end_nav"].get<double>());
  EXPECT_NEAR(wf["metrics"]["total_return"].get<double>(), (1 + r0) * (1 + r1) - 1, 1e-9);
  EXPECT_EQ(wf["equity"]["dates"][0], "2020-01-01");
  EXPECT_EQ(wf["equity"]["dates"].back(), "2021-12-31");
  EXPECT_EQ(wf["equity"]["dates"].size(), wf["metrics"]["days"].get<size_t>());
  const std::string csv = test::file_text(dir / "j2" / "walk_forward.csv");
  EXPECT_EQ(
      csv.substr(0, csv.find('\n')),
      "window,train_start,train_end,test_start,test_end,variant,strategy.params.symbols,"
      "in_sample_total_return,start_nav,end_nav,oos_total_return,oos_sharpe,oos_max_drawdown,oos_trades");
  EXPECT_NE(csv.find("\n0,2019-01-01,2019-12-31,2020-01-01,2020-12-31,v0000,\"[\"\"AAA.IDX\"\"]\",0."),
            std::string::npos)
      << csv;
  EXPECT_NE(test::file_text(dir / "j2" / "sweep.html").find("id=\"walk-forward\""), std::string::npos);

  // Deterministic: one thread gives the same files; the plan block does what the option does.
  ASSERT_EQ(test::run_cli(command + (dir / "j1").string() + " --jobs 1").exit_code, 0);
  EXPECT_EQ(test::file_text(dir / "j1" / "walk_forward.json"),
            test::file_text(dir / "j2" / "walk_forward.json"));
  EXPECT_EQ(test::file_text(dir / "j1" / "sweep.html"), test::file_text(dir / "j2" / "sweep.html"));
  std::ofstream(dir / "plan_block.json")
      << R"({"walk_forward": {"train": "1y", "test": "1y"}, "strategy.params.symbols": [["AAA.IDX"], ["BBB.IDX"]]})";
  ASSERT_EQ(test::run_cli("sweep " + config.string() + " --grid " + (dir / "plan_block.json").string() +
                          " -q --rank-by total_return --out " + (dir / "block").string())
                .exit_code,
            0);
  EXPECT_EQ(read_json_file(dir / "block" / "walk_forward.json")["windows"],
            read_json_file(dir / "j2" / "walk_forward.json")["windows"]);
}

TEST(SweepWalkForward, BadSpecsExitTwo) {
  const auto dir = test::make_temp_dir("walk-forward-bad");
  const auto config = trend_market(dir);
  const std::string command = "sweep " + config.string() + " --grid " + (dir / "plan.json").string() +
                              " -q --out " + (dir / "x").string() + " ";
  struct Case {
    const char* args;
    const char* message;
  } cases[] = {
      {"--walk-forward train=1y", "--walk-forward: expected train=SPAN,test=SPAN[,step=SPAN]"},
      {"--walk-forward train=1q,test=1y", "--walk-forward train: expected a span like 3y"},
      {"--walk-forward train=1y,test=6m,step=3m", "step (3m) must be at least test (6m)"},
      {"--walk-forward train=3y,test=1y", "do not fit in the run 2019-01-01 .. 2021-12-31"},
      {"--walk-forward train=1y,test=1y --shard 0/2", "a walk-forward does not run in shards"},
  };
  for (const Case& c : cases) {
    const auto r = test::run_cli(command + c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << "\n" << r.output;
  }
}

TEST(WalkForwardWindows, StepAndSpansOnTheCalendar) {
  std::vector<Date> days;
  for (Date d = Date::parse("2019-01-01"); d <= Date::parse("2019-12-31"); d = d + 1)
    if (d.weekday() < 5) days.push_back(d);
  const auto w = walk_forward_windows(parse_walk_forward("train=6m,test=2m,step=3m"), days);
  // Trains from Jan 1, Apr 1, Jul 1 (+3m each); Jul 1 + 6m = Jan 1 2020 is past the end: two windows.
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].train_start, Date::parse("2019-01-01"));
  EXPECT_EQ(w[0].train_end, Date::parse("2019-06-28"));  // the last weekday before Jul 1
  EXPECT_EQ(w[0].test_start, Date::parse("2019-07-01"));
  EXPECT_EQ(w[0].test_end, Date::parse("2019-08-30"));
  EXPECT_EQ(w[1].train_start, Date::parse("2019-04-01"));
  EXPECT_EQ(w[1].test_start, Date::parse("2019-10-01"));
  EXPECT_EQ(w[1].test_end, Date::parse("2019-11-29"));
  EXPECT_EQ(add_span(Date::parse("2020-01-31"), CalendarSpan{1, 'm'}), Date::parse("2020-02-29"));
  EXPECT_THROW(parse_walk_forward(nlohmann::json{{"train", "1y"}}, "plan: walk_forward"), ConfigError);
}

}  // namespace
}  // namespace abt
