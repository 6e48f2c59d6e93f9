// qlib inputs validated where they enter: factor and value domains with file and byte offset, market-date
// calendars, the start/end intervals of instruments/<market>.txt, and file types (a directory or a FIFO
// where a file is expected).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cmath>
#include <fstream>

#include "data_adapters/qlib/qlib_bin.hpp"
#include "data_adapters/qlib/qlib_source.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::write_text;

/// Five days (2024-01-02 .. 2024-01-08), SH600001 and SZ000002 with OHLC on every day, factor 1.
fs::path make_dir(const std::string& name) {
  const fs::path root = test::make_temp_dir(name);
  write_text(root / "calendars" / "day.txt", "2024-01-02\n2024-01-03\n2024-01-04\n2024-01-05\n2024-01-08\n");
  for (const char* code : {"SH600001", "SZ000002"}) {
    const fs::path f = root / "features" / code;
    fs::create_directories(f);
    for (const char* price : {"open", "high", "low", "close"})
      write_qlib_bin(f / (std::string(price) + ".day.bin"), 0, {10, 11, 12, 13, 14});
    write_qlib_bin(f / "volume.day.bin", 0, {100, 100, 100, 100, 100});
    write_qlib_bin(f / "factor.day.bin", 0, {1, 1, 1, 1, 1});
  }
  return root;
}

std::string error_of(const fs::path& root, const QlibOptions& o = {}) {
  try {
    read_qlib(root, o);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(QlibInput, ZeroOrNegativeValuesNameTheFileAndOffset) {
  const fs::path root = make_dir("qlib_values");
  const fs::path factor = root / "features" / "SH600001" / "factor.day.bin";
  write_qlib_bin(factor, 0, {1, 1, 0, 1, 1});
  EXPECT_EQ(error_of(root),
            factor.string() +
                ": byte offset 12 (calendar entry 2): expected a positive adjustment factor or NaN "
                "(no value), got 0");
  write_qlib_bin(factor, 0, {1, 1, 1, -2, 1});
  EXPECT_NE(error_of(root).find("byte offset 16 (calendar entry 3): expected a positive adjustment factor"),
            std::string::npos);
  write_qlib_bin(factor, 0, {1, 1, 1, 1, 1});
  const fs::path volume = root / "features" / "SZ000002" / "volume.day.bin";
  write_qlib_bin(volume, 1, {100, -1, 100, 100});
  EXPECT_EQ(error_of(root),
            volume.string() +
                ": byte offset 8 (calendar entry 2): expected a non-negative number or NaN (no "
                "value), got -1");
  write_qlib_bin(volume, 0, {100, 100, 100, 100, std::numeric_limits<float>::infinity()});
  EXPECT_NE(error_of(root).find("byte offset 20 (calendar entry 4)"), std::string::npos);
}

TEST(QlibInput, MarketFileIntervalsAreHonoured) {
  const fs::path root = make_dir("qlib_intervals");
  // 600001 is in the market on days 0-1 and 4; 000002 on days 2-4.
  write_text(root / "instruments" / "csi300.txt",
             "SH600001\t2024-01-02\t2024-01-03\nSZ000002\t2024-01-04\t2024-01-08\nSH600001\t2024-01-08\t2024-"
             "01-08\n");
  QlibOptions o;
  o.market = "csi300";
  const MarketData md = read_qlib(root, o);
  ASSERT_EQ(md.instrument_count(), 2);
  const Panel& close = md.daily.field(Field::Close);
  const int z = 0, s = 1;  // 000002.SZ, 600001.SH
  const bool s_present[] = {true, true, false, false, true};
  const bool z_present[] = {false, false, true, true, true};
  for (int t = 0; t < 5; ++t) {
    EXPECT_EQ(!std::isnan(close(t, s)), s_present[t]) << t;
    EXPECT_EQ(!std::isnan(close(t, z)), z_present[t]) << t;
    EXPECT_EQ(!std::isnan(md.daily.field(Field::Volume)(t, s)), s_present[t]) << t;
  }
  EXPECT_EQ(md.instruments[z].list_date, Date::from_ymd(2024, 1, 4));
  EXPECT_EQ(md.instruments[s].list_date, Date::min());
  // A code alone on a line keeps the whole calendar.
  write_text(root / "instruments" / "csi300.txt", "SH600001\n");
  EXPECT_FALSE(std::isnan(read_qlib(root, o).daily.field(Field::Close)(3, 0)));
}

TEST(QlibInput, BadInstrumentLinesAndCalendarsNameTheLine) {
  const fs::path root = make_dir("qlib_lines");
  const fs::path list = root / "instruments" / "all.txt";
  write_text(list, "SH600001\t2024-01-05\t2024-01-02\n");
  EXPECT_EQ(error_of(root), list.string() + ":1: expected end >= start, got 2024-01-02 < 2024-01-05");
  write_text(list, "SH600001\t2024-01-05\n");
  EXPECT_EQ(error_of(root), list.string() +
                                ":1: expected CODE<TAB>start<TAB>end with a code like SH600519, got "
                                "'SH600001\t2024-01-05'");
  fs::remove(list);
  const fs::path calendar = root / "calendars" / "day.txt";
  write_text(calendar, "2024-01-02\n2024-01-06\n");
  EXPECT_EQ(error_of(root),
            calendar.string() + ":2: 2024-01-06 is a Saturday (A-shares never trade on weekends)");
  write_text(calendar, "1900-01-02\n2024-01-02\n");
  EXPECT_EQ(error_of(root),
            calendar.string() + ":1: 1900-01-02 is outside the market-date range 1990-12-19 .. 2100-12-31");
}

TEST(QlibInput, DirectoriesAndFifosWhereFilesBelong) {
  const fs::path root = make_dir("qlib_types");
  const fs::path bin = root / "features" / "SH600001" / "open.day.bin";
  fs::remove(bin);
  fs::create_directories(bin);  // a directory named like a feature file
  EXPECT_EQ(error_of(root), bin.string() + ": is a directory (expected a qlib feature file (float32 .bin))");
  fs::remove(bin);
  write_qlib_bin(bin, 0, {10, 11, 12, 13, 14});
  const fs::path calendar = root / "calendars" / "day.txt";
  fs::remove(calendar);
  ASSERT_EQ(::mkfifo(calendar.c_str(), 0600), 0);
  // Refused by its type without blocking on the FIFO.
  EXPECT_EQ(error_of(root),
            calendar.string() + ": is not a regular file (a FIFO, socket or device; expected a CSV file)");
}

}  // namespace
}  // namespace abt
