// A whole qlib directory: calendars, instruments/<market>.txt and feature files given as several files
// ("=== calendars/day.txt", "=== features/SH600001/close.day.bin", ... lines, fuzz_support.hpp).
#include "data_adapters/qlib/qlib_source.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto root = fuzz::scratch_dir() / "qlib";
  if (!fuzz::write_files("qlib", fuzz::split_files(fuzz::as_text(data, size), "calendars/day.txt"))) return 0;
  std::error_code ec;
  std::filesystem::create_directories(root / "features", ec);
  const bool market = std::filesystem::exists(root / "instruments" / "csi300.txt");
  fuzz::expect_user_errors_only([&] {
    QlibOptions o;
    if (market) o.market = "csi300";
    std::vector<std::string> notes;
    read_qlib(root, o, &notes);
  });
  return 0;
}
