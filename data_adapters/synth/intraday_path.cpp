#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/intraday_path.hpp"

#include <algorithm>
#include <cmath>

namespace abt::synth {

double volume_quantum(double daily_volume) {
  // A multiple m*100*2^k = (25m)*2^(k+2) is exact in float32 while 25m < 2^24, i.e. value < 2^(26+k).
  double quantum = 100.0;
  double bound = 67108864.0;  // 2^26
  while (daily_volume >= bound) {
    quantum *= 2.0;
    bound *= 2.0;
  }
  return quantum;
}

double quantize_volume(double shares) {
  const double lots = std::max(1.0, std::floor(shares / 100.0 + 0.5)) * 100.0;
  const double q = volume_quantum(lots);
  return std::max(q, std::floor(lots / q + 0.5) * q);
}

std::array<CentBar, 4> split_into_hours(const CentBar& day, SynthRng& rng) {
  std::array<CentBar, 4> bars;
  // Prices.
  if (day.high == day.low) {
    for (auto& b : bars) b.open = b.high = b.low = b.close = day.close;
  } else {
    const double range = static_cast<double>(day.high - day.low);
    std::array<int64_t, 4> closes{};
    for (int k = 0; k < 3; ++k) {
      const double mean = day.open + (day.close - day.open) * (k + 1) / 4.0;
      const double x = mean + 0.25 * range * rng.normal();
      closes[k] = std::clamp(static_cast<int64_t>(std::floor(x + 0.5)), day.low, day.high);
    }
    closes[3] = day.close;
    // The bars that reach the day's extremes; a bar whose open already is the extreme is preferred.
    int high_bar = rng.below(4), low_bar = rng.below(4);
    if (day.open == day.high) high_bar = 0;
    if (day.open == day.low) low_bar = 0;
    for (int s = 0; s < 4; ++s) {
      CentBar& b = bars[s];
      b.open = s == 0 ? day.open : closes[s - 1];
      b.close = closes[s];
      const double wick = 0.15 * range;
      b.high = std::min(day.high, std::max(b.open, b.close) +
                                      static_cast<int64_t>(std::floor(wick * std::fabs(rng.normal()) + 0.5)));
      b.low = std::max(day.low, std::min(b.open, b.close) -
                                    static_cast<int64_t>(std::floor(wick * std::fabs(rng.normal()) + 0.5)));
      if (s == high_bar) b.high = day.high;
      if (s == low_bar) b.low = day.low;
    }
  }
  // Volumes: U-shaped intraday profile with noise, in whole quanta; the last bar takes the remainder.
  if (day.volume > 0) {
    constexpr std::array<double, 4> kProfile = {0.32, 0.22, 0.20, 0.26};
    const double quantum = volume_quantum(day.volume);
    const double units = std::floor(day.volume / quantum + 0.5);
    std::array<double, 4> w{};
    double wsum = 0;
    for (int s = 0; s < 4; ++s) wsum += (w[s] = kProfile[s] * rng.uniform(0.6, 1.4));
    double used = 0;
    for (int s = 0; s < 3; ++s) {
      const double n = std::floor(units * w[s] / wsum);
      bars[s].volume = n * quantum;
      used += n;
    }
    bars[3].volume = (units - used) * quantum;
    // Amounts: volume x the bar's typical price, scaled so that they sum to the daily amount.
    double raw_sum = 0;
    std::array<double, 4> raw{};
    for (int s = 0; s < 4; ++s) {
      const CentBar& b = bars[s];
      raw[s] = b.volume * static_cast<double>(b.open + b.high + b.low + b.close) / 400.0;
      raw_sum += raw[s];
    }
    for (int s = 0; s < 4; ++s) bars[s].amount = raw_sum > 0 ? day.amount * raw[s] / raw_sum : 0.0;
  }
  return bars;
}

}  // namespace abt::synth
