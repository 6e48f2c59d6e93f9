#include "strategies/universe/microcap_members.hpp"

namespace abt {

void for_each_microcap_day(
    const MarketData& data, const MicrocapIndexParams& params, int32_t first, int32_t last,
    const std::function<void(int32_t, std::span<const int32_t>, std::span<const double>)>& each) {
  MicrocapIndex index(data.instruments, data.calendar, params, /*track_level=*/true);
  for (int32_t day = 0; day <= last && day < data.calendar.size(); ++day) {
    index.advance(day, day_rows(data.daily, day), day > 0 ? day_rows(data.daily, day - 1) : DayRows{});
    if (day >= first) each(day, index.members(), index.caps());
  }
}

}  // namespace abt
