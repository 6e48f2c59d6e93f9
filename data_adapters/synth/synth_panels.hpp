#pragma once
// SynthPanels: the generator's writable float32 buffers (row-major, row = bar, column = instrument),
// NaN-filled, handed to MarketData::adopt() at the end. Hourly buffers hold Open..Amount (Field 0..5).
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/core/frequency.hpp"
#include "engine/data/field.hpp"

namespace abt::synth {

inline constexpr int kHourlyFieldCount = static_cast<int>(Field::Amount) + 1;

struct SynthPanels {
  SynthPanels(int32_t day_count, int32_t column_count, bool with_hourly)
      : days(day_count), cols(column_count) {
    const size_t cells = static_cast<size_t>(days) * static_cast<size_t>(cols);
    for (auto& p : daily) p.assign(cells, std::numeric_limits<float>::quiet_NaN());
    if (with_hourly)
      for (auto& p : hourly) p.assign(cells * kHourlyBarsPerDay, std::numeric_limits<float>::quiet_NaN());
  }

  bool has_hourly() const { return !hourly[0].empty(); }
  float& at(Field f, int32_t day, int32_t col) {
    return daily[static_cast<int>(f)][static_cast<size_t>(day) * cols + col];
  }
  float at(Field f, int32_t day, int32_t col) const {
    return daily[static_cast<int>(f)][static_cast<size_t>(day) * cols + col];
  }
  /// Hourly row = day * 4 + slot.
  float& hour(Field f, int32_t row, int32_t col) {
    return hourly[static_cast<int>(f)][static_cast<size_t>(row) * cols + col];
  }
  float hour(Field f, int32_t row, int32_t col) const {
    return hourly[static_cast<int>(f)][static_cast<size_t>(row) * cols + col];
  }

  int32_t days = 0;
  int32_t cols = 0;
  std::array<std::vector<float>, kFieldCount> daily;
  std::array<std::vector<float>, kHourlyFieldCount> hourly;
};

/// Price in integer cents -> float32 CNY (the float nearest to the cent value).
inline float cents_to_price(int64_t cents) {
  return static_cast<float>(static_cast<double>(cents) / 100.0);
}

}  // namespace abt::synth
