// A TDX 1-minute (.lc1) file through the TDX adapter (records, resampling to 60-minute bars, assembly).
#include "data_adapters/tdx/tdx_source.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto file = fuzz::write_file("sh600000.lc1", fuzz::as_text(data, size));
  fuzz::expect_user_errors_only([&] {
    TdxOptions o;
    o.inputs = {file};
    read_tdx(o);
  });
  return 0;
}
