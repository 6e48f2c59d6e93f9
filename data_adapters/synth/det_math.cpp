#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/det_math.hpp"

#include <cmath>
#include <limits>

namespace abt::synth {

namespace {
constexpr double kLn2 = 0.69314718055994530942;
constexpr double kSqrtHalf = 0.70710678118654752440;
}  // namespace

double det_log(double x) {
  if (!(x > 0)) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // exact: x = m * 2^exponent, m in [0.5, 1)
  if (m < kSqrtHalf) {
    m *= 2.0;  // exact
    --exponent;
  }
  // log(m) = 2 atanh(f), f = (m-1)/(m+1), |f| <= 0.1716: the odd series converges to 1e-16 by f^19.
  const double f = (m - 1.0) / (m + 1.0);
  const double s = f * f;
  double series = 1.0 / 19.0;
  for (int k = 17; k >= 1; k -= 2) series = series * s + 1.0 / k;
  return 2.0 * f * series + exponent * kLn2;
}

double det_exp(double x) {
  if (x > 700.0) x = 700.0;
  if (x < -700.0) x = -700.0;
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;  // |r| <= ln2/2 (+ rounding)
  // Taylor series to r^16/16!: truncation error < 1e-19 for |r| < 0.35.
  double p = 1.0;
  for (int n = 16; n >= 1; --n) p = 1.0 + p * r / n;
  return std::ldexp(p, static_cast<int>(k));
}

}  // namespace abt::synth
