#include "strategies/universe/microcap_members.hpp"

#include "strategies/universe/microcap_table.hpp"

namespace abt {

void for_each_microcap_day(
    const MarketData& data, const MicrocapIndexParams& params, int32_t first, int32_t last,
    const std::function<void(int32_t, std::span<const int32_t>, std::span<const double>)>& each) {
  // The shared table of the data (microcap_table.hpp): the run's strategy and benchmark on the same settings
  // ranked these days already.
  const auto table = shared_microcap_table(data, params);
  for (int32_t day = std::max(first, 0); day <= last && day < data.calendar.size(); ++day) {
    const MicrocapDay& rank = table->day(day);
    each(day, rank.members, rank.member_caps);
  }
}

}  // namespace abt
