#include "strategies/builtin.hpp"

#include "strategies/diffusion_timing/diffusion_timing_strategy.hpp"
#include "strategies/dual_ma/dual_ma_strategy.hpp"
#include "strategies/microcap_rotation/microcap_rotation_strategy.hpp"
#include "strategies/smallcap_lowvol/smallcap_lowvol_strategy.hpp"
#include "strategies/target_weights/target_weights_strategy.hpp"
#include "strategies/universe/microcap_index.hpp"
#include "strategies/universe/microcap_index_bars.hpp"

namespace abt {

void register_builtin_strategies(StrategyRegistry& registry) {
  registry.add(make_strategy_info<DualMaStrategy>(
      "dual_ma", "SMA fast/slow cross-over timing, long or flat, on daily or 60-minute bars"));
  registry.add(
      make_strategy_info<SmallcapLowvolStrategy>("smallcap_lowvol",
                                                 "micro-cap members -> 100 smallest by total cap -> 50 "
                                                 "lowest 250-day volatility, equal weight, biweekly"));
  registry.add(make_strategy_info<DiffusionTimingStrategy>(
      "diffusion_timing",
      "diffusion-index timing of the micro-cap members (first_threshold, delayed_threshold, dual_ma), long "
      "or flat"));
  registry.add(
      make_strategy_info<MicrocapRotationStrategy>("microcap_rotation",
                                                   "micro-cap index vs Moutai index rotation: annual line of "
                                                   "the ratio, slope override, yield/crowding risk "
                                                   "overlay"));
  registry.add(make_strategy_info<TargetWeightsStrategy>(
      "target_weights",
      "trades a table of date,symbol,weight targets made elsewhere (qlib, pandas) with every A-share rule"));
  registry.add_series(
      {"microcap_index",
       "micro-cap index level (400 smallest eligible SH/SZ stocks by total cap, equal weight, "
       "daily chained, base 1000), usable as a benchmark",
       [](const MarketData& data, WarningLog* log, int32_t first, int32_t last) {
         return microcap_index_levels(data, MicrocapIndexParams{}, log, first, last);
       }});
  registry.add_instrument(
      {"microcap_index", "MICROCAP.IDX",
       "the micro-cap index (default settings) as a tradable index: open/high/low/close levels, members' "
       "volume",
       [](const MarketData& data) { return microcap_index_bars(data, MicrocapIndexParams{}); }});
}

}  // namespace abt
