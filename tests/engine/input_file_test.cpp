// Input files are checked by type before they are read: a directory or a FIFO gets a clear error (and a
// FIFO never blocks), a missing file says so, a size limit is enforced before reading.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

template <class E = DataError>
std::string error_of(const std::filesystem::path& p, uint64_t limit = kNoInputSizeLimit) {
  try {
    read_input_file<E>(p, "a CSV file", limit);
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

TEST(InputFile, ReadsRegularFilesWhole) {
  const auto dir = test::make_temp_dir("input_file");
  std::ofstream(dir / "a.csv") << "date,close\n";
  EXPECT_EQ(read_input_file<DataError>(dir / "a.csv", "a CSV file"), "date,close\n");
  EXPECT_EQ(read_input_file<DataError>(dir / "a.csv", "a CSV file", 11), "date,close\n");
  EXPECT_EQ(error_of(dir / "a.csv", 10),
            (dir / "a.csv").string() + ": 11 bytes is more than the limit of 10 bytes for a CSV file");
}

TEST(InputFile, OtherFileTypesGetClearErrors) {
  const auto dir = test::make_temp_dir("input_file");
  EXPECT_EQ(error_of(dir), dir.string() + ": is a directory (expected a CSV file)");
  EXPECT_EQ(error_of<ConfigError>(dir / "missing.json"),
            (dir / "missing.json").string() + ": no such file (expected a CSV file)");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  // Opened non-blocking and refused by type: this returns at once (no writer ever opens the FIFO).
  EXPECT_EQ(
      error_of(dir / "fifo"),
      (dir / "fifo").string() + ": is not a regular file (a FIFO, socket or device; expected a CSV file)");
  EXPECT_THROW(require_regular_file<DataError>(dir / "fifo", "a dataset"), DataError);
  std::ofstream(dir / "f") << "x";
  EXPECT_NO_THROW(require_regular_file<DataError>(dir / "f", "a file"));
}

}  // namespace
}  // namespace abt
