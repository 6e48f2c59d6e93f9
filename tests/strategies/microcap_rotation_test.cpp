#include <gtest/gtest.h>

#include <cmath>

#include "data_adapters/synth/synth_market.hpp"
#include "app/run/backtest_runner.hpp"
#include "app/run/run_config.hpp"
#include "strategies/builtin.hpp"
#include "strategies/indicators/rolling.hpp"
#include "strategies/microcap_rotation/microcap_rotation_strategy.hpp"

namespace abt {
namespace {

using S = MicrocapRotationStrategy;
using C = S::Choice;

TEST(MicrocapRotation, BaseChoiceFromTheAnnualLine) {
  // The published 2025-10-27 reading: R 1.97 above the annual line 1.67, slopes +0.34 % and -0.08 % a day,
  // no risk trigger -> micro-cap.
  EXPECT_EQ(S::choose(1.97, 1.67, 0.0034, -0.0008, true, false), C::Micro);
  EXPECT_EQ(S::choose(1.50, 1.67, 0.001, 0.002, true, false), C::Mao);  // same-sign slopes: base choice
  EXPECT_EQ(S::choose(1.50, NAN, 0.001, 0.002, true, false), C::Cash);  // no annual line yet
}

TEST(MicrocapRotation, SlopeOverrideBeatsTheAnnualLine) {
  // R below its line says Mao, but Micro rises and Mao falls over the last 20 days -> Micro.
  // Micro levels 100, 101, ..., 119: slope 1 / mean 109.5; Mao 200, 199, ..., 181: slope -1 / mean 190.5.
  double micro[20], mao[20];
  for (int i = 0; i < 20; ++i) {
    micro[i] = 100 + i;
    mao[i] = 200 - i;
  }
  const double sm = ind::normalized_slope(micro, 20), sa = ind::normalized_slope(mao, 20);
  EXPECT_NEAR(sm, 1 / 109.5, 1e-12);
  EXPECT_NEAR(sa, -1 / 190.5, 1e-12);
  EXPECT_EQ(S::choose(0.5, 0.6, sm, sa, true, false), C::Micro);
  EXPECT_EQ(S::choose(0.5, 0.6, sm, sa, false, false), C::Mao);  // override off
  // And the other way: R above the line, Micro falling while Mao rises -> Mao.
  EXPECT_EQ(S::choose(0.7, 0.6, -sm, -sa, true, false), C::Mao);
}

TEST(MicrocapRotation, RiskOverlayMovesTheMicroLegToCash) {
  EXPECT_TRUE(S::ratio_change_triggers(2.6, 2.0, 0.30));    // +30 %
  EXPECT_FALSE(S::ratio_change_triggers(2.58, 2.0, 0.30));  // +29 %
  EXPECT_TRUE(S::ratio_change_triggers(1.55, 1.0, 0.55));
  EXPECT_FALSE(S::ratio_change_triggers(NAN, 1.0, 0.55));
  EXPECT_EQ(S::choose(1.97, 1.67, 0.0034, -0.0008, true, true), C::Cash);
  EXPECT_EQ(S::choose(1.50, 1.67, 0.001, 0.002, true, true), C::Mao);  // Mao is not affected
}

}  // namespace
}  // namespace abt

namespace abt {
namespace {

TEST(MicrocapRotation, IntradayLevelOfTheEqualWeightIndex) {
  // Members 0 and 2 (1 is not a member). Previous closes 10 and 20 (factors 1 and 2); hourly closes 11 and 19
  // with factors 1 and 2: returns +10 % and -5 % -> mean +2.5 % -> 1000 -> 1025.
  const std::vector<int32_t> members = {0, 2};
  const std::vector<float> hourly = {11, 99, 19}, hourly_adj = {1, 1, 2}, prev = {10, 50, 20},
                           prev_adj = {1, 1, 2};
  EXPECT_NEAR(equal_weight_level(1000, members, hourly, hourly_adj, prev, prev_adj), 1025.0, 1e-9);
  // An ex-date today (hourly factor 2.2 for stock 2, raw price lower): adjusted return 19*2.2/40 - 1 = +4.5
  // %.
  const std::vector<float> ex_adj = {1, 1, 2.2f};
  EXPECT_NEAR(equal_weight_level(1000, members, hourly, ex_adj, prev, prev_adj),
              1000 * (1 + (0.1 + (19 * double{2.2f} / 40 - 1)) / 2), 1e-9);
  // A member without an hourly price counts as 0.
  const std::vector<float> missing = {11, 99, NAN};
  EXPECT_NEAR(equal_weight_level(1000, members, missing, hourly_adj, prev, prev_adj), 1050.0, 1e-9);
}

TEST(MicrocapRotation, HourlyMacdMonitorFromTheFirstDayOfTheData) {
  // Found by fuzz_run_config: a run starting on the data's first day read the daily history (ending at
  // t-1, empty on day 0) at the first 60-minute bar: "internal error: HistoryView: lag beyond the window".
  SynthConfig c;
  c.stocks = 60;
  c.start = Date::from_ymd(2023, 1, 3);
  c.end = Date::from_ymd(2023, 3, 31);
  c.hourly = true;
  const MarketData md = generate_synthetic_market(c);
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  const RunConfig rc = parse_run_config(nlohmann::json::parse(R"({
      "strategy": {"name": "microcap_rotation",
                   "params": {"index_size": 20, "macd_monitor": true, "macd_frequency": "both"}}})"));
  const RunOutput out = run_backtest(rc, md, registry);
  EXPECT_EQ(out.result.daily.size(), static_cast<size_t>(md.calendar.size()));
}

}  // namespace
}  // namespace abt
