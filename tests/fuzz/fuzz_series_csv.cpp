// Series CSV (a value series or an OHLC index) attached to a small fixed market.
#include "data_adapters/csv/series_csv.hpp"
#include "fuzz_support.hpp"
#include "fuzz_support_market.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const MarketData& market = fuzz::table_market();
  const auto file = fuzz::write_file("yield.csv", fuzz::as_text(data, size));
  fuzz::expect_user_errors_only([&] {
    MarketData md = market;
    attach_series(md, read_series_csv(file, ""));
  });
  return 0;
}
