#include "data_adapters/tdx/tdx_day_file.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

static_assert(std::endian::native == std::endian::little, "TDX files are read on little-endian hosts only");

uint32_t u32(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

float f32(const unsigned char* p) {
  float v;
  std::memcpy(&v, p, 4);
  return v;
}

}  // namespace

std::vector<TdxDayBar> read_tdx_day_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  const std::string bytes = read_input_file<DataError>(path, "a TDX .day file");
  const size_t size = bytes.size();
  if (size % kTdxDayRecordBytes != 0)
    throw DataError(file + ": expected 32-byte .day records, got " + std::to_string(size) +
                    " bytes (not a multiple of 32): truncated record or wrong record size at byte offset " +
                    std::to_string(size - size % kTdxDayRecordBytes));
  std::vector<TdxDayBar> bars;
  bars.reserve(size / kTdxDayRecordBytes);
  const auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t off = 0; off < size; off += kTdxDayRecordBytes) {
    const unsigned char* p = base + off;
    const std::string at = file + ": byte offset " + std::to_string(off) + " (record " +
                           std::to_string(off / kTdxDayRecordBytes + 1) + ")";
    const uint32_t ymd = u32(p);
    const int y = static_cast<int>(ymd / 10000), m = static_cast<int>(ymd / 100 % 100),
              d = static_cast<int>(ymd % 100);
    TdxDayBar b;
    const std::string text = std::to_string(ymd);
    if (ymd < 19000101 || ymd > 21001231 || !Date::try_parse(text, b.date) ||
        b.date != Date::from_ymd(y, m, d))
      throw DataError(at + ": expected a date YYYYMMDD, got " + text +
                      " (not a .day file, or a wrong record size?)");
    if (const auto problem = market_date_problem(b.date)) throw DataError(at + ": " + *problem);
    if (!bars.empty() && !(bars.back().date < b.date))
      throw DataError(at + ": expected dates in increasing order, got " + b.date.to_string() + " after " +
                      bars.back().date.to_string());
    b.open = u32(p + 4) / 100.0;
    b.high = u32(p + 8) / 100.0;
    b.low = u32(p + 12) / 100.0;
    b.close = u32(p + 16) / 100.0;
    b.amount = f32(p + 20);
    b.volume = u32(p + 24);
    if (!(b.open > 0 && b.high > 0 && b.low > 0 && b.close > 0))
      throw DataError(at + ": expected positive prices, got open " + std::to_string(b.open) + " high " +
                      std::to_string(b.high) + " low " + std::to_string(b.low) + " close " +
                      std::to_string(b.close));
    if (std::isnan(b.amount) || binary_value_problem(b.amount, ValueDomain::NonNegative, "amount"))
      throw DataError(at + ": amount: expected a non-negative number, got " + std::to_string(f32(p + 20)));
    bars.push_back(b);
  }
  return bars;
}

void write_tdx_day_file(const std::filesystem::path& path, const std::vector<TdxDayBar>& bars) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const TdxDayBar& b : bars) {
    const uint32_t words[8] = {static_cast<uint32_t>(b.date.yyyymmdd()),
                               static_cast<uint32_t>(std::lround(b.open * 100)),
                               static_cast<uint32_t>(std::lround(b.high * 100)),
                               static_cast<uint32_t>(std::lround(b.low * 100)),
                               static_cast<uint32_t>(std::lround(b.close * 100)),
                               std::bit_cast<uint32_t>(static_cast<float>(b.amount)),
                               static_cast<uint32_t>(std::llround(b.volume)),
                               0};
    out.write(reinterpret_cast<const char*>(words), sizeof(words));
  }
  if (!out) throw DataError(path.string() + ": cannot write");
}

}  // namespace abt
