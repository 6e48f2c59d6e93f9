#pragma once
// 1-minute bars -> 60-minute bars (-> daily through the MarketDataAssembler's exact aggregation).
//
// Minute CSV: a time column `date`/`datetime` with the minute bar's END time, in "YYYY-MM-DD HH:MM[:SS]" or
// unpadded "YYYY-M-D H:M[:S]" form (seconds must be 0), then open, high, low, close, and optionally volume
// (also `vol`, or `count` as in hikyuu exports) and amount. Spaces around cells are ignored.
//
// Which minute bars make which hour bar (minute m = end time of the minute bar):
//   09:30 <= m <= 10:30 -> the bar ending 10:30   (09:31 .. 10:30; a 09:30 opening-auction print joins it)
//   10:30 <  m <= 11:30 -> the bar ending 11:30   (10:31 .. 11:30)
//   13:00 <= m <= 14:00 -> the bar ending 14:00   (13:01 .. 14:00; a 13:00 print, which some vendors use for
//                                                  the lunch-spanning first afternoon minute, joins it)
//   14:00 <  m <= 15:00 -> the bar ending 15:00   (14:01 .. 15:00)
// Anything else is outside the session and stops the import (DataError FILE:LINE).
// Aggregation: open = first, high = max, low = min, close = last, volume/amount = sum.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data_adapters/assembly/market_data_assembler.hpp"
#include "engine/core/time.hpp"

namespace abt {

struct MinuteBar {
  Timestamp end;
  double open = 0, high = 0, low = 0, close = 0, volume = 0, amount = 0;
};

/// Parses "YYYY-M-D H:M[:S]" with or without zero padding (seconds must be 0).
bool parse_loose_timestamp(std::string_view text, Timestamp& out);

/// Slot 0..3 of the hour bar a minute bar ending at `minute_of_day` belongs to, or -1 (rule above).
int hour_slot_of_minute(int minute_of_day);

/// Reads a minute CSV; bars must be strictly increasing. Throws DataError FILE:LINE.
std::vector<MinuteBar> read_minute_csv(const std::filesystem::path& path);

/// Aggregates minute bars (strictly increasing) into hour bars stamped at their end times.
std::vector<MinuteBar> resample_to_hourly(const std::vector<MinuteBar>& minutes);

/// Adds the hour bars of one minute CSV to `assembler` as 60-minute records of `symbol`.
void add_minute_csv(const std::filesystem::path& path, const std::string& symbol,
                    MarketDataAssembler& assembler);

}  // namespace abt
