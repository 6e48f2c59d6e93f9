// target_weights: a table of date,symbol,weight traded with the A-share rules, on a hand-computed market;
// the table's errors (FILE:LINE); the file path resolved against the config's directory.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>

#include "app/run/backtest_runner.hpp"
#include "app/run/run_config.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"
#include "strategies/target_weights/target_weights_strategy.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

using test::bar;

// Four days. 600000.SH opens day 1 at 11.00 = its limit-up (10.00 x 1.1): a buy there is blocked and
// retried at day 2's open. 000001.SZ opens day 2 at its previous close, so the NAV the retry is sized on
// does not depend on how unfilled holdings are marked at an open.
MarketData two_stock_market() {
  return test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
      .stock("600000.SH", {bar(10, 10), bar(11.00, 10.80), bar(10.50, 10.60), bar(10.60, 10.70)})
      .stock("000001.SZ", {bar(20, 20), bar(20, 20.50), bar(20.50, 21), bar(22, 22)})
      .build();
}

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& text) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

const char* kWeights =
    "date,symbol,weight\n"
    "2024-01-02,600000.SH,0.5\n"
    "2024-01-02,000001.SZ,0.3\n"
    "2024-01-04,000001.SZ,0.6\n";

RunResult run_table(const MarketData& md, const std::string& text, FillMode fill, const std::string& absent) {
  const auto file = write_file(test::make_temp_dir("target_weights"), "w.csv", text);
  TargetWeightsStrategy::Params p;
  p.file.value = file.string();
  p.absent = absent;
  TargetWeightsStrategy s(p);
  return Backtest(md, testkit::config_with(fill)).run(s);
}

TEST(TargetWeights, HandComputedNextOpenWithALimitUpRetryAndAnAbsentSymbolSold) {
  const MarketData md = two_stock_market();
  const RunResult r = run_table(md, kWeights, FillMode::NextOpen, "zero");
  // Day 1 open, NAV 1,000,000 (cash): 000001.SZ 0.3 x 1e6 / 20.00 = 15,000 shares; 600000.SH at limit-up.
  // Day 2 open, the retry: NAV = 700,000 + 15,000 x 20.50 = 1,007,500; 0.5 x 1,007,500 / 10.50 = 47,976.2
  //   -> 47,900 shares (board lot 100).
  // Day 3 open, the 2024-01-04 table: 600000.SH is absent -> sold (47,900 at 10.60); 000001.SZ 0.6 of
  //   NAV = 197,050 + 47,900 x 10.60 + 15,000 x 22.00 = 1,034,790 -> 28,221.5 -> 28,200 shares: +13,200.
  ASSERT_EQ(r.fills.size(), 4u);
  const auto expect_fill = [&](size_t k, const char* time, const char* symbol, Side side, double qty,
                               double px) {
    SCOPED_TRACE(k);
    EXPECT_EQ(r.fills[k].time.to_string(), time);
    EXPECT_EQ(md.instruments[r.fills[k].instrument].symbol, symbol);
    EXPECT_EQ(r.fills[k].side, side);
    EXPECT_DOUBLE_EQ(r.fills[k].quantity, qty);
    EXPECT_DOUBLE_EQ(r.fills[k].price, px);
  };
  expect_fill(0, "2024-01-03 09:30", "000001.SZ", Side::Buy, 15000, 20.00);
  expect_fill(1, "2024-01-04 09:30", "600000.SH", Side::Buy, 47900, 10.50);
  expect_fill(2, "2024-01-05 09:30", "600000.SH", Side::Sell, 47900, 10.60);
  expect_fill(3, "2024-01-05 09:30", "000001.SZ", Side::Buy, 13200, 22.00);
  EXPECT_EQ(r.rejects[static_cast<int>(RejectReason::LimitUp)], 1);
  EXPECT_NEAR(r.daily.back().cash, 414390.0, 1e-6);
  // Recorded on the dates traded: the weight sum and the number of rows.
  EXPECT_FALSE(r.signals.empty(Frequency::Daily));
}

TEST(TargetWeights, KeepLeavesAbsentSymbolsAndCloseFillsAtTheSignalClose) {
  const MarketData md = two_stock_market();
  const RunResult keep = run_table(md, kWeights, FillMode::NextOpen, "keep");
  ASSERT_EQ(keep.fills.size(), 3u);  // no sell of 600000.SH on day 3
  EXPECT_EQ(keep.fills[2].side, Side::Buy);
  // close: the table of 2024-01-02 fills at that day's closes (600000.SH 10.00 is not at its limit).
  const RunResult close = run_table(md, kWeights, FillMode::Close, "zero");
  ASSERT_GE(close.fills.size(), 2u);
  EXPECT_EQ(close.fills[0].time.to_string(), "2024-01-02 15:00");
  EXPECT_EQ(close.fills[1].time.to_string(), "2024-01-02 15:00");
  EXPECT_EQ(close.rejects[static_cast<int>(RejectReason::LimitUp)], 0);
}

std::string table_error(const std::string& text) {
  const MarketData md = two_stock_market();
  try {
    parse_weights_table(
        text, "w.csv", md.calendar, [&](std::string_view s) { return md.find(s); }, 1e-6);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

TEST(TargetWeights, TableErrorsNameTheFileAndLine) {
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-02,600000.SH,0.5\n2024-01-02,999999.SZ,0.1\n"),
            "w.csv:3: unknown symbol '999999.SZ' (not an instrument of the data)");
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-02,600000.SH,-0.1\n"),
            "w.csv:2: weight of 600000.SH on 2024-01-02 is negative (-0.1): weights are long-only fractions "
            "of NAV");
  EXPECT_EQ(
      table_error("date,symbol,weight\n2024-01-02,600000.SH,0.7\n2024-01-02,000001.SZ,0.4\n"),
      "w.csv:2: weights of 2024-01-02 sum to 1.1, more than 1 + tolerance 1e-06 (strategy.params.tolerance)");
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-06,600000.SH,0.5\n"),
            "w.csv:2: 2024-01-06 lies outside the data's calendar (2024-01-02 .. 2024-01-05)");
  EXPECT_EQ(table_error("date,symbol,weight\n2023-12-29,600000.SH,0.5\n"),
            "w.csv:2: 2023-12-29 lies outside the data's calendar (2024-01-02 .. 2024-01-05)");
  // A weekday that is not a trading day of the data.
  const MarketData gap = test::TinyMarketBuilder({"2024-01-02", "2024-01-04"})
                             .stock("600000.SH", {bar(10, 10), bar(10, 10)})
                             .build();
  EXPECT_THROW(
      {
        try {
          parse_weights_table(
              "date,symbol,weight\n2024-01-03,600000.SH,0.5\n", "w.csv", gap.calendar,
              [&](std::string_view s) { return gap.find(s); }, 1e-6);
        } catch (const ConfigError& e) {
          EXPECT_STREQ(e.what(), "w.csv:2: 2024-01-03 is not a trading day of the data");
          throw;
        }
      },
      ConfigError);
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-02,600000.SH,0.5\n2024-01-02,600000.SH,0.1\n"),
            "w.csv:3: 600000.SH is listed twice on 2024-01-02 (first on line 2)");
  EXPECT_EQ(table_error("day,symbol,weight\n"),
            "w.csv:1: unexpected column 'day' (expected the columns date, symbol, weight)");
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-02,600000.SH,abc\n"),
            "w.csv:2: weight of 600000.SH: expected a finite number, got 'abc'");
  EXPECT_EQ(table_error("date,symbol,weight\n2024/01/02,600000.SH,0.5\n"),
            "w.csv:2: expected a date YYYY-MM-DD, got '2024/01/02'");
  // The one numeric reader (engine/core/value_domain.hpp): no "nan", "inf", overflow or hex; bytes that
  // are not UTF-8 are quoted as U+FFFD, so that the message stays text (issue 14).
  for (const char* weight : {"nan", "inf", "1e400", "0x1p-1", "1.5.2"})
    EXPECT_EQ(
        table_error(std::string("date,symbol,weight\n2024-01-02,600000.SH,").append(weight).append("\n")),
        std::string("w.csv:2: weight of 600000.SH: expected a finite number, got '")
            .append(weight)
            .append("'"))
        << weight;
  EXPECT_EQ(table_error("date,symbol,weight\n2024-01-02,600000.SH,0.\xff\n"),
            "w.csv:2: weight of 600000.SH: expected a finite number, got '0.\xef\xbf\xbd'");
}

TEST(TargetWeights, AFifoOrADirectoryAsTheFileIsAnErrorNotAHang) {
  const auto dir = test::make_temp_dir("target_weights_fifo");
  ASSERT_EQ(::mkfifo((dir / "fifo.csv").c_str(), 0600), 0);  // std::ifstream blocked on it forever
  std::filesystem::create_directories(dir / "dir.csv");
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  for (const auto& [name, expected] :
       {std::pair<std::string, std::string>{"fifo.csv", "is not a regular file (a FIFO, socket or device"},
        {"dir.csv", "is a directory (expected a weights CSV (date,symbol,weight))"}}) {
    const nlohmann::json config = {{"strategy", {{"name", "target_weights"}, {"params", {{"file", name}}}}}};
    try {
      run_backtest(parse_run_config(config, dir), two_stock_market(), registry);
      FAIL() << "expected a ConfigError for " << name;
    } catch (const ConfigError& e) {
      EXPECT_NE(
          std::string(e.what()).find("strategy.params.file: " + (dir / name).string() + ": " + expected),
          std::string::npos)
          << e.what();
    }
  }
}

TEST(TargetWeights, AcceptsPandasAndQlibSpellings) {
  const MarketData md = two_stock_market();
  const WeightsTable t = parse_weights_table(
      "\xEF\xBB\xBFsymbol,weight,date\r\n\"SH600000\",0.25,2024-01-03 "
      "00:00:00\r\n\r\n000001.SZ,0.5,20240103\r\n",
      "w.csv", md.calendar, [&](std::string_view s) { return md.find(s); }, 1e-6);
  ASSERT_EQ(t.days.size(), 1u);
  EXPECT_EQ(t.days[0], 1);
  ASSERT_EQ(t.targets[0].size(), 2u);
  EXPECT_EQ(t.targets[0][0].instrument, *md.find("600000.SH"));
  EXPECT_DOUBLE_EQ(t.targets[0][0].weight, 0.25);
  EXPECT_EQ(from_qlib_symbol("SZ000001"), "000001.SZ");
  EXPECT_EQ(from_qlib_symbol("600000.SH"), "");
}

TEST(TargetWeights, FileRelativeToTheConfigAndErrorsAsConfigErrors) {
  const auto dir = test::make_temp_dir("target_weights_config");
  write_file(dir, "weights.csv", kWeights);
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  const nlohmann::json config = {
      {"strategy", {{"name", "target_weights"}, {"params", {{"file", "weights.csv"}}}}},
      {"capital", 1000000}};
  const RunOutput out = run_backtest(parse_run_config(config, dir), two_stock_market(), registry);
  EXPECT_EQ(out.result.fills.size(), 4u);
  EXPECT_EQ(out.resolved_config["strategy"]["params"]["file"], "weights.csv");  // as written
  const nlohmann::json missing = {
      {"strategy", {{"name", "target_weights"}, {"params", {{"file", "nope.csv"}}}}}};
  try {
    run_backtest(parse_run_config(missing, dir), two_stock_market(), registry);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "strategy.params.file: " + (dir / "nope.csv").string() +
                                         ": no such file (expected a weights CSV (date,symbol,weight))");
  }
  const nlohmann::json no_file = {{"strategy", {{"name", "target_weights"}}}};
  EXPECT_THROW(run_backtest(parse_run_config(no_file, dir), two_stock_market(), registry), ConfigError);
}

}  // namespace
}  // namespace abt
