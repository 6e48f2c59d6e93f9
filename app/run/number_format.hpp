#pragma once
// Number formatting shared by the result files, the summary table and the HTML report: fixed-point text
// with exactly the digits printf's "%.*f" gives in the "C" locale (the correctly rounded decimal of the
// binary value), so the output is stable and byte-identical. std::to_chars does the conversion: it is
// locale-independent and several times faster than snprintf, which matters for positions.csv.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace abt {

namespace number_format_detail {

/// The general conversion of append_fixed.
inline void append_fixed_exact(std::string& out, double value, int decimals) {
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

inline constexpr double kPowersOfTen[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

/// Writes scaled / 10^D, a point and the D digits of scaled % 10^D (zero padded) at p; returns the end.
template <int D>
char* put_scaled(char* p, uint64_t scaled) {
  constexpr uint64_t kScale = [] {
    uint64_t s = 1;
    for (int i = 0; i < D; ++i) s *= 10;
    return s;
  }();
  p = std::to_chars(p, p + 20, scaled / kScale).ptr;
  if constexpr (D > 0) {
    *p++ = '.';
    uint64_t rest = scaled % kScale;
    for (int i = D - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + rest % 10);
      rest /= 10;
    }
    p += D;
  }
  return p;
}

}  // namespace number_format_detail

/// The fast path of append_fixed: writes the text of `value` at `p` (at most kFastFixedChars characters) and
/// returns its end, or nullptr (nothing written) when the value needs the general conversion.
///
/// |value| x 10^decimals below 2^42 is scaled in one double multiplication (error at most half an ulp,
/// under 2^-11) and rounded to the nearest integer, which is the correctly rounded result whenever the
/// fraction of the product is more than 2^-10 from one half; other values (near a tie, large, NaN,
/// infinite, more than 8 decimals) are left to std::to_chars.
inline constexpr size_t kFastFixedChars = 24;
inline char* put_fixed_fast(char* p, double value, int decimals) {
  using namespace number_format_detail;
  if (decimals < 0 || decimals > 8) return nullptr;
  const double magnitude = std::signbit(value) ? -value : value;
  const double x = magnitude * kPowersOfTen[decimals];
  if (!(x < 4398046511104.0)) return nullptr;  // 2^42; also NaN and infinities
  const double whole = std::floor(x);
  const double fraction = x - whole;  // exact
  if (!(std::fabs(fraction - 0.5) > 0.0009765625)) return nullptr;
  const uint64_t scaled = static_cast<uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
  if (std::signbit(value)) *p++ = '-';
  switch (decimals) {  // a constant divisor for each count of decimals
    case 0:
      return number_format_detail::put_scaled<0>(p, scaled);
    case 1:
      return number_format_detail::put_scaled<1>(p, scaled);
    case 2:
      return number_format_detail::put_scaled<2>(p, scaled);
    case 3:
      return number_format_detail::put_scaled<3>(p, scaled);
    case 4:
      return number_format_detail::put_scaled<4>(p, scaled);
    case 5:
      return number_format_detail::put_scaled<5>(p, scaled);
    case 6:
      return number_format_detail::put_scaled<6>(p, scaled);
    case 7:
      return number_format_detail::put_scaled<7>(p, scaled);
    default:
      return number_format_detail::put_scaled<8>(p, scaled);
  }
}

/// Appends `value` with exactly `decimals` digits after the point to `out`, e.g. 0.125 with 2 -> "0.13"
/// (round-half-even of the exact binary value, as printf). NaN and infinities as printf writes them. Most
/// values take put_fixed_fast's integer arithmetic, the others std::to_chars.
inline void append_fixed(std::string& out, double value, int decimals) {
  char buf[kFastFixedChars];
  if (const char* end = put_fixed_fast(buf, value, decimals)) {
    out.append(buf, static_cast<size_t>(end - buf));
    return;
  }
  number_format_detail::append_fixed_exact(out, value, decimals);
}

/// `value` with exactly `decimals` digits after the point, e.g. format_fixed(0.125, 2) == "0.13".
inline std::string format_fixed(double value, int decimals) {
  std::string text;
  append_fixed(text, value, decimals);
  return text;
}

}  // namespace abt
