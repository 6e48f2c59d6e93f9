#include "strategies/indicators/rolling.hpp"

namespace abt::ind {

double sample_std(const double* values, int32_t n, int32_t min_valid) {
  double mean = 0;
  int32_t valid = 0;
  for (int32_t i = 0; i < n; ++i)
    if (!std::isnan(values[i])) {
      mean += values[i];
      ++valid;
    }
  if (valid < min_valid || valid < 2) return kNaN;
  mean /= valid;
  double ss = 0;
  for (int32_t i = 0; i < n; ++i)
    if (!std::isnan(values[i])) ss += (values[i] - mean) * (values[i] - mean);
  return std::sqrt(ss / (valid - 1));
}

double normalized_slope(const double* y, int32_t n) {
  if (n < 2) return kNaN;
  const double x_mean = (n - 1) / 2.0;
  double y_mean = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (std::isnan(y[i])) return kNaN;
    y_mean += y[i];
  }
  y_mean /= n;
  if (y_mean == 0) return kNaN;
  double sxy = 0, sxx = 0;
  for (int32_t i = 0; i < n; ++i) {
    sxy += (i - x_mean) * (y[i] - y_mean);
    sxx += (i - x_mean) * (i - x_mean);
  }
  return sxy / sxx / y_mean;
}

double normalized_slope(const RingWindow& ring) {
  const int32_t n = ring.size();
  if (n < 2) return kNaN;
  const double x_mean = (n - 1) / 2.0;
  double y_mean = 0;
  for (int32_t i = 0; i < n; ++i) y_mean += ring.at(n - 1 - i);
  if (std::isnan(y_mean)) return kNaN;
  y_mean /= n;
  if (y_mean == 0) return kNaN;
  double sxy = 0, sxx = 0;
  for (int32_t i = 0; i < n; ++i) {
    sxy += (i - x_mean) * (ring.at(n - 1 - i) - y_mean);
    sxx += (i - x_mean) * (i - x_mean);
  }
  return sxy / sxx / y_mean;
}

}  // namespace abt::ind
