#pragma once
// A-share daily price-limit rules used by the generator (market-rules.md, "Daily price limits"). Prices are
// integer cents (0.01 CNY ticks) so limit prices are computed exactly:
//   limit_up = round_half_up(preclose * (1 + pct)), limit_down = round_half_up(preclose * (1 - pct)).
#include <cstdint>

#include "engine/core/time.hpp"
#include "engine/data/board.hpp"

namespace abt::synth {

/// Limit in whole percent for a stock on `day` (10, 5 or 20; 30 for Beijing). Ignores IPO days.
int limit_percent(Board board, bool is_st, Date day);

/// True when a stock listed on `list_date` on `board` followed the registration system: no price limit on
/// its first 5 trading days (STAR; ChiNext from 2020-08-24; main boards from 2023-04-10).
bool is_registration_ipo(Board board, Date list_date);

/// Older-rule IPOs: the first day's limits are +44 % / -36 % of the issue price.
inline constexpr int kIpoDayOneUpPercent = 44;
inline constexpr int kIpoDayOneDownPercent = 36;

inline int64_t limit_up_cents(int64_t preclose_cents, int percent) {
  return (preclose_cents * (100 + percent) + 50) / 100;
}
inline int64_t limit_down_cents(int64_t preclose_cents, int percent) {
  return (preclose_cents * (100 - percent) + 50) / 100;
}

}  // namespace abt::synth
