#pragma once
// Number formatting shared by the result files, the summary table and the HTML report: fixed-point text
// ("%.*f", locale-independent "C" formatting as printf does it) keeps the output stable and byte-identical.
#include <cstdio>
#include <string>

namespace abt {

/// `value` with exactly `decimals` digits after the point, e.g. format_fixed(0.125, 2) == "0.13" (printf
/// rounding of the binary value).
inline std::string format_fixed(double value, int decimals) {
  char buf[64];
  const int length = std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  if (length < static_cast<int>(sizeof buf)) return buf;
  std::string text(static_cast<size_t>(length), '\0');
  std::snprintf(text.data(), text.size() + 1, "%.*f", decimals, value);
  return text;
}

}  // namespace abt
