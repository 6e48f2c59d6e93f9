// Reference tables (share capital, ST intervals, listing dates, IPOs, index membership) applied to a small
// fixed market; the first byte picks the table.
#include "data_adapters/reference/reference_tables.hpp"
#include "fuzz_support.hpp"
#include "fuzz_support_market.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const MarketData& market = fuzz::table_market();
  if (size == 0) return 0;
  const auto file = fuzz::write_file("table.csv", fuzz::as_text(data + 1, size - 1));
  fuzz::expect_user_errors_only([&] {
    MarketData md = market;
    std::vector<std::string> notes;
    switch (data[0] % 5) {
      case 0:
        apply_share_capital(md, file, notes);
        derive_market_cap(md);
        break;
      case 1:
        apply_st_intervals(md, file, notes);
        break;
      case 2:
        apply_listing_dates(md, file, notes);
        break;
      case 3:
        apply_ipo_table(md, file, notes);
        break;
      default:
        apply_index_membership(md, file, notes);
        break;
    }
  });
  return 0;
}
