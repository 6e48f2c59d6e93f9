#pragma once
// Number formatting shared by the result files, the summary table and the HTML report: fixed-point text
// ("%.*f", locale-independent "C" formatting as printf does it) keeps the output stable and byte-identical.
#include <charconv>
#include <cstdio>
#include <string>

namespace abt {

/// `value` with exactly `decimals` digits after the point, e.g. format_fixed(0.125, 2) == "0.13" (printf
/// rounding of the binary value). std::to_chars with a precision writes exactly what printf("%.*f") writes,
/// several times faster (result files format millions of numbers); printf only for what does not fit.
inline std::string format_fixed(double value, int decimals) {
  char buf[64];
  const auto fast = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (fast.ec == std::errc()) return std::string(buf, fast.ptr);
  const int length = std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  if (length < static_cast<int>(sizeof buf)) return buf;
  std::string text(static_cast<size_t>(length), '\0');
  std::snprintf(text.data(), text.size() + 1, "%.*f", decimals, value);
  return text;
}

}  // namespace abt
