// The decoded TDX gbbq table: reading, then factors and share capital derived for every symbol it names on
// a fixed series of bars.
#include "data_adapters/tdx/gbbq_table.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const auto file = fuzz::write_file("gbbq.csv", fuzz::as_text(data, size));
  static const std::vector<Date> dates = [] {
    std::vector<Date> d;
    for (Date day = Date::from_ymd(2020, 1, 6); d.size() < 40; day = day + 1)
      if (day.weekday() < 5) d.push_back(day);
    return d;
  }();
  static const std::vector<double> close(40, 10.0);
  fuzz::expect_user_errors_only([&] {
    const GbbqTable table = GbbqTable::read(file);
    for (const char* symbol : {"600000.SH", "000001.SZ", "830799.BJ"})
      GbbqTable::derive(dates, close, table.events(symbol));
  });
  return 0;
}
