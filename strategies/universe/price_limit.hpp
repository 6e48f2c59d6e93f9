#pragma once
// Daily limit-up prices for the universe rules (market-rules.md, "Daily price limits"), in integer cents so
// that the half-up rounding is exact: limit_up = round_half_up(pre_close * (1 + pct), 0.01).
// A small self-contained helper for the micro-cap eligibility and the "not buyable at limit-up" filter; it
// can be replaced by the execution layer's price-limit type once that exists (same rules, same rounding).
#include <cmath>
#include <cstdint>

#include "engine/core/time.hpp"
#include "engine/data/board.hpp"

namespace abt {

/// Limit in whole percent on `day` for a stock of `board` that is (not) ST, ignoring IPO-day rules:
/// main boards 10 (ST 5 until 2026-07-05, 10 after); ChiNext 20 from 2020-08-24 (before: 10, ST 5);
/// STAR 20; Beijing 30; 0 for boards without limits (indices, other).
int limit_percent(Board board, bool is_st, Date day);

/// True when a listing on `list_date` followed the registration system (no limit on trading days 1-5):
/// STAR; ChiNext listed from 2020-08-24; main boards listed from 2023-04-10.
bool is_registration_ipo(Board board, Date list_date);

/// Price in integer cents (rounded to the nearest cent; prices are stored as the float nearest the cent).
inline int64_t to_cents(double price) {
  return std::llround(price * 100.0);
}

/// Limit-up price in cents for a stock on `day`, `days_listed` trading days after its listing day (0 on the
/// listing day), with exchange reference price `pre_close` (the issue price on an IPO day). Returns -1 when
/// no limit applies (registration IPO days 1-5, boards without limits) and -2 when pre_close is unknown.
/// Older IPOs' first day: +44 % of the issue price.
int64_t limit_up_cents(Board board, bool is_st, Date day, Date list_date, int32_t days_listed,
                       float pre_close);

}  // namespace abt
