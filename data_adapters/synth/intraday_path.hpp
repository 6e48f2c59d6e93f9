#pragma once
// Splits a daily bar into the four 60-minute bars ending 10:30, 11:30, 14:00, 15:00 so that they aggregate
// exactly to it: first open = daily open, last close = daily close, max high = daily high, min low = daily
// low, volumes sum exactly (all multiples of the volume quantum, see volume_quantum), amounts sum to the
// daily amount up to double rounding. The path is a Brownian bridge from open to close; one bar touches
// the day's high and one the low. Every price stays on the 0.01 tick inside [low, high].
#include <array>
#include <cstdint>

#include "data_adapters/synth/synth_rng.hpp"

namespace abt::synth {

/// A bar in integer cents, volume in shares, amount in CNY.
struct CentBar {
  int64_t open = 0, high = 0, low = 0, close = 0;
  double volume = 0, amount = 0;
};

/// Volume granularity (shares) for a daily volume: 100, or 100 * 2^k above 2^26 shares, chosen so that
/// every partial sum of multiples of it up to the daily volume is exact in float32.
double volume_quantum(double daily_volume);
/// Rounds `shares` to a positive multiple of volume_quantum (at least one quantum).
double quantize_volume(double shares);

/// `day.volume` must be a multiple of volume_quantum(day.volume) (or 0 for a suspended day).
std::array<CentBar, 4> split_into_hours(const CentBar& day, SynthRng& rng);

}  // namespace abt::synth
