#pragma once
// One qlib feature file (`features/<code>/<field>.<freq>.bin`): little-endian float32; element 0 is the
// index of the first value in the frequency's calendar, elements 1.. are one value per consecutive
// calendar entry.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace abt {

struct QlibBin {
  int32_t start = 0;          // calendar index of values[0]
  std::vector<float> values;  // values[k] belongs to calendar entry start + k
};

/// Reads and checks a .bin file against a calendar of `calendar_size` entries. Throws DataError naming the
/// file and byte offset when the size is not a multiple of 4, the file has no start index, the start index
/// is not an integer in [0, calendar_size), or the values run past the end of the calendar.
QlibBin read_qlib_bin(const std::filesystem::path& path, int32_t calendar_size);

/// Writes a .bin file (used by tests and tools): start index then the values.
void write_qlib_bin(const std::filesystem::path& path, int32_t start, const std::vector<float>& values);

}  // namespace abt
