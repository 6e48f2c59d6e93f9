#include "strategies/smallcap_lowvol/smallcap_lowvol_strategy.hpp"

#include <cmath>

#include "engine/core/error.hpp"

namespace abt {

void SmallcapLowvolStrategy::Params::validate(const std::string& path) const {
  if (holdings > candidates)
    throw ConfigError(path + ".holdings: must not exceed candidates (" + std::to_string(holdings) + " > " +
                      std::to_string(candidates) + ")");
  const auto parsed = parse_schedule(rebalance);
  if (!parsed)
    throw ConfigError(path + ".rebalance: unknown schedule '" + rebalance +
                      "' (expected daily, every:N, weekly, biweekly, weeks:N, month_start, month_end, "
                      "optionally with a phase :K)");
  if (rebalance_phase != 0 && !parsed->has_phase())
    throw ConfigError(path + ".rebalance_phase: " + rebalance + " has no phase (expected 0, got " +
                      std::to_string(rebalance_phase) + ")");
  if (rebalance_phase != 0 && parsed->offset != 0)
    throw ConfigError(path + ".rebalance_phase: the phase is already given in rebalance '" + rebalance +
                      "'; set it once");
  for (size_t k = 0; k < cash_months.size(); ++k)
    if (cash_months[k] < 1 || cash_months[k] > 12)
      throw ConfigError(path + ".cash_months[" + std::to_string(k) + "]: expected a month 1-12, got " +
                        std::to_string(cash_months[k]));
}

Schedule SmallcapLowvolStrategy::Params::schedule() const {
  Schedule s = *parse_schedule(rebalance);
  if (rebalance_phase != 0) s.offset = rebalance_phase;
  return s;
}

SmallcapLowvolStrategy::SmallcapLowvolStrategy(Params params) : params_(std::move(params)) {}

void SmallcapLowvolStrategy::on_start(Context& ctx) {
  index_ = make_bound_microcap_index(ctx, instruments_, params_.index_params(), /*track_level=*/false);
  LowvolSelection sel;
  sel.candidates = params_.candidates;
  sel.holdings = params_.holdings;
  sel.vol_window = params_.vol_window;
  sel.min_valid_fraction = params_.min_valid_fraction;
  sel.skip_untradable = params_.skip_untradable;
  selector_ = std::make_unique<LowvolSelector>(sel);
  selector_->bind(ctx, instruments_);
  targets_.reserve(static_cast<size_t>(params_.holdings));
  ctx.subscribe(Frequency::Daily);
  timer_ = ctx.schedule(params_.schedule());
  signals_.members = ctx.declare_signal("members");
  signals_.tradable = ctx.declare_signal("tradable_members");
  signals_.candidates = ctx.declare_signal("candidates");
  signals_.holdings = ctx.declare_signal("holdings");
  signals_.cap_min = ctx.declare_signal("selection_cap_min");
  signals_.cap_max = ctx.declare_signal("selection_cap_max");
  signals_.vol_min = ctx.declare_signal("selection_vol_min");
  signals_.vol_max = ctx.declare_signal("selection_vol_max");
}

bool SmallcapLowvolStrategy::cash_month(Context& ctx) const {
  const int month = ctx.calendar().day(ctx.today_index()).month();
  for (const int m : params_.cash_months)
    if (m == month) return true;
  return false;
}

void SmallcapLowvolStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency != Frequency::Daily) return;
  index_->update(ctx);
  if (params_.cash_months.empty()) return;
  const bool cash = cash_month(ctx);
  if (cash && !in_cash_) {
    in_cash_ = true;
    targets_.clear();
    ctx.target_weights(targets_, /*exit_others=*/true);
  } else if (!cash && in_cash_) {
    in_cash_ = false;
    rebalance(ctx);
  }
}

void SmallcapLowvolStrategy::on_timer(Context& ctx, TimerId id) {
  if (id != timer_ || in_cash_) return;
  rebalance(ctx);
}

void SmallcapLowvolStrategy::rebalance(Context& ctx) {
  index_->rank_now(ctx);
  const std::vector<int32_t>& selected = selector_->select(ctx, *index_);
  const LowvolStats& st = selector_->stats();
  ctx.record(signals_.members, st.members);
  ctx.record(signals_.tradable, st.tradable);
  ctx.record(signals_.candidates, st.candidates);
  ctx.record(signals_.holdings, st.selected);
  ctx.record(signals_.cap_min, st.cap_min);
  ctx.record(signals_.cap_max, st.cap_max);
  ctx.record(signals_.vol_min, st.vol_min);
  ctx.record(signals_.vol_max, st.vol_max);
  targets_.clear();
  const double weight = 1.0 / static_cast<double>(params_.holdings);
  for (const int32_t id : selected) targets_.push_back({id, weight});
  ctx.target_weights(targets_, /*exit_others=*/true);
}

}  // namespace abt
