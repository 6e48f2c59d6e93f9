#include "strategies/diffusion_timing/diffusion_timing_strategy.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"
#include "strategies/common/optional_field.hpp"

namespace abt {

void DiffusionTimingStrategy::Params::validate(const std::string& path) const {
  if (fast >= slow)
    throw ConfigError(path + ".fast: must be smaller than slow (" + std::to_string(fast) +
                      " >= " + std::to_string(slow) + ")");
  if (lower >= upper)
    throw ConfigError(path + ".lower: must be below upper (" + std::to_string(lower) +
                      " >= " + std::to_string(upper) + ")");
  if (!parse_schedule(basket_rebalance))
    throw ConfigError(path + ".basket_rebalance: unknown schedule '" + basket_rebalance + "'");
  if (lowvol_holdings > lowvol_candidates)
    throw ConfigError(path + ".lowvol_holdings: must not exceed lowvol_candidates");
  if (asset.empty()) throw ConfigError(path + ".asset: expected 'basket' or an instrument symbol");
}

DiffusionTimingStrategy::DiffusionTimingStrategy(Params params)
    : params_(std::move(params)), sma_fast_(params_.fast), sma_slow_(params_.slow) {}

bool DiffusionTimingStrategy::first_threshold(bool is_long, double di, double lower, double upper) {
  if (std::isnan(di)) return is_long;
  if (is_long && di > upper) return false;
  if (!is_long && di < lower) return true;
  return is_long;
}

bool DiffusionTimingStrategy::delayed_threshold(bool is_long, double di_prev, double di, double lower,
                                                double upper) {
  if (std::isnan(di) || std::isnan(di_prev)) return is_long;
  if (is_long && di_prev > upper && upper >= di) return false;
  if (!is_long && di_prev < lower && lower <= di) return true;
  return is_long;
}

bool DiffusionTimingStrategy::dual_ma(bool is_long, double sma_fast, double sma_slow) {
  if (std::isnan(sma_fast) || std::isnan(sma_slow)) return is_long;
  return sma_fast > sma_slow;
}

double DiffusionTimingStrategy::diffusion_index(std::span<const int32_t> members, const HistoryView& closes,
                                                const HistoryView* factors, int32_t lookback) {
  if (members.empty()) return ind::kNaN;
  const auto adjusted = [&](int32_t lag, int32_t id) {
    const double f = factors ? double{factors->at(lag, id)} : 1.0;
    return double{closes.at(lag, id)} * (std::isnan(f) ? 1.0 : f);
  };
  int32_t rising = 0;
  const int32_t oldest = std::min(lookback, closes.size() - 1);
  for (const int32_t id : members) {
    const double now = adjusted(0, id);
    double before = ind::kNaN;
    for (int32_t lag = oldest; lag > 0 && std::isnan(before); --lag) before = adjusted(lag, id);
    if (std::isnan(before)) before = now;  // first price today: no rise
    if (now > before) ++rising;
  }
  return static_cast<double>(rising) / static_cast<double>(members.size());
}

void DiffusionTimingStrategy::on_start(Context& ctx) {
  index_ = make_bound_microcap_index(ctx, instruments_, params_.index_params(), /*track_level=*/true);
  method_ = params_.method == "first_threshold"     ? Method::FirstThreshold
            : params_.method == "delayed_threshold" ? Method::DelayedThreshold
                                                    : Method::DualMa;
  close_ = ctx.field(Frequency::Daily, "close");
  has_adj_ = optional_daily_field(ctx, "adj_factor", adj_);
  if (params_.asset == "smallcap_lowvol") {
    LowvolSelection sel;
    sel.candidates = params_.lowvol_candidates;
    sel.holdings = params_.lowvol_holdings;
    lowvol_ = std::make_unique<LowvolSelector>(sel);
    lowvol_->bind(ctx, instruments_);
  } else if (params_.asset != "basket") {
    const auto id = ctx.find_instrument(params_.asset);
    if (!id) throw ConfigError("strategy.params.asset: unknown instrument '" + params_.asset + "'");
    asset_id_ = *id;
  }
  targets_.reserve(static_cast<size_t>(params_.index_size));
  ctx.subscribe(Frequency::Daily);
  if (asset_id_ < 0) timer_ = ctx.schedule(*parse_schedule(params_.basket_rebalance));
  // What it decides on: DI with its thresholds (or its two averages), the position, the members counted.
  SignalStyle di_style;
  if (method_ != Method::DualMa) di_style.levels = {params_.lower, params_.upper};
  sig_di_ = ctx.declare_signal("di", Frequency::Daily, di_style);
  if (method_ == Method::DualMa) {
    sig_fast_ = ctx.declare_signal("di_fast");
    sig_slow_ = ctx.declare_signal("di_slow");
  }
  sig_position_ = ctx.declare_signal("position", Frequency::Daily, SignalStyle{{0.0, 1.0}});
  sig_members_ = ctx.declare_signal("members");
}

void DiffusionTimingStrategy::enter(Context& ctx) {
  targets_.clear();
  if (asset_id_ >= 0) {
    targets_.push_back({asset_id_, 1.0});
  } else if (lowvol_) {
    for (const int32_t id : lowvol_->select(ctx, *index_))
      targets_.push_back({id, 1.0 / static_cast<double>(params_.lowvol_holdings)});
  } else {
    const auto& members = index_->members();
    for (const int32_t id : members) targets_.push_back({id, 1.0 / static_cast<double>(members.size())});
  }
  ctx.target_weights(targets_, /*exit_others=*/true);
}

void DiffusionTimingStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency != Frequency::Daily) return;
  index_->update(ctx);
  const HistoryView closes = ctx.history(close_, params_.lookback + 1);
  const HistoryView factors = has_adj_ ? ctx.history(adj_, params_.lookback + 1) : HistoryView();
  const double di =
      diffusion_index(index_->members(), closes, has_adj_ ? &factors : nullptr, params_.lookback);
  bool next = long_;
  if (method_ == Method::FirstThreshold) {
    next = first_threshold(long_, di, params_.lower, params_.upper);
  } else if (method_ == Method::DelayedThreshold) {
    next = delayed_threshold(long_, di_prev_, di, params_.lower, params_.upper);
  } else {
    if (!std::isnan(di)) {
      sma_fast_.push(di);
      sma_slow_.push(di);
    }
    next = dual_ma(long_, sma_fast_.value(), sma_slow_.value());
  }
  di_prev_ = di;
  ctx.record(sig_di_, di);
  if (method_ == Method::DualMa) {
    ctx.record(sig_fast_, sma_fast_.value());
    ctx.record(sig_slow_, sma_slow_.value());
  }
  ctx.record(sig_position_, next ? 1.0 : 0.0);
  ctx.record(sig_members_, static_cast<double>(index_->members().size()));
  if (next == long_) return;
  long_ = next;
  if (long_) {
    enter(ctx);
  } else {
    targets_.clear();
    ctx.target_weights(targets_, /*exit_others=*/true);
  }
}

void DiffusionTimingStrategy::on_timer(Context& ctx, TimerId id) {
  if (id == timer_ && long_ && asset_id_ < 0) enter(ctx);
}

}  // namespace abt
