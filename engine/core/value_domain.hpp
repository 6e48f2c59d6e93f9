#pragma once
// The one set of rules for numeric market-data values where they enter abt (docs/input-validation.md): every
// reader of text cells (panel / series / minute / vendor CSV, gbbq, reference tables) and of binary values
// (qlib .bin, TDX records, the abt dataset) checks each value against the domain of its field and reports
// what was expected. Contract:
//   - NaN is "no value" and is never produced from text: an empty cell is NaN where the field is optional,
//     the text "nan" / "inf" is refused like any other non-number;
//   - a value is finite and, stored as float32, within float32 range (1e39 would become infinity);
//   - prices, adjustment factors and issue prices are > 0; volumes, amounts, share counts and market caps
//     >= 0; is_st is 0, 1 or 2; index membership 0 or 1; any other column is any finite number;
//   - market dates (bars, trading calendars) lie in [1990-12-19, 2100-12-31] (the first SSE session .. a
//     sanity bound) and are never a Saturday or Sunday: the Shanghai, Shenzhen and Beijing exchanges have
//     never opened on a weekend (weekend make-up working days included), so a weekend bar is a data error;
//   - reference dates (corporate actions, share capital, ST / listing / membership intervals, external
//     series) lie in [1980-01-01, 2100-12-31] and may fall on any day: records predate the exchanges (the
//     TDX gbbq has 000001.SZ events from 1990-03), and bond markets publish on make-up working days.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/time.hpp"

namespace abt {

enum class ValueDomain : uint8_t {
  Finite,       // any finite number
  Positive,     // > 0: prices, adjustment factors
  NonNegative,  // >= 0: volumes, amounts, share counts, market caps
  Status,       // 0, 1 or 2 (is_st: normal, ST, delisting arrangement)
  Flag,         // 0 or 1 (index membership)
};

/// The domain of a market-data column by its abt name: standard fields (engine/data/field.hpp) and the
/// known extras (total_mv, circ_mv, free_shares, turnover_rate, member_<index>); any other name is Finite.
ValueDomain domain_of_column(std::string_view name);

/// True when `v` (finite, not NaN) is in `d`.
bool in_domain(double v, ValueDomain d);

/// What a value of `column` in domain `d` must be, for messages: "a positive price" (open, high, low,
/// close, vwap, pre_close), "a positive adjustment factor", "a non-negative number", "a finite number",
/// "a status 0, 1 or 2", "0 or 1".
std::string expected_value(ValueDomain d, std::string_view column);

/// Result of reading one text cell.
enum class ValueRead : uint8_t { Ok, NotANumber, NotFinite, OutOfDomain };

/// Parses a decimal or scientific number ("1.5", "-2e3", "+4") strictly (no spaces, no hex, no "nan" or
/// "inf") into `out` and checks it against `d`; `out` is set on Ok only. The float overload also refuses
/// values outside float32 range.
ValueRead read_value(std::string_view text, ValueDomain d, double& out);
ValueRead read_value(std::string_view text, ValueDomain d, float& out);

/// Message tail for a failed read of `text` in `column`: "expected a number, got 'x'", "expected a finite
/// number within float32 range, got '1e39'", "expected a positive price, got '0'".
std::string value_error(ValueRead r, ValueDomain d, std::string_view column, std::string_view text);

/// Binary values: "expected a positive price, got -1.5" (or "got inf", "got nan") for a value that is not
/// NaN-or-in-domain; nullopt when `v` is acceptable (NaN counts as acceptable: no value).
std::optional<std::string> binary_value_problem(double v, ValueDomain d, std::string_view column);

/// First and last market date accepted; first reference date.
Date first_market_date();
Date last_market_date();
Date first_reference_date();
/// nullopt for a date in [first_market_date(), last_market_date()] on a weekday, else what is wrong:
/// "2024-01-06 is a Saturday (A-shares never trade on weekends)", "1900-01-02 is outside the market-date
/// range 1990-12-19 .. 2100-12-31".
std::optional<std::string> market_date_problem(Date d);
/// nullopt for a date in [first_reference_date(), last_market_date()], else "1900-01-02 is outside the
/// reference-date range 1980-01-01 .. 2100-12-31".
std::optional<std::string> reference_date_problem(Date d);

}  // namespace abt
