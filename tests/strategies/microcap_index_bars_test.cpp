// The micro-cap index as a tradable instrument: its bars on a hand-computed market, no look-ahead, and the
// derived instrument added to a market and traded through the run layer.
#include <gtest/gtest.h>

#include <cmath>

#include "app/run/backtest_runner.hpp"
#include "app/run/derived_instruments.hpp"
#include "app/run/run_config.hpp"
#include "data_adapters/binary/dataset_file.hpp"
#include "engine/core/error.hpp"
#include "scenario/script_strategy.hpp"
#include "strategies/builtin.hpp"
#include "strategies/universe/microcap_index_bars.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

using test::bar;

// Three days of 2022, shares 1e8 each, index size 2.
//   A 000001.SZ: (open, close) (10, 10), (10.5, 11), (11.55, 12)
//   B 000002.SZ: (20, 20), (19, 22), (21.78, 22)
//   C 600000.SH: (30, 30), (30, 30), (30, 15)
// Members: C_0 = C_1 = {A, B}; C_2 = {A, C} (caps 12, 22, 15).
// Close levels: L0 = 1000, L1 = 1000 (1 + (0.1 + 0.1) / 2) = 1100, L2 = 1100 (1 + (1/11 + 0) / 2) = 1150.
// Open levels (members of the previous close): O1 = 1000 (1 + (0.05 - 0.05) / 2) = 1000,
//   O2 = 1100 (1 + (0.05 - 0.01) / 2) = 1122.
// Day 2 hourly closes of A 11.55, 11.8, 12.1, 12 and B 21.78, 22, 22, 22 against the closes 11 and 22:
//   1122, 1100 (1 + 0.8/11 / 2) = 1140, 1100 (1 + 0.1 / 2) = 1155, and the daily level 1150 at 15:00.
MarketData tiny_market(double a_close_day2 = 12) {
  const std::vector<double> shares(3, 1e8);
  const double q = 2.5e5;  // hourly volume: four bars make the daily 1e6
  return test::TinyMarketBuilder({"2022-01-04", "2022-01-05", "2022-01-06"})
      .stock("000001.SZ", {bar(10, 10), bar(10.5, 11), bar(11.55, a_close_day2)}, {}, shares)
      .stock("000002.SZ", {bar(20, 20), bar(19, 22), bar(21.78, 22)}, {}, shares)
      .stock("600000.SH", {bar(30, 30), bar(30, 30), bar(30, 15)}, {}, shares)
      .hourly("000001.SZ",
              {{bar(10, 10, q), bar(10, 10, q), bar(10, 10, q), bar(10, 10, q)},
               {bar(10.5, 10.8, q), bar(10.8, 11, q), bar(11, 11, q), bar(11, 11, q)},
               {bar(11.55, 11.55, q), bar(11.55, 11.8, q), bar(11.8, 12.1, q), bar(12.1, a_close_day2, q)}})
      .hourly("000002.SZ", {{bar(20, 20, q), bar(20, 20, q), bar(20, 20, q), bar(20, 20, q)},
                            {bar(19, 21, q), bar(21, 22, q), bar(22, 22, q), bar(22, 22, q)},
                            {bar(21.78, 21.78, q), bar(21.78, 22, q), bar(22, 22, q), bar(22, 22, q)}})
      .build();
}

MicrocapIndexParams size_two() {
  MicrocapIndexParams p;
  p.size = 2;
  return p;
}

TEST(MicrocapIndexBars, OpenCloseHighLowAndHourlyLevelsByHand) {
  const DerivedBars b = microcap_index_bars(tiny_market(), size_two());
  ASSERT_EQ(b.close.size(), 3u);
  EXPECT_DOUBLE_EQ(b.open[0], 1000.0);
  EXPECT_DOUBLE_EQ(b.close[0], 1000.0);
  EXPECT_DOUBLE_EQ(b.volume[0], 0.0);  // no previous close: no trade on the first day
  EXPECT_NEAR(b.open[1], 1000.0, 1e-9);
  EXPECT_NEAR(b.close[1], 1100.0, 1e-9);
  EXPECT_DOUBLE_EQ(b.volume[1], 2e6);  // A + B
  EXPECT_NEAR(b.open[2], 1122.0, 1e-4);
  EXPECT_NEAR(b.close[2], 1150.0, 1e-4);
  EXPECT_NEAR(b.high[2], 1155.0, 1e-4);
  EXPECT_NEAR(b.low[2], 1122.0, 1e-4);
  ASSERT_EQ(b.hourly_close.size(), 12u);
  const double closes[] = {1122, 1140, 1155, 1150};
  const double opens[] = {1122, 1122, 1140, 1155};
  for (int h = 0; h < 4; ++h) {
    EXPECT_NEAR(b.hourly_close[8 + h], closes[h], 1e-4) << h;
    EXPECT_NEAR(b.hourly_open[8 + h], opens[h], 1e-4) << h;
  }
  EXPECT_DOUBLE_EQ(b.hourly_volume[8], 5e5);
}

TEST(MicrocapIndexBars, ABarUsesNoLaterPrices) {
  // Changing A's last close (day 2, 15:00) leaves every earlier bar unchanged.
  const DerivedBars a = microcap_index_bars(tiny_market(12), size_two());
  const DerivedBars b = microcap_index_bars(tiny_market(13), size_two());
  for (size_t d = 0; d < 2; ++d) {
    EXPECT_EQ(a.open[d], b.open[d]);
    EXPECT_EQ(a.close[d], b.close[d]);
  }
  EXPECT_EQ(a.open[2], b.open[2]);
  for (size_t h = 0; h < 11; ++h) EXPECT_EQ(a.hourly_close[h], b.hourly_close[h]) << h;
  EXPECT_NE(a.close[2], b.close[2]);
}

StrategyRegistry registry_with_size_two_index() {
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  registry.add_instrument({"tiny_microcap", "TINY.IDX", "size-2 micro-cap index",
                           [](const MarketData& d) { return microcap_index_bars(d, size_two()); }});
  return registry;
}

TEST(DerivedInstruments, AppendedAsATradableIndexColumn) {
  const MarketData base = tiny_market();
  const StrategyRegistry registry = registry_with_size_two_index();
  const MarketData md = with_derived_instruments(base, {"tiny_microcap"}, registry);
  ASSERT_EQ(md.instrument_count(), base.instrument_count() + 1);
  const auto id = md.find("TINY.IDX");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, base.instrument_count());
  EXPECT_EQ(md.instruments[*id].kind, InstrumentKind::Index);
  EXPECT_EQ(md.find("000001.SZ"), base.find("000001.SZ"));
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(2, *id), 1150.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Open)(2, *id), 1122.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(2, *id), 1100.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Amount)(1, *id), static_cast<float>(2e6 * (1000 + 1100) / 2));
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Close)(10, *id), 1155.0f);
  // The stocks' columns are unchanged.
  for (int32_t t = 0; t < 3; ++t)
    for (InstrumentId i = 0; i < base.instrument_count(); ++i)
      EXPECT_EQ(md.daily.field(Field::Close)(t, i), base.daily.field(Field::Close)(t, i));
  EXPECT_NE(md.fingerprint, base.fingerprint);
}

TEST(DerivedInstruments, TheMarketIsSharedNotCopied) {
  MarketData base = tiny_market();
  base.provenance.shares_observed_through = Date::from_ymd(2020, 11, 9);
  base.provenance.shares_source = "gbbq test.csv";
  const StrategyRegistry registry = registry_with_size_two_index();
  const MarketData md = with_derived_instruments(base, {"tiny_microcap"}, registry);
  // What the data can support stays known (its stale-share-capital warnings were lost before).
  EXPECT_EQ(md.provenance, base.provenance);
  const InstrumentId id = *md.find("TINY.IDX");
  for (const auto* bars : {&md.daily, &*md.hourly}) {
    const BarData& source = bars == &md.daily ? base.daily : *base.hourly;
    for (int f = 0; f < kFieldCount; ++f) {
      if (source.fields[f].empty()) continue;
      const Panel& p = bars->fields[f];
      EXPECT_EQ(p.data(), source.fields[f].data()) << "field " << f << ": the stocks' block was copied";
      EXPECT_EQ(p.stored_cols(), base.instrument_count());
      EXPECT_EQ(p.cols(), md.instrument_count());
    }
  }
  for (const auto& [name, series] : base.series) EXPECT_EQ(md.series.at(name).data(), series.data());
  // The appended column is the instrument's, and survives a dataset round trip as one contiguous block.
  const auto dir = test::make_temp_dir("derived_dataset");
  write_dataset(md, dir / "market.abtd");
  const MarketData loaded = read_dataset(dir / "market.abtd");
  EXPECT_EQ(loaded.fingerprint, compute_fingerprint(md));
  EXPECT_FALSE(loaded.has_appended_columns());
  for (int32_t t = 0; t < md.daily.rows(); ++t)
    for (InstrumentId i = 0; i <= id; ++i) {
      const float a = md.daily.field(Field::Close)(t, i), b = loaded.daily.field(Field::Close)(t, i);
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << t << "," << i;
    }
  // Adding a second instrument keeps the first one's appended column.
  StrategyRegistry two = registry_with_size_two_index();
  two.add_instrument({"tiny_second", "TWO.IDX", "the same index again",
                      [](const MarketData& d) { return microcap_index_bars(d, size_two()); }});
  const MarketData both = with_derived_instruments(md, {"tiny_second"}, two);
  EXPECT_EQ(both.daily.field(Field::Close).appended_cols(), 2);
  EXPECT_EQ(both.daily.field(Field::Close)(2, id), 1150.0f);
  EXPECT_EQ(both.daily.field(Field::Close)(2, id + 1), 1150.0f);
}

TEST(DerivedInstruments, ConfigErrorsNameTheEntry) {
  const MarketData base = tiny_market();
  const StrategyRegistry registry = registry_with_size_two_index();
  const auto message = [&](const std::vector<DerivedRef>& names) {
    try {
      with_derived_instruments(base, names, registry);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({"nope"}).find("derived_instruments[0]: unknown derived instrument 'nope'"),
            std::string::npos);
  EXPECT_NE(message({"tiny_microcap", "tiny_microcap"})
                .find("derived_instruments[1]: 'tiny_microcap' is listed twice"),
            std::string::npos);
  const MarketData once = with_derived_instruments(base, {"tiny_microcap"}, registry);
  try {
    with_derived_instruments(once, {"tiny_microcap"}, registry);
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("already has an instrument 'TINY.IDX'"), std::string::npos);
  }
  EXPECT_THROW(parse_run_config(nlohmann::json::parse(R"({"strategy": {"name": "dual_ma"},
                                                          "derived_instruments": "microcap_index"})"),
                                ""),
               ConfigError);
}

TEST(DerivedInstruments, DualMaTradesTheIndexAtItsOpenLevel) {
  // Long TINY.IDX from a cross on day 1 (fast 1 > slow 2 once the level rises), filled at day 2's open 1122.
  const StrategyRegistry registry = registry_with_size_two_index();
  const MarketData md = with_derived_instruments(tiny_market(), {"tiny_microcap"}, registry);
  RunConfig config = parse_run_config(nlohmann::json::parse(R"({
      "derived_instruments": ["tiny_microcap"],
      "strategy": {"name": "dual_ma", "params": {"symbols": ["TINY.IDX"], "fast": 1, "slow": 2}},
      "capital": 1000000})"),
                                      "");
  const RunOutput out = run_backtest(config, md, registry);
  ASSERT_EQ(out.result.fills.size(), 1u);
  const Fill& f = out.result.fills[0];
  EXPECT_EQ(f.instrument, *md.find("TINY.IDX"));
  EXPECT_NEAR(f.price, 1122.0, 1e-3);
  EXPECT_EQ(f.quantity, 891);  // units of 1: floor(1,000,000 / 1122)
  EXPECT_EQ(out.resolved_config["derived_instruments"], nlohmann::json::array({"tiny_microcap"}));
}

}  // namespace
}  // namespace abt
