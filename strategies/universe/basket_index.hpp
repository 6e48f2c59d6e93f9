#pragma once
// A custom basket index over fixed members (e.g. the Moutai-index proxy of strategies.md section 4: core blue
// chips, cap weighted, rebalanced quarterly). Weights are reset at the close of the first processed day and
// of the first trading day of every quarter (January, April, July, October) [D]: equal, or proportional to
// total market cap (unadjusted close x total_shares) among members with a price that day. Between resets the
// basket is buy-and-hold: it holds units_i = I x w_i / P_i of each member's adjusted price P = close x
// adj_factor, and I(t) = sum_i units_i x P_i(t) (a member without a price keeps its last one). Base `base`.
//
// Time: advance() reads the rows of day t only; update(ctx) processes every day up to today from history
// views (catching up from the first calendar day on its first call), so there is no look-ahead.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/data/instrument.hpp"
#include "engine/strategy/context.hpp"

namespace abt {

class BasketIndex {
 public:
  BasketIndex(std::vector<InstrumentId> members, bool cap_weighted, const TradingCalendar& calendar,
              double base = 1000.0);

  /// True on the first trading day of January, April, July and October.
  static bool is_quarter_start(const TradingCalendar& calendar, int32_t day);

  /// Processes day `day` (consecutive days). adj / total_shares may be empty (factor 1 / equal weights).
  void advance(int32_t day, std::span<const float> close, std::span<const float> adj,
               std::span<const float> total_shares);
  /// Resolves close, adj_factor, total_shares (in on_start).
  void bind(Context& ctx);
  /// Processes every day up to today (call once per daily bar, after bind()).
  void update(Context& ctx);

  double level() const { return level_; }
  /// Level per calendar day (NaN before the first processed day).
  const std::vector<double>& levels() const { return levels_; }
  const std::vector<InstrumentId>& members() const { return members_; }
  /// Current value share of each member (same order as members()); sums to 1 once a day is processed.
  std::span<const double> weights() const { return weights_; }

 private:
  std::vector<InstrumentId> members_;
  bool cap_weighted_;
  const TradingCalendar& calendar_;
  double base_;
  double level_;
  int32_t last_day_ = -1;
  std::vector<double> units_, last_price_, weights_, levels_;
  DataHandle close_, adj_, shares_;
  bool has_adj_ = false, has_shares_ = false;
};

}  // namespace abt
