#pragma once
// dual_ma (strategies.md section 5): SMA fast/slow cross-over timing on one or more instruments (stocks or
// tradable indices), on daily or 60-minute bars, long or flat. Instrument k is long with weight w_k when
// SMA(fast) > SMA(slow) of its adjusted close at a bar close, and flat otherwise (equal averages, compared
// exactly on a 0.0001 price grid, are flat: see signal()); orders are sent only on cross-over events (state
// changes), so positions are not re-weighted between crosses.
#include <memory>
#include <string>
#include <vector>

#include "engine/strategy/params.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/dual_ma/sma_window.hpp"
#include "strategies/dual_ma/window_sums.hpp"

namespace abt {

class DualMaStrategy final : public Strategy {
 public:
  struct Params {
    std::vector<std::string> symbols{"BROAD.IDX"};
    int fast = 5;
    int slow = 20;
    std::string frequency = "1d";
    std::string price = "adjusted";
    double weight = 0.0;

    template <class V>
    void describe(V& v) {
      v("symbols", symbols, "instruments to time (stocks or tradable indices such as BROAD.IDX)");
      v("fast", fast, "fast SMA window in bars", Check::range(1, kMaxWindow));
      v("slow", slow, "slow SMA window in bars", Check::range(2, kMaxWindow));
      v("frequency", frequency, "bars the signal is computed on", Check::one_of({"1d", "60m"}));
      v("price", price, "signal price: back-adjusted close or raw (unadjusted) close",
        Check::one_of({"adjusted", "raw"}));
      v("weight", weight, "NAV weight of each long instrument; 0 = 1 / number of symbols",
        Check::range(0, 1));
    }
    void validate(const std::string& path) const;
  };

  explicit DualMaStrategy(Params params);

  void on_start(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;

  /// SMA cross state of one price window (oldest first): +1 long, 0 flat, -1 not enough valid data.
  /// Exact: each signal price close x factor (factor 1 when `factors` is null or NaN) is rounded half-up to
  /// 0.0001 as an integer u_i, and the state is long iff sum_fast(u) / fast > sum_slow(u) / slow, compared
  /// in integers; so prices on the 0.01 tick (raw stock closes) compare as their exact decimal values and
  /// equal averages are flat. A NaN or negative price (or one of 9e11 or more) gives -1.
  static int signal(const float* closes, const float* factors, int count, int fast, int slow);
  /// Symbols whose two averages are recorded as signals (`<symbol>_fast`, `<symbol>_slow`, `<symbol>_long`):
  /// the first ones of `symbols`, so a run over many symbols stays a small signals file.
  static constexpr size_t kRecordedSymbols = 4;

 private:
  void record_averages(Context& ctx, size_t k);

  Params params_;
  Frequency frequency_ = Frequency::Daily;
  std::vector<InstrumentId> ids_;
  std::vector<bool> long_;
  std::vector<WeightTarget> changes_;
  std::vector<SmaWindow> windows_;  // per instrument: its last `slow` bars (sma_window.hpp)
  int32_t bars_seen_ = 0;           // bars of frequency_ closed at the last on_bar
  // Per recorded symbol: the shared sums of its fast and slow windows (window_sums.hpp), or nullptr.
  std::vector<std::shared_ptr<const WindowSums>> fast_sums_, slow_sums_;
  DataHandle close_, adj_;
  bool adjusted_ = true;
  std::vector<SignalHandle> sig_fast_, sig_slow_, sig_long_;
};

}  // namespace abt
