#pragma once
// diffusion_timing (strategies.md section 3, 扩散指数). At each daily close t:
//   DI_t = (1/|C_t|) * #{ i in C_t : adj_close(i,t) > adj_close(i,t-lookback) }
// over the micro-cap index members C_t (strategies/universe/microcap_index.hpp); a member with fewer than
// lookback+1 prices in the window compares with its first price in it. The position S in {flat, long}:
//   first_threshold   (left side):  long and DI_t > upper -> flat; flat and DI_t < lower -> long;
//   delayed_threshold (right side): long and DI_{t-1} > upper >= DI_t -> flat;
//                                   flat and DI_{t-1} < lower <= DI_t -> long (a crossing; 0.08 -> 0.18
//                                   counts);
//   dual_ma:                        long iff SMA(DI, fast) > SMA(DI, slow) (kept until both are ready);
// else S keeps its value. The traded asset: "basket" = the current micro-cap members at equal weight, or
// "smallcap_lowvol" = that strategy's selection from the members (lowvol_selector.hpp) at 1/lowvol_holdings
// (both rebuilt on entry and on every `basket_rebalance` day while long), or an instrument symbol (weight 1).
// DI is computed from the first day of the run (the index itself catches up from the first data day), so the
// moving averages warm up inside the run. Orders are sent on state changes (and basket rebalances) only.
#include <memory>
#include <string>
#include <vector>

#include "engine/strategy/params.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/indicators/rolling.hpp"
#include "strategies/smallcap_lowvol/lowvol_selector.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

class DiffusionTimingStrategy final : public Strategy {
 public:
  struct Params : MicrocapUniverseParams {
    int lookback = 20;
    std::string method = "delayed_threshold";
    double lower = 0.1;
    double upper = 0.9;
    int fast = 10;
    int slow = 30;
    std::string asset = "basket";
    std::string basket_rebalance = "weekly";
    int lowvol_candidates = 100;
    int lowvol_holdings = 50;

    template <class V>
    void describe(V& v) {
      MicrocapUniverseParams::describe(v);
      v("lookback", lookback, "DI compares the adjusted close with the one this many trading days earlier",
        Check::range(1, kMaxWindow));
      v("method", method, "signal rule", Check::one_of({"first_threshold", "delayed_threshold", "dual_ma"}));
      v("lower", lower, "lower DI threshold (go long below / on crossing up through it)", Check::range(0, 1));
      v("upper", upper, "upper DI threshold (go flat above / on crossing down through it)",
        Check::range(0, 1));
      v("fast", fast, "dual_ma: fast SMA window of DI in days", Check::range(1, kMaxWindow));
      v("slow", slow, "dual_ma: slow SMA window of DI in days", Check::range(2, kMaxWindow));
      v("asset", asset,
        "traded asset: 'basket' (micro-cap members, equal weight), 'smallcap_lowvol' (that strategy's "
        "selection from the members, equal weight 1/lowvol_holdings) or an instrument symbol");
      v("basket_rebalance", basket_rebalance,
        "schedule re-weighting the basket while long: daily, every:N, weekly, biweekly, weeks:N, "
        "month_start, month_end; an optional :K sets the phase (biweekly:1)");
    }
    void validate(const std::string& path) const;
  };

  explicit DiffusionTimingStrategy(Params params);

  void on_start(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;
  void on_timer(Context& ctx, TimerId id) override;

  /// First-threshold rule: the next state from the current one and DI_t.
  static bool first_threshold(bool is_long, double di, double lower, double upper);
  /// Delayed-threshold rule: the next state from the current one, DI_{t-1} and DI_t (NaN prev -> keep).
  static bool delayed_threshold(bool is_long, double di_prev, double di, double lower, double upper);
  /// Dual-MA rule: long iff fast > slow; keeps the state while either is NaN.
  static bool dual_ma(bool is_long, double sma_fast, double sma_slow);
  /// DI of one day: share of `members` whose adjusted price now (lag 0) exceeds the one `lookback` days
  /// earlier, or the first price in the window when that one is missing. NaN without members.
  static double diffusion_index(std::span<const int32_t> members, const HistoryView& closes,
                                const HistoryView* factors, int32_t lookback);

  double last_di() const { return di_prev_; }
  bool is_long() const { return long_; }

 private:
  void enter(Context& ctx);

  enum class Method : uint8_t { FirstThreshold, DelayedThreshold, DualMa };

  Params params_;
  Method method_ = Method::DelayedThreshold;
  std::vector<Instrument> instruments_;
  std::unique_ptr<MicrocapIndex> index_;
  DataHandle close_, adj_;
  bool has_adj_ = false;
  InstrumentId asset_id_ = -1;              // -1 = a basket
  std::unique_ptr<LowvolSelector> lowvol_;  // asset smallcap_lowvol
  TimerId timer_ = -1;
  ind::Sma sma_fast_, sma_slow_;
  double di_prev_ = ind::kNaN;
  bool long_ = false;
  SignalHandle sig_di_ = -1, sig_fast_ = -1, sig_slow_ = -1, sig_position_ = -1, sig_members_ = -1;
  std::vector<WeightTarget> targets_;
};

}  // namespace abt
