#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "synth_test_market.hpp"

namespace abt {
namespace {

TEST(SynthHourly, HourlyBarsAggregateExactlyToDailyBars) {
  const MarketData& md = test::small_synth_market();
  ASSERT_TRUE(md.hourly.has_value());
  const BarData& h = *md.hourly;
  ASSERT_EQ(h.rows(), md.calendar.size() * 4);
  auto hf = [&](Field f, int32_t r, int32_t i) { return h.field(f)(r, i); };
  auto df = [&](Field f, int32_t t, int32_t i) { return md.daily.field(f)(t, i); };
  long checked = 0;
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    const bool stock = md.instruments[i].kind == InstrumentKind::Stock;
    for (int32_t t = 0; t < md.calendar.size(); ++t) {
      const int32_t r0 = h.day_begin[t];
      if (std::isnan(df(Field::Close, t, i))) {
        for (int s = 0; s < 4; ++s) ASSERT_TRUE(std::isnan(hf(Field::Close, r0 + s, i)));
        continue;
      }
      float high = -1e30f, low = 1e30f, volume = 0;
      double amount = 0;
      for (int s = 0; s < 4; ++s) {
        const float o = hf(Field::Open, r0 + s, i), hi = hf(Field::High, r0 + s, i),
                    lo = hf(Field::Low, r0 + s, i), c = hf(Field::Close, r0 + s, i);
        ASSERT_GE(hi, std::max(o, c));
        ASSERT_LE(lo, std::min(o, c));
        if (stock) {
          for (float x : {o, hi, lo, c})
            ASSERT_EQ(static_cast<float>(std::llround(static_cast<double>(x) * 100.0) / 100.0), x);
          ASSERT_EQ(std::fmod(hf(Field::Volume, r0 + s, i), 100.0f), 0.0f);
        }
        high = std::max(high, hi);
        low = std::min(low, lo);
        volume += hf(Field::Volume, r0 + s, i);
        amount += hf(Field::Amount, r0 + s, i);
      }
      ASSERT_EQ(hf(Field::Open, r0, i), df(Field::Open, t, i)) << md.instruments[i].symbol << " t=" << t;
      ASSERT_EQ(hf(Field::Close, r0 + 3, i), df(Field::Close, t, i))
          << md.instruments[i].symbol << " t=" << t;
      ASSERT_EQ(high, df(Field::High, t, i)) << md.instruments[i].symbol << " t=" << t;
      ASSERT_EQ(low, df(Field::Low, t, i)) << md.instruments[i].symbol << " t=" << t;
      if (stock) {
        ASSERT_EQ(volume, df(Field::Volume, t, i)) << "exact in float32";
        ASSERT_NEAR(amount, df(Field::Amount, t, i), 1e-6 * df(Field::Amount, t, i) + 1.0);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 150000);
}

}  // namespace
}  // namespace abt
