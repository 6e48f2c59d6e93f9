// Panel CSV (long format, one file per symbol, 60-minute bars) through the assembler, then the dataset
// writer and reader on the result.
#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/csv/panel_csv.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto text = fuzz::as_text(data, size);
  // The first byte picks the file name: a long-format file or one file per symbol (the stem is the symbol).
  const std::string name = size > 0 && (data[0] & 1) ? "600519.SH.csv" : "bars.csv";
  const auto file = fuzz::write_file(name, text);
  fuzz::expect_user_errors_only([&] {
    const MarketData md = load_panel_csv({file});
    write_dataset(md, fuzz::scratch_dir() / "panel.abtd");
    read_dataset(fuzz::scratch_dir() / "panel.abtd");
  });
  return 0;
}
