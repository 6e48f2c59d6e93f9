// 1-minute CSV bars resampled to 60-minute bars and assembled (daily bars aggregated from them).
#include "data_adapters/assembly/market_data_assembler.hpp"
#include "data_adapters/resample/minute_bars.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto file = fuzz::write_file("000001.SH.csv", fuzz::as_text(data, size));
  fuzz::expect_user_errors_only([&] {
    MarketDataAssembler a;
    add_minute_csv(file, "000001.SH", a);
    a.build("fuzz");
  });
  return 0;
}
