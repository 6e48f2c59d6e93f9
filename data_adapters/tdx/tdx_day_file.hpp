#pragma once
// One TDX (通达信) daily file `vipdoc/{sh,sz,bj}/lday/<ex><code>.day`: 32-byte little-endian records
//   uint32 date YYYYMMDD, uint32 open, high, low, close (price x 100), float32 amount (CNY),
//   uint32 volume (shares for stocks, as stored for indices), uint32 reserved.
// Prices are unadjusted.
#include <filesystem>
#include <vector>

#include "engine/core/time.hpp"

namespace abt {

inline constexpr size_t kTdxDayRecordBytes = 32;

struct TdxDayBar {
  Date date;
  double open = 0, high = 0, low = 0, close = 0;  // CNY
  double amount = 0;                              // CNY
  double volume = 0;                              // shares
};

/// Reads and checks a .day file. Throws DataError naming the file and byte offset when the size is not a
/// multiple of 32 (truncated record or wrong record size), a date is not a valid YYYYMMDD, is on a weekend or
/// outside the market-date range (engine/core/value_domain.hpp), dates are not strictly increasing, a price
/// is zero, or the amount is negative or not finite.
std::vector<TdxDayBar> read_tdx_day_file(const std::filesystem::path& path);

/// Writes a .day file (prices rounded to 0.01); used by tests and tools.
void write_tdx_day_file(const std::filesystem::path& path, const std::vector<TdxDayBar>& bars);

}  // namespace abt
