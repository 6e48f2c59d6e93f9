#pragma once
// Quantity: a number of shares (units for index-kind instruments) held, ordered or filled.
//
// Quantities are doubles so that the `ideal` execution profile can hold exactly w x NAV / price shares
// (ExecutionRules::fractional_shares). Whenever whole shares are traded (lots on, or fractional_shares off)
// every quantity is a whole number, which a double holds exactly up to 2^53 shares, so the integer
// arithmetic of lot rounding, T+1 and corporate actions is unchanged. Rounding to shares and lots is the
// business of engine/execution/lot_rule.hpp.
#include <charconv>
#include <string>

namespace abt {

using Quantity = double;

/// A fractional quantity below this many shares (a millionth) is no trade: changes that small are binary
/// noise of re-sizing or of summing fractional fills, and a sell that would leave less sells the whole
/// position. Whole-share quantities are never that small unless zero.
inline constexpr Quantity kFractionalDust = 1e-6;

/// A quantity as text: whole numbers without a decimal point ("1000"), fractions in the shortest
/// fixed-point form that reads back to the same double ("48216.00771456123").
inline std::string format_quantity(Quantity q) {
  char buf[400];  // fixed notation of the largest double needs 309 digits
  const auto result = std::to_chars(buf, buf + sizeof buf, q, std::chars_format::fixed);
  return std::string(buf, result.ptr);
}

}  // namespace abt
