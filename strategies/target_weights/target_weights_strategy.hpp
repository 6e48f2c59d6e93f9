#pragma once
// target_weights (docs/target-weights.md): trades a table of target weights produced elsewhere (a CSV of
// date,symbol,weight; strategies/target_weights/weights_table.hpp) with every rule of the run: T+1, price
// limits, suspensions, board lots, costs, participation caps and the risk module.
//
// Decision time: the weights of date d are the targets decided at the close of d. The strategy places them in
// on_bar(1d) of d (after the daily close), so they fill per execution.fill: next_open (default) at the open
// of the next trading day, close at the close of d itself (research at close prices), next_close /
// next_bar_vwap at the next day's close / VWAP. Blocked orders (limit-up buys, suspended names, ...) are
// retried at the next bar until filled or replaced by the next date's targets (execution.retry_blocked).
// Symbols absent on a date of the file: with absent = "zero" (default) each date is a complete portfolio and
// every other holding (and pending order) targets 0; with absent = "keep" they are left as they are. Between
// the dates of the file nothing is re-weighted (holdings drift with prices). Dates before the run's first
// day or after its last are not traded (warning unused_weight_dates).
//
// Recorded signals on the dates traded: weight_sum (sum of the file's weights) and names (rows of the date).
#include <string>

#include "engine/strategy/params.hpp"
#include "engine/strategy/path_param.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/target_weights/weights_table.hpp"

namespace abt {

class TargetWeightsStrategy final : public Strategy {
 public:
  struct Params {
    FilePath file;
    std::string absent = "zero";
    double tolerance = 1e-6;

    template <class V>
    void describe(V& v) {
      v("file", file,
        "CSV of date,symbol,weight (weight = fraction of NAV decided at the close of date; relative to the "
        "config file)");
      v("absent", absent,
        "symbols absent on a date of the file: zero = sold (each date is a whole portfolio), keep = left as "
        "they are",
        Check::one_of({"zero", "keep"}));
      v("tolerance", tolerance, "how far the weights of a date may sum over 1 (rounding in the producer)",
        Check::range(0, 0.1));
    }
    void validate(const std::string& path) const;
  };

  explicit TargetWeightsStrategy(Params params);

  void on_start(Context& ctx) override;
  void on_bar(Context& ctx, Frequency frequency) override;
  void on_finish(Context& ctx) override;

  const WeightsTable& table() const { return table_; }

 private:
  Params params_;
  WeightsTable table_;
  size_t next_ = 0;  // the first date of the table not traded or skipped yet
  int64_t before_start_ = 0;
  WarningHandle unused_ = -1;
  SignalHandle weight_sum_ = -1, names_ = -1;
};

}  // namespace abt
