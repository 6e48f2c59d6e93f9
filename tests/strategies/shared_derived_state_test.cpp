// Shared derived state (engine/data/derived_cache.hpp; issue 13 §1): the micro-cap table and the volatility
// memo computed once per (data, settings) give exactly what every run computes privately, different settings
// get their own entries, and concurrent requests share one computation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <thread>

#include "data_adapters/synth/synth_market.hpp"
#include "engine/sim/backtest.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"
#include "strategies/smallcap_lowvol/lowvol_volatility.hpp"
#include "strategies/universe/microcap_table.hpp"

namespace abt {
namespace {

const MarketData& synthetic() {
  static const MarketData data = [] {
    SynthConfig c;
    c.stocks = 150;
    c.start = Date::from_ymd(2019, 1, 1);
    c.end = Date::from_ymd(2020, 12, 31);
    c.seed = 11;
    return generate_synthetic_market(c);
  }();
  return data;
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(SharedDerivedState, TheTableEqualsTheIndexRankingItself) {
  const MarketData& md = synthetic();
  MicrocapIndexParams p;
  p.size = 40;
  const auto table = shared_microcap_table(md, p);
  MicrocapIndex index(md.instruments, md.calendar, p, /*track_level=*/true);
  for (int32_t day = 0; day < md.calendar.size(); ++day) {
    index.advance(day, day_rows(md.daily, day), day > 0 ? day_rows(md.daily, day - 1) : DayRows{});
    const MicrocapDay& shared = table->day(day);
    ASSERT_EQ(shared.members, index.members()) << day;
    ASSERT_EQ(std::vector<double>(shared.member_caps.begin(), shared.member_caps.end()),
              std::vector<double>(index.member_caps().begin(), index.member_caps().end()))
        << day;
    ASSERT_TRUE(same_bits(table->levels()[static_cast<size_t>(day)], index.level())) << day;
  }
  EXPECT_EQ(index.members().size(), 40u);
}

TEST(SharedDerivedState, OneEntryPerDistinctSettings) {
  const MarketData md = synthetic();  // a copy: a fresh, empty cache
  EXPECT_EQ(md.derived().size(), 0u);
  MicrocapIndexParams a, b;
  b.size = 50;
  const auto a1 = shared_microcap_table(md, a);
  const auto a2 = shared_microcap_table(md, a);
  const auto b1 = shared_microcap_table(md, b);
  EXPECT_EQ(a1.get(), a2.get());
  EXPECT_NE(a1.get(), b1.get());
  EXPECT_EQ(b1->params().size, 50);
  MicrocapIndexParams c = a;
  c.require_ipo_break = false;
  EXPECT_NE(shared_microcap_table(md, c).get(), a1.get());
  EXPECT_NE(shared_volatility_memo(md, 250, 200).get(), shared_volatility_memo(md, 60, 48).get());
  EXPECT_EQ(shared_volatility_memo(md, 250, 200).get(), shared_volatility_memo(md, 250, 200).get());
  EXPECT_EQ(md.derived().size(), 5u);
  EXPECT_NE(MicrocapTable::settings(a), MicrocapTable::settings(b));
}

TEST(SharedDerivedState, ConcurrentRequestsShareOneComputation) {
  const MarketData md = synthetic();
  MicrocapIndexParams p;
  std::shared_ptr<const MicrocapTable> t1, t2;
  std::vector<double> l1, l2;
  {
    std::jthread one([&] {
      t1 = shared_microcap_table(md, p);
      l1 = t1->levels();
    });
    std::jthread two([&] {
      t2 = shared_microcap_table(md, p);
      l2 = t2->levels();
    });
  }
  EXPECT_EQ(t1.get(), t2.get());
  ASSERT_EQ(l1.size(), l2.size());
  for (size_t d = 0; d < l1.size(); ++d) EXPECT_TRUE(same_bits(l1[d], l2[d])) << d;
}

// The strategies built on the index give the same fills and NAVs with shared and with private state.
void expect_same_run(const std::string& name, const nlohmann::json& params) {
  const MarketData md = synthetic();
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  const auto run = [&](bool share) {
    auto strategy = registry.get(name).create(params, "strategy.params");
    BacktestConfig bc = test::config_with(FillMode::NextOpen);
    bc.start = md.calendar.day(250);
    bc.share_derived_state = share;
    return Backtest(md, bc).run(*strategy);
  };
  const RunResult shared = run(true), alone = run(false);
  ASSERT_FALSE(alone.fills.empty()) << name;
  ASSERT_EQ(shared.fills.size(), alone.fills.size()) << name;
  for (size_t k = 0; k < alone.fills.size(); ++k) {
    EXPECT_EQ(shared.fills[k].instrument, alone.fills[k].instrument) << name << " fill " << k;
    EXPECT_TRUE(same_bits(shared.fills[k].quantity, alone.fills[k].quantity)) << name << " fill " << k;
    EXPECT_TRUE(same_bits(shared.fills[k].price, alone.fills[k].price)) << name << " fill " << k;
  }
  ASSERT_EQ(shared.daily.size(), alone.daily.size());
  for (size_t d = 0; d < alone.daily.size(); ++d)
    EXPECT_TRUE(same_bits(shared.daily[d].nav, alone.daily[d].nav)) << name << " day " << d;
  EXPECT_GT(md.derived().size(), 0u) << name;  // the shared run used the cache
}

TEST(SharedDerivedState, SmallcapLowvolSameWithAndWithoutSharing) {
  expect_same_run("smallcap_lowvol",
                  {{"index_size", 60}, {"candidates", 30}, {"holdings", 10}, {"vol_window", 60}});
}

TEST(SharedDerivedState, MicrocapStrategiesSameWithAndWithoutSharing) {
  expect_same_run("microcap_rotation", nlohmann::json::object());
  expect_same_run("diffusion_timing", {{"index_size", 60}, {"method", "dual_ma"}, {"fast", 5}, {"slow", 20}});
}

}  // namespace
}  // namespace abt
