#include "strategies/universe/microcap_index_bars.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "strategies/universe/microcap_table.hpp"

namespace abt {
namespace {

std::span<const float> row_of(const BarData& bars, Field f, int32_t row) {
  return bars.has(f) ? bars.field(f).row(row) : std::span<const float>();
}

/// Summed volume of `members` in `volume` (NaN counts 0).
double member_volume(std::span<const int32_t> members, std::span<const float> volume) {
  if (volume.empty()) return 0.0;
  double sum = 0;
  for (const int32_t id : members) {
    const float v = volume[static_cast<size_t>(id)];
    if (std::isfinite(v)) sum += v;
  }
  return sum;
}

}  // namespace

DerivedBars microcap_index_bars(const MarketData& data, const MicrocapIndexParams& params) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const BarData& daily = data.daily;
  const BarData* hourly = data.hourly ? &*data.hourly : nullptr;
  const auto days = static_cast<size_t>(data.calendar.size());
  DerivedBars bars;
  for (auto* v : {&bars.open, &bars.high, &bars.low, &bars.close, &bars.volume}) v->assign(days, nan);
  if (hourly) {
    const auto rows = static_cast<size_t>(hourly->rows());
    for (auto* v :
         {&bars.hourly_open, &bars.hourly_high, &bars.hourly_low, &bars.hourly_close, &bars.hourly_volume})
      v->assign(rows, nan);
  }

  // The shared table of the data (microcap_table.hpp): the index's levels and the members decided at t-1.
  const auto table = shared_microcap_table(data, params);
  const std::vector<double>& levels = table->levels();
  for (int32_t day = 0; day < data.calendar.size(); ++day) {
    const auto d = static_cast<size_t>(day);
    const double prev = day > 0 ? levels[d - 1] : params.base;
    const std::span<const int32_t> members =
        day > 0 ? std::span<const int32_t>(table->day(day - 1).members) : std::span<const int32_t>();
    const std::span<const float> prev_close =
        day > 0 ? row_of(daily, Field::Close, day - 1) : std::span<const float>();
    const std::span<const float> prev_adj =
        day > 0 ? row_of(daily, Field::AdjFactor, day - 1) : std::span<const float>();
    const auto level_at = [&](std::span<const float> price, std::span<const float> adj) {
      return day > 0 ? equal_weight_level(prev, members, price, adj, prev_close, prev_adj) : prev;
    };

    const double open = level_at(row_of(daily, Field::Open, day), row_of(daily, Field::AdjFactor, day));
    double high = open, low = open;
    if (hourly) {
      double last = open;
      for (int32_t r = hourly->day_begin[d]; r < hourly->day_begin[d + 1]; ++r) {
        const auto h = static_cast<size_t>(r);
        const double close = level_at(row_of(*hourly, Field::Close, r), row_of(*hourly, Field::AdjFactor, r));
        bars.hourly_open[h] = last;
        bars.hourly_close[h] = close;
        bars.hourly_high[h] = std::max(last, close);
        bars.hourly_low[h] = std::min(last, close);
        bars.hourly_volume[h] = day > 0 ? member_volume(members, row_of(*hourly, Field::Volume, r)) : 0.0;
        high = std::max(high, close);
        low = std::min(low, close);
        last = close;
      }
    }

    const double close = levels[d];
    if (hourly && hourly->day_begin[d + 1] > hourly->day_begin[d]) {
      // The 15:00 bar closes at the daily level (the index definition), as the daily bar does.
      const auto h = static_cast<size_t>(hourly->day_begin[d + 1] - 1);
      bars.hourly_close[h] = close;
      bars.hourly_high[h] = std::max(bars.hourly_open[h], close);
      bars.hourly_low[h] = std::min(bars.hourly_open[h], close);
    }
    bars.open[d] = open;
    bars.close[d] = close;
    bars.high[d] = std::max(high, close);
    bars.low[d] = std::min(low, close);
    bars.volume[d] = day > 0 ? member_volume(members, row_of(daily, Field::Volume, day)) : 0.0;
  }
  return bars;
}

}  // namespace abt
