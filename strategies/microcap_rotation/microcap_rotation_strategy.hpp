#pragma once
// microcap_rotation (strategies.md section 4, 微盘股/茅指数轮动). At each daily close t:
//   Micro_t = the micro-cap index level computed by the strategy (strategies/universe/microcap_index.hpp,
//             chained from the first data day inside the event loop); Mao_t = the external series
//             `mao_series` when given, else the basket index of `mao_members` when given (basket_index.hpp),
//             else the close of `mao_symbol`;
//   R_t = Micro_t / Mao_t. Base choice: Micro if R_t > SMA(R, annual_window)_t, else Mao.
//   Slope override (use_slope_override): slope_X = least-squares slope of the last slope_window levels of X
//     divided by their mean; if the two slopes have opposite signs, hold the one with the positive slope.
//   Risk overlay on the micro leg: cash when y10_t / y10_{t-risk_lookback} - 1 >= yield_threshold
//     (series `yield_series`, "" = off; y10 at a day = its latest value at most kMaxSeriesAge trading days
//     before, else missing: the trigger cannot fire and a stale_series warning counts the day; the same rule
//     reads `mao_series`) or VC_t / VC_{t-risk_lookback} - 1 >= vc_threshold, with
//     VC = std of the last vc_window daily returns of Micro / the same of `broad_symbol`; back in when both
//     are below again (evaluated daily). An indicator without enough history does not trigger.
//   MACD monitor (macd_monitor, off): MACD(12,26,9) of Micro on daily bars, 60-minute bars or both
//     (macd_frequency); a top divergence on a watched frequency halves the micro exposure until a golden
//     cross on a watched frequency. The 60-minute level of Micro during day t is
//     Micro_{t-1} x (1 + mean_{i in C_{t-1}} (hourly adjusted close(i) / adjusted close(i,t-1) - 1)) [D].
// Without an annual line yet (fewer than annual_window values of R) the strategy stays in cash.
// Held assets: "Micro" = micro_asset: 'basket' (the current index members at equal weight, rebuilt on entry
// and every basket_rebalance day) or an instrument symbol; "Mao" = mao_symbol at weight 1, or the mao_members
// at the basket's weights of the day.
#include <memory>
#include <string>
#include <vector>

#include "engine/strategy/params.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/indicators/macd.hpp"
#include "strategies/universe/basket_index.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

class MicrocapRotationStrategy final : public Strategy {
 public:
  struct Params : MicrocapUniverseParams {
    std::string mao_symbol = "MAOTAI.IDX";
    std::string mao_series = "";
    std::vector<std::string> mao_members{};
    std::string mao_weighting = "cap";
    std::string broad_symbol = "BROAD.IDX";
    std::string yield_series = "CN10Y";
    int annual_window = 243;
    bool use_slope_override = true;
    int slope_window = 20;
    int risk_lookback = 243;
    double yield_threshold = 0.30;
    double vc_threshold = 0.55;
    int vc_window = 20;
    std::string micro_asset = "basket";
    std::string basket_rebalance = "weekly";
    bool macd_monitor = false;
    std::string macd_frequency = "1d";

    template <class V>
    void describe(V& v) {
      MicrocapUniverseParams::describe(v);
      v("mao_symbol", mao_symbol,
        "the Moutai-index instrument: traded for the Mao leg, and its close is Mao_t");
      v("mao_series", mao_series,
        "external series for Mao_t (takes precedence over mao_symbol's close); '' = none");
      v("mao_members", mao_members,
        "if not empty: a basket index of these symbols stands for Mao (signal unless mao_series is given) "
        "and "
        "the Mao leg holds them at the basket's weights; mao_symbol is then unused");
      v("mao_weighting", mao_weighting, "mao_members basket weights, reset each quarter",
        Check::one_of({"cap", "equal"}));
      v("broad_symbol", broad_symbol, "broad market index for the volatility-crowding denominator");
      v("yield_series", yield_series, "10-year government bond yield series; '' disables the yield trigger");
      v("annual_window", annual_window, "SMA window of R (the annual line) in trading days",
        Check::range(2, kMaxWindow));
      v("use_slope_override", use_slope_override, "opposite-sign slopes override the base choice");
      v("slope_window", slope_window, "least-squares slope window in trading days",
        Check::range(2, kMaxWindow));
      v("risk_lookback", risk_lookback, "days between the risk indicator values compared",
        Check::range(1, kMaxWindow));
      v("yield_threshold", yield_threshold, "yield ratio change that moves the micro leg to cash",
        Check::at_least(0));
      v("vc_threshold", vc_threshold, "volatility-crowding ratio change that moves the micro leg to cash",
        Check::at_least(0));
      v("vc_window", vc_window, "return window of the volatility-crowding stds", Check::range(2, kMaxWindow));
      v("micro_asset", micro_asset,
        "held for Micro: 'basket' (index members, equal weight) or an instrument");
      v("basket_rebalance", basket_rebalance, "schedule re-weighting the basket while Micro is held");
      v("macd_frequency", macd_frequency,
        "bars of the micro-cap index the MACD monitor watches (60m needs hourly data)",
        Check::one_of({"1d", "60m", "both"}));
      v("macd_monitor", macd_monitor,
        "halve micro exposure after a daily MACD top divergence until a golden cross");
    }
    void validate(const std::string& path) const;
  };

  enum class Choice : uint8_t { Cash, Micro, Mao };
  /// An external series value (yield, Mao) older than this many trading days counts as missing
  /// (a stale_series warning in the run's result).
  static constexpr int32_t kMaxSeriesAge = 5;

  /// The rotation rule on precomputed indicators (NaN = unavailable): base choice from R vs its annual line,
  /// slope override, risk overlay on the micro leg.
  static Choice choose(double ratio, double annual_line, double slope_micro, double slope_mao,
                       bool use_slope_override, bool risk_on);
  /// Ratio-change trigger: now / before - 1 >= threshold (false when either is NaN or before <= 0).
  static bool ratio_change_triggers(double now, double before, double threshold);
  explicit MicrocapRotationStrategy(Params params);

  void on_start(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;
  void on_timer(Context& ctx, TimerId id) override;

  Choice choice() const { return choice_; }

 private:
  double mao_level(const HistoryView& mao, int32_t lag) const;
  double crowding(const HistoryView& broad, int32_t lag);  // VC ending `lag` days ago
  void retarget(Context& ctx);
  void on_hourly_bar(Context& ctx);

  Params params_;
  std::vector<Instrument> instruments_;
  std::unique_ptr<MicrocapIndex> index_;
  DataHandle mao_handle_, broad_close_, yield_;
  InstrumentId mao_id_ = -1, broad_id_ = -1, micro_id_ = -1;
  bool mao_from_series_ = false, has_yield_ = false;
  TimerId timer_ = -1;
  WarningHandle stale_yield_ = -1, stale_mao_ = -1;
  struct Signals {
    SignalHandle ratio = -1, annual_line = -1, slope_micro = -1, slope_mao = -1, yield_change = -1,
                 vc_change = -1, risk_off = -1, leg = -1, exposure = -1;
  } signals_;
  Choice choice_ = Choice::Cash;
  double micro_exposure_ = 1.0;
  std::unique_ptr<ind::Macd> macd_, macd_hourly_;
  DataHandle hourly_close_, hourly_adj_, daily_adj_;
  bool has_hourly_adj_ = false, has_daily_adj_ = false;
  std::unique_ptr<BasketIndex> mao_basket_;
  std::vector<double> micro_returns_, broad_returns_, slope_buf_;
  std::vector<WeightTarget> targets_;
};

}  // namespace abt
