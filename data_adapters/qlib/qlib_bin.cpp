#include "data_adapters/qlib/qlib_bin.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>

#include "engine/core/error.hpp"

namespace abt {
namespace {

static_assert(std::endian::native == std::endian::little, "qlib bins are read on little-endian hosts only");

std::string offset_text(uint64_t offset) {
  return "byte offset " + std::to_string(offset);
}

}  // namespace

QlibBin read_qlib_bin(const std::filesystem::path& path, int32_t calendar_size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path.string() + ": cannot open the qlib feature file");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<uint64_t>(in.tellg());
  in.seekg(0);
  const std::string file = path.string();
  if (size % 4 != 0)
    throw DataError(file + ": truncated qlib .bin: expected a multiple of 4 bytes (float32), got " +
                    std::to_string(size) + " bytes; partial value at " + offset_text(size - size % 4));
  if (size < 4)
    throw DataError(file + ": expected a float32 start index at byte offset 0, the file is empty");
  std::vector<float> all(size / 4);
  if (!in.read(reinterpret_cast<char*>(all.data()), static_cast<std::streamsize>(size)))
    throw DataError(file + ": read error");
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
