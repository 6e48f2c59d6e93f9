// The target_weights table (date,symbol,weight) against a small fixed market and its symbols.
#include "fuzz_support.hpp"
#include "fuzz_support_market.hpp"
#include "strategies/target_weights/weights_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const MarketData& market = fuzz::table_market();
  const std::string_view text = fuzz::as_text(data, size);
  fuzz::expect_user_errors_only([&] {
    parse_weights_table(
        text, "weights.csv", market.calendar, [&](std::string_view s) { return market.find(s); }, 1e-6);
  });
  return 0;
}
