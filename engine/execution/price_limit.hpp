#pragma once
// Daily price limits of the A-share market (market-rules.md, "Daily price limits"), date-aware.
//
// A limit rule is a pair of whole percentages applied to a reference price in CNY:
//   limit_up   = round_half_up(reference x (100 + up_pct) / 100, 0.01)
//   limit_down = round_half_up(reference x (100 - down_pct) / 100, 0.01)
// computed in integer fen, so the half-up rounding is exact. The reference is the day's unadjusted PreClose
// (the exchange's ex-rights reference price). On an older IPO's first day the band is relative to the issue
// price, which is the listing day's PreClose when the data has it (the synthetic market, Tushare, an IPO
// table); otherwise the day-1 limit is unknown and never guessed from other prices: consumers take such a
// listing day as sealed at limit-up (docs/data-formats.md, "New listings").
//
// Rules by board and date (`day` is the trading day, `listing_day` = 1 on the first trading day):
//   main board (SH 60x, SZ 00x): 10 % since 1996-12-16 (none before); ST 5 % until 2026-07-05, 10 % from
//     2026-07-06;
//   ChiNext: 10 % (ST 5 %) before 2020-08-24, 20 % (ST included) from 2020-08-24;
//   STAR: 20 % (ST included) since its opening on 2019-07-22;
//   Beijing exchange: 30 % since 2021-11-15 (none before);
//   registration-system IPOs (STAR; ChiNext listed from 2020-08-24; main board listed from 2023-04-10): no
//     limit on listing days 1-5;
//   older main-board / ChiNext IPOs, listing day 1: +44 % / -36 % of the issue price since 2014-06-13 (no
//     limit on day 1 before);
//   indices and unknown boards: no limit.
#include <cstdint>

#include "engine/core/calendar.hpp"
#include "engine/core/time.hpp"
#include "engine/data/board.hpp"
#include "engine/data/instrument.hpp"

namespace abt {

/// The percentages of one day's limits. limited = false: no limit that day.
struct LimitRule {
  bool limited = false;
  int32_t up_pct = 0;    // whole percent above the reference
  int32_t down_pct = 0;  // whole percent below the reference
  friend bool operator==(const LimitRule&, const LimitRule&) = default;
};

/// Limit prices in CNY on the 0.01 tick. limited = false: no limit (up = +inf, down = 0).
struct LimitBand {
  bool limited = false;
  double up = 0;
  double down = 0;
  /// The day has a limit but its reference is unknown (an older-rule listing day without an issue price):
  /// up and down are unknown and the stock is taken as sealed at limit-up.
  bool assumed_sealed = false;
};

/// Older-rule IPOs' first-day band, percent of the issue price.
inline constexpr int32_t kIpoDayOneUpPct = 44;
inline constexpr int32_t kIpoDayOneDownPct = 36;

/// One implementation of the rules for the engine, the strategies' universe filters, the synthetic market
/// and the data validator.
class PriceLimitCalculator {
 public:
  /// Whole percent of `board`'s regular limit on `day` for a (non-)ST stock, outside the IPO rules; 0 when
  /// the board has no limit that day (indices, other boards, before a board's limits began).
  static int32_t regular_percent(Board board, Date day, bool is_st);
  /// True when a listing on `list_date` on `board` followed the registration system (no limit on listing
  /// days 1-5): STAR; ChiNext listed from 2020-08-24; main boards listed from 2023-04-10.
  static bool registration_ipo(Board board, Date list_date);
  /// round_half_up(reference_fen x (100 +/- pct) / 100) in fen: exact integer arithmetic.
  static int64_t up_fen(int64_t reference_fen, int32_t pct) {
    return (reference_fen * (100 + pct) + 50) / 100;
  }
  static int64_t down_fen(int64_t reference_fen, int32_t pct) {
    return (reference_fen * (100 - pct) + 50) / 100;
  }
  /// Calendar index of the instrument's listing day, or kSeasoned when it listed before the calendar's first
  /// day (list_date before it, or Date::min(): "before the data"). The listing day number of calendar day d
  /// is d - listing_index + 1 (1 on the listing day; huge for seasoned stocks).
  static int32_t listing_index(const Instrument& instrument, const TradingCalendar& calendar);
  static constexpr int32_t kSeasoned = -1'000'000;

  /// Limit-up price in fen of a stock on `day`, its `listing_day`-th trading day (1-based), with reference
  /// price `reference` (CNY): -1 when no limit applies, -2 when the reference is not a positive number.
  static int64_t limit_up_fen(const Instrument& instrument, Date day, int32_t listing_day, bool is_st,
                              double reference);

  /// The rule of `instrument` on trading day `day`, its `listing_day`-th trading day (1-based), ST or not.
  static LimitRule rule(const Instrument& instrument, Date day, int32_t listing_day, bool is_st);
  /// The band around `reference` (CNY, > 0; snapped to the fen first). Not limited when the rule is not or
  /// the reference is not a positive number.
  static LimitBand band(const LimitRule& rule, double reference);
  /// Convenience: rule + band.
  static LimitBand band(const Instrument& instrument, Date day, int32_t listing_day, bool is_st,
                        double reference);
};

}  // namespace abt
