// A TDX .day file through the TDX adapter (records, dates, prices, the assembler).
#include "data_adapters/tdx/tdx_source.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto file = fuzz::write_file("sh600000.day", fuzz::as_text(data, size));
  fuzz::expect_user_errors_only([&] {
    TdxOptions o;
    o.inputs = {file};
    read_tdx(o);
  });
  return 0;
}
