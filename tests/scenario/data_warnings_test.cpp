// Data-honesty warnings (issue 10 §3): survivorship, stale and missing share capital, stale external series,
// and defaults that exist only in the synthetic market.
#include <gtest/gtest.h>

#include "app/run/backtest_runner.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {
namespace {

using test::bar;
using test::TinyBar;

/// `n` consecutive weekdays from `first` as YYYY-MM-DD strings.
std::vector<std::string> weekdays(Date first, int n) {
  std::vector<std::string> out;
  for (Date d = first; static_cast<int>(out.size()) < n; d = Date{d.days + 1})
    if (d.weekday() < 5) out.push_back(d.to_string());
  return out;
}

const RunWarning* find(const std::vector<RunWarning>& all, const std::string& kind) {
  for (const RunWarning& w : all)
    if (w.kind == kind) return &w;
  return nullptr;
}

TEST(DataWarnings, SurvivorshipWhenNoStockEverDelists) {
  MarketData md;
  std::vector<Date> days;
  for (const auto& d : weekdays(Date::from_ymd(2020, 1, 1), 300)) days.push_back(Date::parse(d));
  md.calendar = TradingCalendar(days);
  for (int i = 0; i < 60; ++i) {
    Instrument ins;
    ins.symbol = std::to_string(600000 + i) + ".SH";
    md.instruments.push_back(ins);
  }
  WarningLog log;
  note_survivorship(md, 0, 299, log);
  ASSERT_EQ(log.entries().size(), 1u);
  EXPECT_EQ(log.entries()[0].kind, "survivorship");
  EXPECT_EQ(log.entries()[0].count, 60);
  EXPECT_NE(log.entries()[0].message.find("none of the 60 stocks in the data delists"), std::string::npos);
  WarningLog short_run;
  note_survivorship(md, 0, 200, short_run);  // under a year: not enough to say
  EXPECT_TRUE(short_run.entries().empty());
  md.instruments[5].delist_date = days[100];
  WarningLog with_delisting;
  note_survivorship(md, 0, 299, with_delisting);
  EXPECT_TRUE(with_delisting.entries().empty());
}

TEST(DataWarnings, StaleAndMissingShareCapitalOfTheMicrocapIndex) {
  // 30 trading days from 2020-12-01 (into 2021); share counts observed through day 2; C has none.
  const std::vector<std::string> days = weekdays(Date::from_ymd(2020, 12, 1), 30);
  const std::vector<TinyBar> flat(30, bar(10, 10));
  const std::vector<double> shares(30, 1e8);
  MarketData md = test::TinyMarketBuilder(days)
                      .stock("000001.SZ", flat, {}, shares)
                      .stock("000002.SZ", flat, {}, shares)
                      .stock("000003.SZ", flat)
                      .build();
  md.provenance.shares_observed_through = Date::parse(days[2]);
  md.provenance.shares_source = "gbbq test.csv";
  MicrocapIndexParams p;
  p.size = 2;
  WarningLog log;
  microcap_index_levels(md, p, &log, 0, 29);
  const std::vector<RunWarning> all = log.entries();
  const RunWarning* stale = find(all, "stale_share_capital");
  ASSERT_NE(stale, nullptr);
  EXPECT_EQ(stale->count, 7);  // days 23..29: more than 20 trading days after day 2
  EXPECT_EQ(stale->first, Date::parse(days[23]));
  EXPECT_EQ(stale->subject, "benchmark micro-cap index");
  EXPECT_NE(stale->message.find("last observed on " + days[2] + " (gbbq test.csv)"), std::string::npos);
  const RunWarning* missing = find(all, "no_share_capital");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->count, 2);  // stock C, once in 2020 and once in 2021
  EXPECT_EQ(missing->by_year, (std::map<int, int64_t>{{2020, 1}, {2021, 1}}));
  // Only the run's days count: a window that ends at day 22 has no stale day.
  WarningLog early;
  microcap_index_levels(md, p, &early, 0, 22);
  EXPECT_EQ(find(early.entries(), "stale_share_capital"), nullptr);
}

/// A market for microcap_rotation with tiny windows, a CN10Y series that ends on day 4 of 14.
MarketData rotation_market() {
  const std::vector<std::string> days = weekdays(Date::from_ymd(2022, 3, 1), 14);
  const std::vector<double> shares(14, 1e8);
  std::vector<TinyBar> a, b;
  std::vector<double> broad, mao, yield;
  for (int t = 0; t < 14; ++t) {
    a.push_back(bar(10 + 0.1 * t, 10 + 0.1 * (t + 1)));
    b.push_back(bar(20 - 0.1 * t, 20 - 0.1 * (t + 1)));
    broad.push_back(3000 + 5 * t * (t % 2 ? 1 : -1));
    mao.push_back(1000 + 3 * t);
    yield.push_back(t <= 4 ? 2.8 : std::nan(""));
  }
  return test::TinyMarketBuilder(days)
      .stock("000001.SZ", a, {}, shares)
      .stock("000002.SZ", b, {}, shares)
      .index("BROAD.IDX", broad)
      .index("MAOTAI.IDX", mao)
      .series("CN10Y", yield)
      .build();
}

RunConfig rotation_config() {
  RunConfig c;
  c.strategy_name = "microcap_rotation";
  c.strategy_params = {
      {"index_size", 2}, {"annual_window", 2}, {"slope_window", 2}, {"risk_lookback", 2}, {"vc_window", 2}};
  return c;
}

TEST(DataWarnings, StaleYieldSeriesIsCountedOnDecisionDays) {
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  const RunOutput out = run_backtest(rotation_config(), rotation_market(), registry);
  const std::vector<RunWarning> all = out.result.warnings.entries();
  const RunWarning* stale = find(all, "stale_series");
  ASSERT_NE(stale, nullptr);
  EXPECT_EQ(stale->subject, "CN10Y");
  // The last value is on day 4; it is usable up to day 9 (5 trading days old); days 10..13 have none.
  EXPECT_EQ(stale->count, 4);
  EXPECT_EQ(stale->first, rotation_market().calendar.day(10));
}

TEST(DataWarnings, SyntheticOnlyDefaultsNameTheParameterToSet) {
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  RunConfig c = rotation_config();
  c.strategy_params["mao_symbol"] = "MAOTAI.IDX";
  MarketData md = test::TinyMarketBuilder({"2022-03-01", "2022-03-02"})
                      .stock("000001.SZ", {bar(10, 10), bar(10, 10)}, {}, {1e8, 1e8})
                      .index("000001.SH", {3000, 3001})
                      .build();
  try {
    run_backtest(c, md, registry);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("strategy.params.mao_symbol: unknown instrument 'MAOTAI.IDX' (the default, an index of "
                     "the synthetic market: set strategy.params.mao_symbol to an instrument of this data"),
              std::string::npos)
        << m;
  }
  c.strategy_params["mao_members"] = {"000001.SZ"};
  c.strategy_params["broad_symbol"] = "000001.SH";
  try {
    run_backtest(c, md, registry);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("strategy.params.yield_series: the data has no series 'CN10Y'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace abt
