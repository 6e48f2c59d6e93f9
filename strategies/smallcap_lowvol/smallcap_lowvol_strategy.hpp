#pragma once
// smallcap_lowvol (strategies.md section 2, 小市值低波50). On every rebalance day s (biweekly by default:
// the first trading day of every second calendar week; phase `rebalance_phase` = weeks to skip after the
// first week of the run that starts inside it, engine/sim/timer_set.hpp):
//   1. C_s = micro-cap index members at the close of s (strategies/universe/microcap_index.hpp);
//   2. drop names that cannot be bought: suspended on s (volume 0) or closing at limit-up on s [D: the
//      signal day's close stands in for the trade day, which is not known yet at s];
//   3. keep the `candidates` (100) smallest by total market cap (unadjusted close x total_shares);
//   4. of those the `holdings` (50) with the lowest volatility = sample standard deviation of daily adjusted
//      close-to-close returns over the last `vol_window` (250) trading days, counting only days with a trade
//      and both prices (>= min_valid_fraction (80 %) of the window, else the name is dropped); ties by code;
//   5. equal weight 1 / holdings (a shortfall of qualifying names stays in cash), every other holding to 0.
// Between rebalances nothing is re-weighted. A held name at limit-down cannot be sold: the strategy just
// targets 0 and the engine retries blocked targets at the next bar, so it is sold at the first bar where
// the limit opens (once the execution rules block limit-down sells). Optional cash months: on the first
// trading day of a listed calendar month everything is sold; on the first day after it the basket is
// rebuilt immediately.
#include <memory>
#include <string>
#include <vector>

#include "engine/strategy/params.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/smallcap_lowvol/lowvol_selector.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

class SmallcapLowvolStrategy final : public Strategy {
 public:
  struct Params : MicrocapUniverseParams {
    int candidates = 100;
    int holdings = 50;
    int vol_window = 250;
    double min_valid_fraction = 0.8;
    bool skip_untradable = true;
    std::string rebalance = "biweekly";
    int rebalance_phase = 0;
    std::vector<int> cash_months{};

    template <class V>
    void describe(V& v) {
      MicrocapUniverseParams::describe(v);
      v("candidates", candidates, "smallest members by total market cap kept before the volatility filter",
        Check::range(1, kMaxInstruments));
      v("holdings", holdings, "lowest-volatility candidates held, equal weight 1/holdings",
        Check::range(1, kMaxInstruments));
      v("vol_window", vol_window, "volatility window in trading days (daily adjusted returns)",
        Check::range(2, kMaxWindow));
      v("min_valid_fraction", min_valid_fraction,
        "minimum share of the window with a valid return for a candidate to be ranked", Check::range(0, 1));
      v("skip_untradable", skip_untradable,
        "drop members suspended or closing at limit-up on the signal day (cannot be bought)");
      v("rebalance", rebalance,
        "rebalance schedule: daily, every:N, weekly, biweekly, weeks:N, month_start, month_end; an optional "
        ":K sets the phase (biweekly:1)");
      v("rebalance_phase", rebalance_phase,
        "phase of a weekly or every:N schedule: weeks (trading days) to skip before the first rebalance; "
        "biweekly: 0 = the run's first week that starts inside it, 1 = the week after",
        Check::range(0, kMaxWindow));
      v("cash_months", cash_months, "calendar months (1-12) spent entirely in cash; empty = none");
    }
    void validate(const std::string& path) const;
    /// The rebalance timer: `rebalance` with the phase of `rebalance_phase` (valid params only).
    Schedule schedule() const;
  };

  explicit SmallcapLowvolStrategy(Params params);

  void on_start(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;
  void on_timer(Context& ctx, TimerId id) override;

  /// Ids of the last rebalance's selection (for tests and diagnostics).
  const std::vector<int32_t>& selection() const { return selector_->selection(); }

 private:
  void rebalance(Context& ctx);
  bool cash_month(Context& ctx) const;

  Params params_;
  std::vector<Instrument> instruments_;
  std::unique_ptr<MicrocapIndex> index_;
  std::unique_ptr<LowvolSelector> selector_;
  TimerId timer_ = -1;
  bool in_cash_ = false;
  std::vector<WeightTarget> targets_;
  struct Signals {  // recorded on rebalance days
    SignalHandle members = -1, tradable = -1, candidates = -1, holdings = -1, cap_min = -1, cap_max = -1,
                 vol_min = -1, vol_max = -1;
  } signals_;
};

}  // namespace abt
