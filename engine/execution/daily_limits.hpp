#pragma once
// The market's daily price limits of every instrument and day, from the data (price_limit.hpp rules):
// reference = the day's unadjusted PreClose, else (after the listing day) the previous daily close; an
// older-rule listing day whose reference is unknown (no issue price) is assumed sealed at limit-up
// (LimitBand::assumed_sealed). Indices and instruments off the 0.01 tick have no limit. One implementation
// for the execution simulator and for the strategies' tradability queries (Context::status).
#include <climits>
#include <cstdint>
#include <vector>

#include "engine/data/market_data.hpp"
#include "engine/execution/price_limit.hpp"

namespace abt {

/// Per-instrument facts (listing day, whether the instrument trades on the 0.01 tick) are worked out on first
/// use: a run touches few of the market's instruments (a one-index dual_ma run one of 5,002), and the
/// object is built for every sweep variant. Not thread-safe: one run (one thread) owns it.
class DailyLimits {
 public:
  /// `data` must outlive the object.
  explicit DailyLimits(const MarketData& data);

  /// The band of instrument `id` on calendar day `day`.
  LimitBand band(InstrumentId id, int32_t day) const;
  /// Listing day number on calendar day `day`: 1 on the listing day; huge for stocks listed before the data.
  int32_t listing_day(InstrumentId id, int32_t day) const { return day - listing_index(id) + 1; }
  bool listed_before_data(InstrumentId id) const {
    return listing_index(id) == PriceLimitCalculator::kSeasoned;
  }

 private:
  static constexpr int32_t kNotYet = INT32_MIN;  // listing_index_ not worked out yet (never a calendar index)
  int32_t listing_index(InstrumentId id) const;
  bool on_tick(InstrumentId id) const;

  const MarketData& data_;
  mutable std::vector<int32_t> listing_index_;  // PriceLimitCalculator::listing_index, or kNotYet
  mutable std::vector<int8_t> on_tick_;         // 1 / 0, or -1 not yet
};

}  // namespace abt
