#pragma once
// Number formatting shared by the result files, the summary table and the HTML report: fixed-point text
// with exactly the digits printf's "%.*f" gives in the "C" locale (the correctly rounded decimal of the
// binary value), so the output is stable and byte-identical. std::to_chars does the conversion: it is
// locale-independent and several times faster than snprintf, which matters for positions.csv.
#include <charconv>
#include <string>

namespace abt {

/// Appends `value` with exactly `decimals` digits after the point to `out`, e.g. 0.125 with 2 -> "0.13"
/// (round-half-even of the exact binary value, as printf). NaN and infinities as printf writes them.
inline void append_fixed(std::string& out, double value, int decimals) {
  char buf[400];  // the largest double in fixed notation has 309 integer digits; decimals stay small
  const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (result.ec == std::errc()) {
    out.append(buf, result.ptr);
    return;
  }
  std::string big(static_cast<size_t>(decimals) + 400, '\0');  // only for absurd `decimals`
  const auto wide =
      std::to_chars(big.data(), big.data() + big.size(), value, std::chars_format::fixed, decimals);
  out.append(big.data(), wide.ptr);
}

/// `value` with exactly `decimals` digits after the point, e.g. format_fixed(0.125, 2) == "0.13".
inline std::string format_fixed(double value, int decimals) {
  std::string text;
  append_fixed(text, value, decimals);
  return text;
}

}  // namespace abt
