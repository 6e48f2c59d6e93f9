// One qlib feature file against a calendar of 1..64 entries (the first byte), for each value domain.
#include "data_adapters/qlib/qlib_bin.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  if (size == 0) return 0;
  const auto calendar_size = static_cast<int32_t>(data[0] % 64 + 1);
  const auto file = fuzz::write_file("close.day.bin", fuzz::as_text(data + 1, size - 1));
  for (const char* field : {"close", "volume", "change"})
    fuzz::expect_user_errors_only(
        [&] { read_qlib_bin(file, calendar_size, domain_of_column(field), field); });
  return 0;
}
