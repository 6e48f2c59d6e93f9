#include "app/run/members_output.hpp"

#include <cstdio>

#include "strategies/universe/microcap_members.hpp"

namespace abt {

std::string members_csv(const MarketData& data, const nlohmann::json& strategy_params, int32_t first,
                        int32_t last) {
  MicrocapIndexParams p;
  if (strategy_params.is_object()) {
    p.size = strategy_params.value("index_size", p.size);
    p.rank_by = strategy_params.value("rank_by", p.rank_by);
    p.exclude_st = strategy_params.value("exclude_st", p.exclude_st);
    p.exclude_delisting = strategy_params.value("exclude_delisting", p.exclude_delisting);
    p.require_ipo_break = strategy_params.value("require_ipo_break", p.require_ipo_break);
  }
  std::string out = "date,symbol,rank,mcap\n";
  for_each_microcap_day(data, p, first, last,
                        [&](int32_t day, std::span<const int32_t> members, std::span<const double> caps) {
                          const std::string date = data.calendar.day(day).to_string();
                          for (size_t k = 0; k < members.size(); ++k) {
                            const auto id = static_cast<size_t>(members[k]);
                            char cap[32];
                            std::snprintf(cap, sizeof cap, "%.0f", caps[id]);
                            out.append(date).append(",").append(data.instruments[id].symbol).append(",");
                            out.append(std::to_string(k + 1)).append(",").append(cap).append("\n");
                          }
                        });
  return out;
}

}  // namespace abt
