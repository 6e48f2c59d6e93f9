#pragma once
// What the execution simulator needs to know about a run: the fill mode, the A-share rule switches, the cost
// model and the risk limits (engine/sim/backtest_config.hpp adds the run's span, cash and callbacks).
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "engine/execution/cost_model.hpp"
#include "engine/risk/risk_config.hpp"

namespace abt {

/// When orders placed at a bar close execute.
enum class FillMode : uint8_t {
  NextOpen,     // at the open of the next bar of the execution frequency (default; no look-ahead)
  Close,        // at the close of the bar that produced the signal (replicates close-price reports)
  NextClose,    // at the close of the next bar of the execution frequency
  NextBarVwap,  // at the next bar's VWAP proxy amount / volume (no amount: (high + low + close) / 3)
};
std::string_view fill_mode_name(FillMode m);
std::optional<FillMode> parse_fill_mode(std::string_view s);

/// Execution rule switches (market-rules.md). The defaults are the `realistic` profile: every rule on, no
/// participation cap; ideal() switches every rule off.
struct ExecutionRules {
  bool lots = true;  // round buys to board lots (100; STAR 200 then 1); indices trade in units of 1
  bool block_suspended = true;  // no fills in bars with volume 0 or no price
  bool price_limits = true;     // no buys at limit-up, no sells at limit-down (price_limit.hpp)
  bool t_plus_1 = true;         // stock shares bought today become sellable on the next trading day
  /// Cap on each fill as a fraction of the execution bar's volume (0 = no cap), in [0, 1].
  double participation = 0.0;
  /// Orders blocked by a rule (suspension, limits, T+1, participation) stay pending and are retried at the
  /// next bar of the execution frequency; false drops them after counting.
  bool retry_blocked = true;
  /// What a holding of a delisted stock is worth when the engine liquidates it (docs/event-ordering.md,
  /// "Corporate actions and delisting"): this fraction, in [0, 1], of its last close (1 = the last close,
  /// 0 = written off). The same in both profiles.
  double delisting_recovery = 1.0;
  /// Hold unrounded share quantities: an instrument without a board lot under these rules (every instrument
  /// when lots are off, index-kind ones always) trades exactly w x NAV / price shares instead of whole
  /// shares (engine/execution/lot_rule.hpp). On in `ideal`, off in `realistic`.
  bool fractional_shares = false;

  /// The `ideal` profile: no lots, no limits, no T+1, no participation cap, fractional shares. Suspended
  /// bars stay blocked (a suspended stock has no trade to fill against).
  static ExecutionRules ideal() {
    ExecutionRules r;
    r.lots = false;
    r.price_limits = false;
    r.t_plus_1 = false;
    r.fractional_shares = true;
    return r;
  }
};

struct ExecutionSettings {
  FillMode fill = FillMode::NextOpen;
  ExecutionRules rules;
  std::shared_ptr<const CostModel> costs;  // null -> no costs
  RiskConfig risk;                         // pre-trade limits and portfolio controls (all off by default)
};

}  // namespace abt
