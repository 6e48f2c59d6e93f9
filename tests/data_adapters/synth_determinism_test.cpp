#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>

#include "data_adapters/synth/det_math.hpp"
#include "data_adapters/synth/synth_calendar.hpp"
#include "data_adapters/synth/synth_market.hpp"
#include "data_adapters/synth/synth_rng.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

SynthConfig tiny_config(uint64_t seed, bool hourly = false) {
  SynthConfig c;
  c.stocks = 120;
  c.start = Date::from_ymd(2020, 1, 1);
  c.end = Date::from_ymd(2020, 12, 31);
  c.seed = seed;
  c.hourly = hourly;
  return c;
}

TEST(SynthDeterminism, SameSeedSameFingerprintDifferentSeedDifferent) {
  const MarketData a = generate_synthetic_market(tiny_config(42));
  const MarketData b = generate_synthetic_market(tiny_config(42));
  const MarketData c = generate_synthetic_market(tiny_config(43));
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.fingerprint, compute_fingerprint(a));
  EXPECT_NE(a.fingerprint, c.fingerprint);
  EXPECT_EQ(a.source, "synthetic: stocks=120 seed=42 2020-01-01..2020-12-31");
}

TEST(SynthDeterminism, DailyDataDoesNotDependOnTheHourlyFlag) {
  const MarketData daily = generate_synthetic_market(tiny_config(5, false));
  const MarketData both = generate_synthetic_market(tiny_config(5, true));
  ASSERT_TRUE(both.hourly.has_value());
  for (int f = 0; f < kFieldCount; ++f) {
    const Panel& p = daily.daily.fields[f];
    const Panel& q = both.daily.fields[f];
    ASSERT_EQ(p.rows() * p.cols(), q.rows() * q.cols());
    // Indices are rebuilt from hourly bars only for the hourly extreme bars: compare the stock columns.
    for (int32_t r = 0; r < p.rows(); ++r)
      EXPECT_EQ(std::memcmp(p.row(r).data(), q.row(r).data(), sizeof(float) * 120), 0)
          << field_name(Field(f));
  }
}

TEST(SynthDeterminism, OwnMathMatchesLibmClosely) {
  for (double x : {1e-9, 0.001, 0.3, 0.7071, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e12})
    EXPECT_NEAR(synth::det_log(x), std::log(x), 1e-14 * std::max(1.0, std::fabs(std::log(x)))) << x;
  for (double x : {-30.0, -2.5, -0.1, 0.0, 0.2, 1.0, 3.3, 25.0})
    EXPECT_NEAR(synth::det_exp(x) / std::exp(x), 1.0, 1e-14) << x;
}

TEST(SynthDeterminism, RngStreamsAreFixedAndIndependent) {
  synth::SynthRng a(42, synth::Stream::StockDaily, 0), b(42, synth::Stream::StockDaily, 0);
  synth::SynthRng c(42, synth::Stream::StockDaily, 1);
  double mean = 0, var = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
    const double z = a.normal();
    b.normal();
    mean += z;
    var += z * z;
  }
  EXPECT_NEAR(mean / n, 0.0, 0.03);
  EXPECT_NEAR(var / n, 1.0, 0.04);
}

TEST(SynthDeterminism, RejectsBadConfig) {
  SynthConfig c = tiny_config(1);
  c.stocks = 0;
  EXPECT_THROW(generate_synthetic_market(c), ConfigError);
  c = tiny_config(1);
  c.end = c.start;  // a holiday: no trading day
  EXPECT_THROW(generate_synthetic_market(c), ConfigError);
}

TEST(SynthCalendar, RealisticTradingDaysAndHolidays) {
  const TradingCalendar cal =
      synth::make_exchange_calendar(Date::from_ymd(2015, 1, 1), Date::from_ymd(2024, 12, 31));
  std::map<int, int> per_year;
  for (Date d : cal.days()) {
    EXPECT_LT(d.weekday(), 5) << d.to_string();
    ++per_year[d.year()];
  }
  for (const auto& [year, n] : per_year) {
    EXPECT_GE(n, 240) << year;
    EXPECT_LE(n, 246) << year;
  }
  for (const char* closed :
       {"2015-01-01", "2024-01-01", "2024-02-12", "2024-02-15", "2023-01-24", "2019-05-01", "2024-05-03",
        "2024-04-04", "2024-06-10", "2024-09-17", "2024-10-01", "2024-10-07"})
    EXPECT_FALSE(cal.index_of(Date::parse(closed)).has_value()) << closed;
  for (const char* open : {"2024-01-02", "2024-02-19", "2024-10-08", "2019-05-06", "2024-09-18"})
    EXPECT_TRUE(cal.index_of(Date::parse(open)).has_value()) << open;
}

}  // namespace
}  // namespace abt
