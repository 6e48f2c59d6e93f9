#pragma once
// TDX minute files `vipdoc/{sh,sz,bj}/minline/*.lc1` (1-minute) and `fzline/*.lc5` (5-minute): 32-byte
// little-endian records
//   uint16 date (year = v / 2048 + 2004, month = (v % 2048) / 100, day = (v % 2048) % 100),
//   uint16 bar end time in minutes after midnight, float32 open, high, low, close, float32 amount (CNY),
//   uint32 volume (shares), uint32 reserved.
// Prices are unadjusted. The bars are aggregated to 60-minute bars with the minute rule of
// resample/minute_bars.hpp (a 5-minute bar ending 10:30 belongs to the 10:30 bar, one ending 10:35 to 11:30).
#include <filesystem>
#include <vector>

#include "data_adapters/resample/minute_bars.hpp"

namespace abt {

/// Reads and checks a .lc1/.lc5 file. Throws DataError naming the file and byte offset when the size is not
/// a multiple of 32, a date or time is invalid or outside the session, stamps are not strictly increasing, or
/// a price is not positive and finite or the amount negative or not finite; dates are market dates
/// (value_domain.hpp: weekdays in 1990-12-19 .. 2100-12-31).
std::vector<MinuteBar> read_tdx_minute_file(const std::filesystem::path& path);

/// Writes a .lc1/.lc5 file (used by tests and tools).
void write_tdx_minute_file(const std::filesystem::path& path, const std::vector<MinuteBar>& bars);

}  // namespace abt
