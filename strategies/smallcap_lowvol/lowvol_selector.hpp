#pragma once
// The selection step of smallcap_lowvol (strategies.md section 2), reusable by other strategies (e.g. as the
// traded basket of diffusion_timing): from the micro-cap members ranked today, drop names that cannot be
// bought (suspended or closing at limit-up today: Context::status), keep the `candidates` smallest by total
// market cap, then the `holdings` with the lowest volatility of daily adjusted returns over `vol_window` days
// (a return counts when both prices exist and the later day traded; at least min_valid_fraction of the
// window), ties by code. Reads history views only (no look-ahead); allocation-free after bind().
#include <memory>
#include <vector>

#include "engine/strategy/context.hpp"
#include "strategies/indicators/bottom_k.hpp"
#include "strategies/universe/microcap_index.hpp"

namespace abt {

/// What the last select() saw, for the strategy's recorded signals.
struct LowvolStats {
  int32_t members = 0, tradable = 0, candidates = 0, selected = 0;
  double cap_min = 0, cap_max = 0, vol_min = 0,
         vol_max = 0;  // of the selection (CNY; daily std); NaN if none
};

struct LowvolSelection {
  int candidates = 100;
  int holdings = 50;
  int vol_window = 250;
  double min_valid_fraction = 0.8;
  bool skip_untradable = true;
};

class LowvolSelector {
 public:
  explicit LowvolSelector(LowvolSelection params) : params_(params) {}

  /// Resolves fields and sizes buffers (in on_start). `instruments` must outlive the selector.
  void bind(Context& ctx, const std::vector<Instrument>& instruments);
  /// Selects from `index`'s members of today (the index must have ranked today, with rank_by total for the
  /// cap filter to reuse its caps). Returns the ids in ascending (volatility, code) order.
  const std::vector<int32_t>& select(Context& ctx, const MicrocapIndex& index);
  const std::vector<int32_t>& selection() const { return selected_; }
  const LowvolStats& stats() const { return stats_; }

  /// Sample std of the returns of one adjusted price window (oldest first; NaN = no price; traded[k] false =
  /// no trade on day k, which voids the return ending at k). NaN when fewer than min_valid returns.
  static double window_volatility(const double* adjusted, const bool* traded, int32_t count,
                                  int32_t min_valid, double* scratch);

 private:
  LowvolSelection params_;
  const std::vector<Instrument>* instruments_ = nullptr;
  ind::BottomK bottom_k_;
  DataHandle close_, adj_, volume_;
  bool has_adj_ = false;
  std::vector<int32_t> tradable_, smallest_, selected_;
  std::vector<double> key_;
  std::vector<float> close_buf_, adj_buf_, volume_buf_;
  std::vector<double> adjusted_, scratch_;
  std::unique_ptr<bool[]> traded_flags_;
  LowvolStats stats_;
};

}  // namespace abt
