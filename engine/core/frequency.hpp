#pragma once
// Bar frequencies and the A-share session layout.
// 60-minute bars end at 10:30, 11:30, 14:00, 15:00 (no lunch bar); the daily bar closes at 15:00 after the
// 15:00 hourly bar.
#include <array>
#include <optional>
#include <string_view>

#include "engine/core/time.hpp"

namespace abt {

enum class Frequency : uint8_t { Daily = 0, Min60 = 1 };
inline constexpr int kFrequencyCount = 2;

/// "1d" / "60m".
std::string_view frequency_name(Frequency f);
/// Accepts "1d", "daily", "60m", "60min", "hourly".
std::optional<Frequency> parse_frequency(std::string_view text);

/// Number of hourly bars per trading day.
inline constexpr int kHourlyBarsPerDay = 4;
/// Close (end) time of each hourly bar, minutes after midnight: 10:30, 11:30, 14:00, 15:00.
inline constexpr std::array<int, kHourlyBarsPerDay> kHourlyBarEnd = {10 * 60 + 30, 11 * 60 + 30, 14 * 60,
                                                                     15 * 60};
/// Open (start) time of each hourly bar: 09:30, 10:30, 13:00, 14:00.
inline constexpr std::array<int, kHourlyBarsPerDay> kHourlyBarStart = {9 * 60 + 30, 10 * 60 + 30, 13 * 60,
                                                                       14 * 60};
inline constexpr int kSessionOpenMinute = 9 * 60 + 30;
inline constexpr int kSessionCloseMinute = 15 * 60;

/// Index 0..3 of the hourly bar ending at `minute_of_day`, or -1 when no bar ends then.
int hourly_slot_of(int minute_of_day);

}  // namespace abt
