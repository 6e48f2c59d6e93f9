// Crafted abt datasets whose checksums are valid (recomputed after the edit): header numbers that would
// overflow or narrow, stamps and offsets far outside the file, values outside their field's domain, weekend
// calendar days. Each is refused with the file, the block or header key, and what was expected.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <limits>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/crafted_dataset.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
using test::CraftedDataset;

MarketData three_days() {
  return test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600519.SH",
             {{10, 10.5, 9.9, 10.3, 300}, {10.3, 10.8, 10.3, 10.8, 200}, {10.8, 10.9, 10, 10.1, 240}})
      .build();
}

fs::path written(const std::string& name) {
  const fs::path file = test::make_temp_dir(name) / "market.abtd";
  write_dataset(three_days(), file);
  return file;
}

std::string error_of(const fs::path& file) {
  try {
    read_dataset(file);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(DatasetHardening, TheCraftingHelperKeepsAValidFileValid) {
  const fs::path file = written("ds_identity");
  CraftedDataset(file).save();
  EXPECT_EQ(error_of(file), "");
}

TEST(DatasetHardening, OffsetsFarPastTheFileAreRefusedWithoutOverflow) {
  const fs::path file = written("ds_offset");
  CraftedDataset d(file);
  d.header["blocks"][0]["offset"] = int64_t{9223372036854771712};  // 2^63 - 4096: offset + size would wrap
  d.save();
  EXPECT_NE(error_of(file).find("block 1d/open: extends past the end of the file"), std::string::npos)
      << error_of(file);
  CraftedDataset e(file);
  e.header["blocks"][0]["offset"] = uint64_t{18446744073709547520ull};  // 2^64 - 4096
  e.save();
  EXPECT_NE(error_of(file).find("expected an integer in [0, 9223372036854775807]"), std::string::npos)
      << error_of(file);
}

TEST(DatasetHardening, HeaderNumbersAreExactIntegers) {
  const fs::path file = written("ds_rows");
  CraftedDataset d(file);
  d.header["blocks"][0]["rows"] = 1e20;
  d.save();
  EXPECT_EQ(error_of(file),
            file.string() + ": header: block rows: expected an integer in [0, 2147483647], got 1e+20");
  CraftedDataset e(file);
  e.header["blocks"][0]["rows"] = 3;
  e.header["instruments"]["count"] = -1;
  e.save();
  EXPECT_EQ(error_of(file),
            file.string() + ": header: instruments.count: expected an integer in [0, 2147483647], got -1");
}

TEST(DatasetHardening, ExplicitStampsOutsideTheCalendarAreRefused) {
  const fs::path file = written("ds_stamps");
  CraftedDataset d(file);
  d.header["frequencies"]["60m"] = {{"layout", "explicit"}, {"rows", 1}, {"stamps", {INT64_MIN}}};
  d.save();
  const std::string m = error_of(file);
  EXPECT_NE(m.find("header frequency 60m stamps: expected an integer in ["), std::string::npos) << m;
  EXPECT_NE(m.find("got -9223372036854775808"), std::string::npos) << m;
}

TEST(DatasetHardening, WeekendCalendarDaysAreRefused) {
  const fs::path file = written("ds_weekend");
  CraftedDataset d(file);
  d.header["calendar"][2] = 20240106;
  d.save();
  EXPECT_EQ(error_of(file),
            file.string() + ": header calendar: 2024-01-06 is a Saturday (A-shares never trade on weekends)");
}

TEST(DatasetHardening, ValuesOutsideTheirDomainAreRefusedEvenWithValidChecksums) {
  const fs::path file = written("ds_values");
  CraftedDataset d(file);
  d.set_value("volume", 1, -5.0f);
  d.save();
  EXPECT_EQ(error_of(file),
            file.string() +
                ": block 1d/volume: row 1 (2024-01-03 15:00), column 0 (600519.SH): expected a "
                "non-negative number or NaN (no value), got -5");
  CraftedDataset e(file);
  e.set_value("volume", 1, 200.0f);
  e.set_value("close", 2, std::numeric_limits<float>::infinity());
  e.save();
  EXPECT_NE(error_of(file).find(
                "block 1d/close: row 2 (2024-01-04 15:00), column 0 (600519.SH): expected a positive "
                "price or NaN (no value), got inf"),
            std::string::npos)
      << error_of(file);
}

TEST(DatasetHardening, TheWriterRefusesValuesOutsideTheirDomain) {
  MarketData md = three_days();
  md.daily.fields[static_cast<int>(Field::TotalShares)] = md.adopt({1e9f, -1.0f, 1e9f}, 3, 1);
  const fs::path file = test::make_temp_dir("ds_write") / "market.abtd";
  try {
    write_dataset(md, file);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              file.string() +
                  ": refusing to write invalid market data: block 1d/total_shares: row 1 (2024-01-03 15:00), "
                  "column "
                  "0 (600519.SH): expected a non-negative number or NaN (no value), got -1");
  }
  EXPECT_FALSE(fs::exists(file));
}

TEST(DatasetHardening, DirectoriesAndFifosAreRefusedByType) {
  const fs::path dir = test::make_temp_dir("ds_types");
  fs::create_directories(dir / "x" / "market.abtd");  // a directory where the file belongs
  EXPECT_EQ(error_of(dir / "x"),
            (dir / "x" / "market.abtd").string() + ": is a directory (expected an abt dataset file)");
  ASSERT_EQ(::mkfifo((dir / "fifo.abtd").c_str(), 0600), 0);
  EXPECT_EQ(error_of(dir / "fifo.abtd"),
            (dir / "fifo.abtd").string() + ": is not a regular file (expected an abt dataset file)");
}

}  // namespace
}  // namespace abt
