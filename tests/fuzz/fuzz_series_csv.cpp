// Series CSV (a value series or an OHLC index) attached to a small fixed market.
#include "data_adapters/csv/series_csv.hpp"
#include "data_adapters/synth/synth_market.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  static const MarketData market = [] {
    SynthConfig c;
    c.stocks = 10;
    c.start = Date::from_ymd(2024, 1, 2);
    c.end = Date::from_ymd(2024, 3, 29);
    return generate_synthetic_market(c);
  }();
  const auto file = fuzz::write_file("yield.csv", fuzz::as_text(data, size));
  fuzz::expect_user_errors_only([&] {
    MarketData md = market;
    attach_series(md, read_series_csv(file, ""));
  });
  return 0;
}
