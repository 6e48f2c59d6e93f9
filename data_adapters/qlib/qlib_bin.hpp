#pragma once
// One qlib feature file (`features/<code>/<field>.<freq>.bin`): little-endian float32; element 0 is the
// index of the first value in the frequency's calendar, elements 1.. are one value per consecutive
// calendar entry.
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "engine/core/value_domain.hpp"

namespace abt {

struct QlibBin {
  int32_t start = 0;          // calendar index of values[0]
  std::vector<float> values;  // values[k] belongs to calendar entry start + k
};

/// Reads and checks a .bin file against a calendar of `calendar_size` entries. Throws DataError naming the
/// file and byte offset when it is not a regular file, the size is not a multiple of 4, the file has no
/// start index, the start index is not an integer in [0, calendar_size), the values run past the end of
/// the calendar, or a value is neither NaN (no value) nor in `domain` (engine/core/value_domain.hpp; `field`
/// words the message: a zero or negative factor, an infinite price, a negative volume).
QlibBin read_qlib_bin(const std::filesystem::path& path, int32_t calendar_size,
                      ValueDomain domain = ValueDomain::Finite, std::string_view field = "value");

/// Writes a .bin file (used by tests and tools): start index then the values.
void write_qlib_bin(const std::filesystem::path& path, int32_t start, const std::vector<float>& values);

}  // namespace abt
