#include "strategies/microcap_rotation/microcap_rotation_strategy.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"
#include "strategies/common/optional_field.hpp"
#include "strategies/common/param_lookup.hpp"
#include "strategies/common/series_asof.hpp"
#include "strategies/indicators/rolling.hpp"

namespace abt {

void MicrocapRotationStrategy::Params::validate(const std::string& path) const {
  if (!parse_schedule(basket_rebalance))
    throw ConfigError(path + ".basket_rebalance: unknown schedule '" + basket_rebalance + "'");
  if (micro_asset.empty())
    throw ConfigError(path + ".micro_asset: expected 'basket' or an instrument symbol");
  if (mao_symbol.empty() && mao_members.empty())
    throw ConfigError(path + ".mao_symbol: expected the instrument held for Mao (or give mao_members)");
}

MicrocapRotationStrategy::MicrocapRotationStrategy(Params params) : params_(std::move(params)) {}

MicrocapRotationStrategy::Choice MicrocapRotationStrategy::choose(double ratio, double annual_line,
                                                                  double slope_micro, double slope_mao,
                                                                  bool use_slope_override, bool risk_on) {
  if (std::isnan(ratio) || std::isnan(annual_line)) return Choice::Cash;
  Choice c = ratio > annual_line ? Choice::Micro : Choice::Mao;
  if (use_slope_override && !std::isnan(slope_micro) && !std::isnan(slope_mao)) {
    if (slope_micro > 0 && slope_mao < 0) c = Choice::Micro;
    if (slope_micro < 0 && slope_mao > 0) c = Choice::Mao;
  }
  if (c == Choice::Micro && risk_on) c = Choice::Cash;
  return c;
}

bool MicrocapRotationStrategy::ratio_change_triggers(double now, double before, double threshold) {
  if (std::isnan(now) || std::isnan(before) || before <= 0) return false;
  return now / before - 1.0 >= threshold;
}

void MicrocapRotationStrategy::on_start(Context& ctx) {
  index_ = make_bound_microcap_index(ctx, instruments_, params_.index_params(), /*track_level=*/true);

  const Params defaults;
  if (params_.mao_members.empty()) {
    mao_id_ = param_instrument(ctx, params_.mao_symbol, "mao_symbol", defaults.mao_symbol,
                               "strategy.params.mao_members to a basket of blue chips, or mao_series to a "
                               "series");
  } else {
    std::vector<InstrumentId> members;
    for (size_t k = 0; k < params_.mao_members.size(); ++k)
      members.push_back(
          param_instrument(ctx, params_.mao_members[k], "mao_members[" + std::to_string(k) + "]", ""));
    mao_basket_ =
        std::make_unique<BasketIndex>(std::move(members), params_.mao_weighting == "cap", ctx.calendar());
    mao_basket_->bind(ctx);
  }
  broad_id_ = param_instrument(ctx, params_.broad_symbol, "broad_symbol", defaults.broad_symbol,
                               "e.g. 000001.SH, the SSE Composite");
  if (params_.micro_asset != "basket")
    micro_id_ = param_instrument(ctx, params_.micro_asset, "micro_asset", defaults.micro_asset);
  broad_close_ = ctx.field(Frequency::Daily, "close");
  mao_from_series_ = !params_.mao_series.empty();
  if (mao_from_series_)
    mao_handle_ = param_series(ctx, params_.mao_series, "mao_series");
  else if (!mao_basket_)
    mao_handle_ = broad_close_;
  has_yield_ = !params_.yield_series.empty();
  if (has_yield_)
    yield_ = param_series(ctx, params_.yield_series, "yield_series",
                          "set strategy.params.yield_series to \"\" to turn the yield trigger off");
  if (WarningLog* log = ctx.warnings()) {
    if (has_yield_)
      stale_yield_ = log->declare("stale_series", params_.yield_series,
                                  "the yield_series '" + params_.yield_series + "' has no value within " +
                                      std::to_string(kMaxSeriesAge) +
                                      " trading days of a decision day (or of its risk_lookback day): the "
                                      "yield trigger cannot fire there");
    if (mao_from_series_)
      stale_mao_ = log->declare(
          "stale_series", params_.mao_series,
          "the mao_series '" + params_.mao_series + "' has no value within " + std::to_string(kMaxSeriesAge) +
              " trading days of a decision day: the ratio R is undefined and the strategy "
              "holds cash there");
  }
  if (params_.macd_monitor && params_.macd_frequency != "60m")
    macd_ = std::make_unique<ind::Macd>(12, 26, 9, 60);
  if (params_.macd_monitor && params_.macd_frequency != "1d") {
    if (!ctx.has_frequency(Frequency::Min60))
      throw ConfigError("strategy.params.macd_frequency: " + params_.macd_frequency +
                        " needs 60-minute bars (generate or import hourly data)");
    macd_hourly_ = std::make_unique<ind::Macd>(12, 26, 9, 60);
    hourly_close_ = ctx.field(Frequency::Min60, "close");
    has_daily_adj_ = optional_daily_field(ctx, "adj_factor", daily_adj_);
    try {  // hourly factors are derived from the daily ones when the data has any (MarketData)
      hourly_adj_ = ctx.field(Frequency::Min60, "adj_factor");
      has_hourly_adj_ = hourly_adj_.panel != nullptr && !hourly_adj_.panel->empty();
    } catch (const ConfigError&) {
      has_hourly_adj_ = false;  // falls back to the factor of day t-1 (exact unless t is an ex-date)
    }
    ctx.subscribe(Frequency::Min60);
  }

  micro_returns_.resize(static_cast<size_t>(params_.vc_window));
  broad_returns_.resize(static_cast<size_t>(params_.vc_window));
  slope_buf_.resize(static_cast<size_t>(params_.slope_window));
  targets_.reserve(static_cast<size_t>(params_.index_size));
  ctx.subscribe(Frequency::Daily);
  if (micro_id_ < 0) timer_ = ctx.schedule(*parse_schedule(params_.basket_rebalance));
  // What it decides on (leg: 0 cash, 1 micro-cap, 2 Mao).
  signals_.ratio = ctx.declare_signal("ratio");
  signals_.annual_line = ctx.declare_signal("ratio_annual_line");
  signals_.slope_micro = ctx.declare_signal("slope_micro", Frequency::Daily, SignalStyle{{0.0}});
  signals_.slope_mao = ctx.declare_signal("slope_mao", Frequency::Daily, SignalStyle{{0.0}});
  if (has_yield_)
    signals_.yield_change =
        ctx.declare_signal("yield_ratio_change", Frequency::Daily, SignalStyle{{params_.yield_threshold}});
  signals_.vc_change =
      ctx.declare_signal("vc_ratio_change", Frequency::Daily, SignalStyle{{params_.vc_threshold}});
  signals_.risk_off = ctx.declare_signal("risk_off");
  signals_.leg = ctx.declare_signal("leg", Frequency::Daily, SignalStyle{{0.0, 1.0, 2.0}});
  if (macd_ || macd_hourly_) signals_.exposure = ctx.declare_signal("micro_exposure");
}

double MicrocapRotationStrategy::mao_level(const HistoryView& mao, int32_t lag) const {
  if (!mao_from_series_ && mao_basket_) {
    const int32_t day = index_->last_day() - lag;
    return day >= 0 ? mao_basket_->levels()[static_cast<size_t>(day)] : ind::kNaN;
  }
  if (mao_from_series_) return latest_within(mao, lag, kMaxSeriesAge);
  if (lag >= mao.size()) return ind::kNaN;
  return mao.at(lag, mao_id_);
}

double MicrocapRotationStrategy::crowding(const HistoryView& broad, int32_t lag) {
  const std::vector<double>& levels = index_->levels();
  const int32_t today = index_->last_day();
  const int32_t w = params_.vc_window;
  if (lag + w >= broad.size() || today - lag - w < 0) return ind::kNaN;
  double* micro = micro_returns_.data();
  double* wide = broad_returns_.data();
  for (int32_t k = 0; k < w; ++k) {
    const int32_t l = lag + k;
    const auto d = static_cast<size_t>(today - l);
    micro[k] = levels[d] / levels[d - 1] - 1.0;
    wide[k] = double{broad.at(l, broad_id_)} / double{broad.at(l + 1, broad_id_)} - 1.0;
  }
  const double sm = ind::sample_std(micro, w, w), sb = ind::sample_std(wide, w, w);
  return sb > 0 ? sm / sb : ind::kNaN;
}

void MicrocapRotationStrategy::on_hourly_bar(Context& ctx) {
  // During day t the daily history ends at t-1: the index must have processed exactly t-1.
  if (index_->last_day() != ctx.today_index() - 1) return;
  const double prev = index_->level();
  const HistoryView hc = ctx.history(hourly_close_, 1);
  const HistoryView ha = has_hourly_adj_ ? ctx.history(hourly_adj_, 1) : HistoryView();
  const HistoryView dc = ctx.history(broad_close_, 1);
  const HistoryView da = has_daily_adj_ ? ctx.history(daily_adj_, 1) : HistoryView();
  // On the first day of the data there is no closed daily bar yet (the daily history ends at t-1): no level.
  if (hc.empty() || dc.empty() || (has_hourly_adj_ && ha.empty()) || (has_daily_adj_ && da.empty())) return;
  const auto hourly_adj =
      has_hourly_adj_ ? ha.latest() : (has_daily_adj_ ? da.latest() : std::span<const float>());
  const double level = equal_weight_level(prev, index_->members(), hc.latest(), hourly_adj, dc.latest(),
                                          has_daily_adj_ ? da.latest() : std::span<const float>());
  macd_hourly_->push(level);
  double exposure = micro_exposure_;
  if (macd_hourly_->top_divergence()) exposure = 0.5;
  if (macd_hourly_->golden_cross()) exposure = 1.0;
  if (exposure == micro_exposure_) return;
  micro_exposure_ = exposure;
  if (choice_ == Choice::Micro) retarget(ctx);
}

void MicrocapRotationStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency == Frequency::Min60) {
    if (macd_hourly_) on_hourly_bar(ctx);
    return;
  }
  if (frequency != Frequency::Daily) return;
  index_->update(ctx);
  if (mao_basket_) mao_basket_->update(ctx);
  const std::vector<double>& levels = index_->levels();
  const int32_t today = index_->last_day();
  const int32_t length =
      std::max({params_.annual_window, params_.slope_window, params_.risk_lookback + params_.vc_window + 1}) +
      1;
  const HistoryView mao =
      mao_handle_.panel ? ctx.history(mao_handle_, length + kMaxSeriesAge) : HistoryView();
  const HistoryView broad = ctx.history(broad_close_, length);

  // R and its annual line.
  const double mao_now = mao_level(mao, 0);
  const Date date = ctx.calendar().day(today);
  if (mao_from_series_ && std::isnan(mao_now) && ctx.warnings()) ctx.warnings()->count(stale_mao_, date);
  const double ratio = levels[static_cast<size_t>(today)] / mao_now;
  double line = ind::kNaN;
  if (today + 1 >= params_.annual_window) {
    double sum = 0;
    for (int32_t k = 0; k < params_.annual_window; ++k)
      sum += levels[static_cast<size_t>(today - k)] / mao_level(mao, k);
    line = sum / params_.annual_window;
  }
  // Slopes.
  double slope_micro = ind::kNaN, slope_mao = ind::kNaN;
  const int32_t w = params_.slope_window;
  if (today + 1 >= w) {
    slope_micro = ind::normalized_slope(&levels[static_cast<size_t>(today - w + 1)], w);
    for (int32_t k = 0; k < w; ++k) slope_buf_[static_cast<size_t>(k)] = mao_level(mao, w - 1 - k);
    slope_mao = ind::normalized_slope(slope_buf_.data(), w);
  }
  // Risk overlay.
  const double vc_now = crowding(broad, 0), vc_before = crowding(broad, params_.risk_lookback);
  bool risk_on = ratio_change_triggers(vc_now, vc_before, params_.vc_threshold);
  double yield_change = ind::kNaN;
  if (has_yield_) {
    // The latest yield within kMaxSeriesAge days of today and of the lookback day (never a later one).
    const HistoryView y = ctx.history(yield_, params_.risk_lookback + 1 + kMaxSeriesAge);
    if (y.size() > params_.risk_lookback) {
      const double now = latest_within(y, 0, kMaxSeriesAge);
      const double before = latest_within(y, params_.risk_lookback, kMaxSeriesAge);
      if ((std::isnan(now) || std::isnan(before)) && ctx.warnings())
        ctx.warnings()->count(stale_yield_, date);
      risk_on = risk_on || ratio_change_triggers(now, before, params_.yield_threshold);
      if (before > 0) yield_change = now / before - 1.0;
    }
  }
  // MACD monitor.
  double exposure = micro_exposure_;
  if (macd_) {
    macd_->push(levels[static_cast<size_t>(today)]);
    if (macd_->top_divergence()) exposure = 0.5;
    if (macd_->golden_cross()) exposure = 1.0;
  }
  const Choice next = choose(ratio, line, slope_micro, slope_mao, params_.use_slope_override, risk_on);
  ctx.record(signals_.ratio, ratio);
  ctx.record(signals_.annual_line, line);
  ctx.record(signals_.slope_micro, slope_micro);
  ctx.record(signals_.slope_mao, slope_mao);
  ctx.record(signals_.yield_change, yield_change);
  ctx.record(signals_.vc_change, vc_before > 0 ? vc_now / vc_before - 1.0 : ind::kNaN);
  ctx.record(signals_.risk_off, risk_on ? 1.0 : 0.0);
  ctx.record(signals_.leg, static_cast<double>(static_cast<int>(next)));
  if (macd_ || macd_hourly_) ctx.record(signals_.exposure, exposure);
  if (next == choice_ && (next != Choice::Micro || exposure == micro_exposure_)) {
    micro_exposure_ = exposure;
    return;
  }
  choice_ = next;
  micro_exposure_ = exposure;
  retarget(ctx);
}

void MicrocapRotationStrategy::retarget(Context& ctx) {
  targets_.clear();
  if (choice_ == Choice::Mao && mao_basket_) {
    const auto weights = mao_basket_->weights();
    for (size_t k = 0; k < weights.size(); ++k)
      if (weights[k] > 0) targets_.push_back({mao_basket_->members()[k], weights[k]});
  } else if (choice_ == Choice::Mao) {
    targets_.push_back({mao_id_, 1.0});
  } else if (choice_ == Choice::Micro) {
    if (micro_id_ >= 0) {
      targets_.push_back({micro_id_, micro_exposure_});
    } else {
      const auto& members = index_->members();
      for (const int32_t id : members)
        targets_.push_back({id, micro_exposure_ / static_cast<double>(members.size())});
    }
  }
  ctx.target_weights(targets_, /*exit_others=*/true);
}

void MicrocapRotationStrategy::on_timer(Context& ctx, TimerId id) {
  if (id == timer_ && choice_ == Choice::Micro && micro_id_ < 0) retarget(ctx);
}

}  // namespace abt
