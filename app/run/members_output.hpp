#pragma once
// members.csv (`abt run --members`): date,symbol,rank,mcap, one row per micro-cap index member and day of the
// run (rank 1 = the smallest cap, mcap in CNY). The index uses the strategy's universe settings when the
// strategy has them (params index_size, rank_by, exclude_st, exclude_delisting, require_ipo_break: the three
// micro-cap strategies), else the index's defaults.
#include <string>

#include <nlohmann/json.hpp>

#include "engine/data/market_data.hpp"

namespace abt {

/// `strategy_params`: the resolved strategy params (result.json config.strategy.params); `first`, `last`:
/// the run's calendar indices.
std::string members_csv(const MarketData& data, const nlohmann::json& strategy_params, int32_t first,
                        int32_t last);

}  // namespace abt
