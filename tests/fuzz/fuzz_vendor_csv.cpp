// Tushare tables (daily, stk_mins, adj_factor, daily_basic, stock_basic, namechange) or AkShare files, given
// as several files of one directory ("=== name.csv" lines separate them, fuzz_support.hpp).
#include "data_adapters/vendor/vendor_source.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto dir = fuzz::scratch_dir() / "vendor";
  const bool akshare = size > 0 && (data[0] & 1);
  if (!fuzz::write_files("vendor", fuzz::split_files(fuzz::as_text(data, size), "daily.csv"), ".csv"))
    return 0;
  fuzz::expect_user_errors_only([&] {
    VendorOptions o;
    o.inputs = {dir};
    o.adjust = "none";
    std::vector<std::string> notes;
    read_vendor_csv(akshare ? "akshare" : "tushare", o, &notes);
  });
  return 0;
}
