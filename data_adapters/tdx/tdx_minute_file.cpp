#include "data_adapters/tdx/tdx_minute_file.hpp"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

constexpr size_t kRecordBytes = 32;

template <class T>
T load(const unsigned char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

}  // namespace

std::vector<MinuteBar> read_tdx_minute_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  const std::string bytes = read_input_file<DataError>(path, "a TDX minute file (.lc1 / .lc5)");
  if (bytes.size() % kRecordBytes != 0)
    throw DataError(file + ": expected 32-byte minute records, got " + std::to_string(bytes.size()) +
                    " bytes (not a multiple of 32): truncated record at byte offset " +
                    std::to_string(bytes.size() - bytes.size() % kRecordBytes));
  std::vector<MinuteBar> bars;
  const auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t off = 0; off < bytes.size(); off += kRecordBytes) {
    const unsigned char* p = base + off;
    const std::string at = file + ": byte offset " + std::to_string(off);
    const uint16_t d = load<uint16_t>(p), minutes = load<uint16_t>(p + 2);
    const int year = d / 2048 + 2004, month = (d % 2048) / 100, day = (d % 2048) % 100;
    Date date;
    char iso[16];
    std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d", year, month, day);
    if (!Date::try_parse(iso, date))
      throw DataError(at + ": expected a packed date, got " + std::to_string(d) + " (" + iso + ")");
    if (const auto problem = market_date_problem(date)) throw DataError(at + ": " + *problem);
    if (hour_slot_of_minute(minutes) < 0)
      throw DataError(at + ": expected a bar end time inside the session, got minute " +
                      std::to_string(minutes));
    MinuteBar b;
    b.end = Timestamp::of(date, minutes / 60, minutes % 60);
    if (!bars.empty() && !(bars.back().end < b.end))
      throw DataError(at + ": expected increasing times, got " + b.end.to_string() + " after " +
                      bars.back().end.to_string());
    b.open = load<float>(p + 4);
    b.high = load<float>(p + 8);
    b.low = load<float>(p + 12);
    b.close = load<float>(p + 16);
    b.amount = load<float>(p + 20);
    b.volume = load<uint32_t>(p + 24);
    const double values[5] = {b.open, b.high, b.low, b.close, b.amount};
    const char* names[5] = {"open", "high", "low", "close", "amount"};
    for (int k = 0; k < 5; ++k)
      if (std::isnan(values[k]) || binary_value_problem(values[k], domain_of_column(names[k]), names[k]))
        throw DataError(at + ": " + names[k] + ": expected " +
                        expected_value(domain_of_column(names[k]), names[k]) + ", got " +
                        std::to_string(values[k]));
    bars.push_back(b);
  }
  return bars;
}

void write_tdx_minute_file(const std::filesystem::path& path, const std::vector<MinuteBar>& bars) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const MinuteBar& b : bars) {
    int y = 0, m = 0, d = 0;
    b.end.date().to_ymd(y, m, d);
    const auto date = static_cast<uint16_t>((y - 2004) * 2048 + m * 100 + d);
    const auto minutes = static_cast<uint16_t>(b.end.minute_of_day());
    const float f[5] = {static_cast<float>(b.open), static_cast<float>(b.high), static_cast<float>(b.low),
                        static_cast<float>(b.close), static_cast<float>(b.amount)};
    const uint32_t tail[2] = {static_cast<uint32_t>(b.volume), 0};
    out.write(reinterpret_cast<const char*>(&date), 2);
    out.write(reinterpret_cast<const char*>(&minutes), 2);
    out.write(reinterpret_cast<const char*>(f), sizeof(f));
    out.write(reinterpret_cast<const char*>(tail), sizeof(tail));
  }
  if (!out) throw DataError(path.string() + ": cannot write");
}

}  // namespace abt
