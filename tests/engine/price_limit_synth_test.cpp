// Cross-check of the engine's price limits against the synthetic market (which models the same rules
// independently): every high and low of every listed stock day lies inside the engine's band.
#include <gtest/gtest.h>

#include <cmath>

#include "data_adapters/synth_test_market.hpp"
#include "engine/execution/price_limit.hpp"
#include "engine/execution/tick.hpp"

namespace abt::test {
namespace {

TEST(PriceLimitSynth, EverySyntheticBarLiesInsideTheEnginesBand) {
  const MarketData& md = small_synth_market();
  const Panel &high = md.daily.field(Field::High), &low = md.daily.field(Field::Low),
              &pre = md.daily.field(Field::PreClose), &st = md.daily.field(Field::IsST);
  int64_t checked = 0, at_limit = 0;
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    const Instrument& ins = md.instruments[i];
    if (ins.kind != InstrumentKind::Stock) continue;
    const bool seasoned = ins.list_date < md.calendar.day(0);
    const int32_t first = seasoned ? -1'000'000 : md.calendar.lower_bound(ins.list_date);
    for (int32_t t = 0; t < md.calendar.size(); ++t) {
      if (std::isnan(high(t, i))) continue;
      const LimitBand b = PriceLimitCalculator::band(ins, md.calendar.day(t), t - first + 1, st(t, i) > 0.5f,
                                                     to_trade_price(pre(t, i), true));
      if (!b.limited) continue;
      const double h = to_trade_price(high(t, i), true), l = to_trade_price(low(t, i), true);
      ASSERT_LE(h, b.up + 1e-9) << ins.symbol << " " << md.calendar.day(t).to_string();
      ASSERT_GE(l, b.down - 1e-9) << ins.symbol << " " << md.calendar.day(t).to_string();
      ++checked;
      if (h == b.up || l == b.down) ++at_limit;
    }
  }
  EXPECT_GT(checked, 100'000);
  EXPECT_GT(at_limit, 100);  // limits are actually reached, so the check has teeth
}

}  // namespace
}  // namespace abt::test
