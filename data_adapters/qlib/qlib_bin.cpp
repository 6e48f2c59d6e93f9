#include "data_adapters/qlib/qlib_bin.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"

namespace abt {
namespace {

static_assert(std::endian::native == std::endian::little, "qlib bins are read on little-endian hosts only");

std::string offset_text(uint64_t offset) {
  return "byte offset " + std::to_string(offset);
}

}  // namespace

QlibBin read_qlib_bin(const std::filesystem::path& path, int32_t calendar_size, ValueDomain domain,
                      std::string_view field) {
  const std::string bytes = read_input_file<DataError>(path, "a qlib feature file (float32 .bin)");
  const uint64_t size = bytes.size();
  const std::string file = path.string();
  if (size % 4 != 0)
    throw DataError(file + ": truncated qlib .bin: expected a multiple of 4 bytes (float32), got " +
                    std::to_string(size) + " bytes; partial value at " + offset_text(size - size % 4));
  if (size < 4)
    throw DataError(file + ": expected a float32 start index at byte offset 0, the file is empty");
  std::vector<float> all(size / 4);
  std::memcpy(all.data(), bytes.data(), size);
  const float start = all[0];
  if (!(start >= 0) || start != std::floor(start) || start >= static_cast<float>(calendar_size))
    throw DataError(file + ": " + offset_text(0) + ": expected a start index in [0, " +
                    std::to_string(calendar_size) + ") (the calendar has " + std::to_string(calendar_size) +
                    " entries), got " + std::to_string(start));
  QlibBin out;
  out.start = static_cast<int32_t>(start);
  const uint64_t count = all.size() - 1;
  if (static_cast<uint64_t>(out.start) + count > static_cast<uint64_t>(calendar_size))
    throw DataError(file + ": " + offset_text(4 * (1 + static_cast<uint64_t>(calendar_size - out.start))) +
                    ": expected at most " + std::to_string(calendar_size - out.start) +
                    " values after start index " + std::to_string(out.start) +
                    " (end of the calendar), got " + std::to_string(count));
  out.values.assign(all.begin() + 1, all.end());
  for (size_t k = 0; k < out.values.size(); ++k)
    if (const auto problem = binary_value_problem(out.values[k], domain, field))
      throw DataError(file + ": " + offset_text(4 * (k + 1)) + " (calendar entry " +
                      std::to_string(out.start + static_cast<int64_t>(k)) + "): " + *problem);
  return out;
}

void write_qlib_bin(const std::filesystem::path& path, int32_t start, const std::vector<float>& values) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const float s = static_cast<float>(start);
  out.write(reinterpret_cast<const char*>(&s), 4);
  out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * 4));
  if (!out) throw DataError(path.string() + ": cannot write");
}

}  // namespace abt
