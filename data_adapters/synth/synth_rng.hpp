#pragma once
// SynthRng: the generator's own pseudo-random numbers. xoshiro256** seeded through splitmix64, with
// uniform and normal transforms written here (std:: distributions are implementation-defined and would make
// the data differ between standard libraries). Every stream is derived from (seed, purpose, index), so the
// output never depends on thread count or generation order.
#include <cmath>
#include <cstdint>

#include "data_adapters/synth/det_math.hpp"

namespace abt::synth {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Stream purposes: one independent stream per (purpose, index).
enum class Stream : uint64_t { Plan = 1, Factors = 2, StockDaily = 3, StockHourly = 4 };

class SynthRng {
 public:
  SynthRng(uint64_t seed, Stream purpose, uint64_t index) {
    uint64_t sm = seed ^ (static_cast<uint64_t>(purpose) * 0xD1B54A32D192ED03ull);
    splitmix64(sm);
    sm ^= index * 0x8CB92BA72F3D8DD7ull;
    for (auto& word : state_) word = splitmix64(sm);
  }

  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [0, n), n > 0.
  int32_t below(int32_t n) { return static_cast<int32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32); }
  bool chance(double p) { return uniform() < p; }

  /// Standard normal by Marsaglia's polar method (deterministic: det_log and the exact sqrt).
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0, v = 0, s = 0;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double m = std::sqrt(-2.0 * det_log(s) / s);
    spare_ = v * m;
    has_spare_ = true;
    return u * m;
  }

  /// Fat-tailed unit-variance shock: a normal scale mixture (5 % of draws with 2.6x the scale), kurtosis ~7.
  double fat_normal() {
    const double scale = uniform() < 0.05 ? 2.6 : 0.85;
    return normal() * scale;
  }

  /// Number of failures before the first success with success probability p (mean (1-p)/p), capped.
  int32_t geometric(double p, int32_t cap) {
    int32_t n = 0;
    while (n < cap && !chance(p)) ++n;
    return n;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace abt::synth
