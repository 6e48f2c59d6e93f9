#pragma once
// The market's daily price limits of every instrument and day, from the data (price_limit.hpp rules):
// reference = the day's unadjusted PreClose, else (after the listing day) the previous daily close; an
// older-rule listing day whose reference is unknown (no issue price) is assumed sealed at limit-up
// (LimitBand::assumed_sealed). Indices and instruments off the 0.01 tick have no limit. One implementation
// for the execution simulator and for the strategies' tradability queries (Context::status).
#include <cstdint>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/execution/price_limit.hpp"

namespace abt {

class DailyLimits {
 public:
  /// `data` must outlive the object.
  explicit DailyLimits(const MarketData& data);

  /// The band of instrument `id` on calendar day `day`.
  LimitBand band(InstrumentId id, int32_t day) const;
  /// Listing day number on calendar day `day`: 1 on the listing day; huge for stocks listed before the data.
  int32_t listing_day(InstrumentId id, int32_t day) const { return day - listing_index_[id] + 1; }
  bool listed_before_data(InstrumentId id) const {
    return listing_index_[id] == PriceLimitCalculator::kSeasoned;
  }

 private:
  const MarketData& data_;
  std::vector<int32_t> listing_index_;  // PriceLimitCalculator::listing_index per instrument
  std::vector<uint8_t> on_tick_;
};

}  // namespace abt
