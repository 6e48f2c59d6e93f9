#include "strategies/smallcap_lowvol/smallcap_lowvol_strategy.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "strategies/indicators/rolling.hpp"
#include "strategies/universe/price_limit.hpp"

namespace abt {

void SmallcapLowvolStrategy::Params::validate(const std::string& path) const {
  if (holdings > candidates)
    throw ConfigError(path + ".holdings: must not exceed candidates (" + std::to_string(holdings) + " > " +
                      std::to_string(candidates) + ")");
  if (!parse_schedule(rebalance))
    throw ConfigError(path + ".rebalance: unknown schedule '" + rebalance +
                      "' (expected daily, every:N, weekly, biweekly, month_start, month_end)");
  for (size_t k = 0; k < cash_months.size(); ++k)
    if (cash_months[k] < 1 || cash_months[k] > 12)
      throw ConfigError(path + ".cash_months[" + std::to_string(k) + "]: expected a month 1-12, got " +
                        std::to_string(cash_months[k]));
}

SmallcapLowvolStrategy::SmallcapLowvolStrategy(Params params) : params_(std::move(params)) {}

double SmallcapLowvolStrategy::window_volatility(const double* adjusted, const bool* traded, int32_t count,
                                                 int32_t min_valid, double* scratch) {
  for (int32_t k = 1; k < count; ++k) {
    const double a = adjusted[k - 1], b = adjusted[k];
    scratch[k - 1] = traded[k] && std::isfinite(a) && std::isfinite(b) && a > 0 ? b / a - 1.0 : ind::kNaN;
  }
  return ind::sample_std(scratch, count - 1, min_valid);
}

void SmallcapLowvolStrategy::on_start(Context& ctx) {
  MicrocapIndexParams ip;
  ip.size = params_.index_size;
  ip.rank_by = params_.rank_by;
  ip.exclude_st = params_.exclude_st;
  ip.require_ipo_break = params_.require_ipo_break;
  const int32_t n = ctx.instrument_count();
  instruments_.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) instruments_.push_back(ctx.instrument(i));
  index_ = std::make_unique<MicrocapIndex>(instruments_, ctx.calendar(), ip, /*track_level=*/false);
  index_->bind(ctx);
  std::vector<std::string_view> symbols;
  for (const auto& inst : instruments_) symbols.push_back(inst.symbol);
  bottom_k_ = ind::BottomK(ind::code_ranks(symbols));

  close_ = ctx.field(Frequency::Daily, "close");
  volume_ = ctx.field(Frequency::Daily, "volume");
  pre_close_ = ctx.field(Frequency::Daily, "pre_close");
  total_shares_ = ctx.field(Frequency::Daily, "total_shares");
  try {
    adj_ = ctx.field(Frequency::Daily, "adj_factor");
    has_adj_ = true;
  } catch (const ConfigError&) {
    has_adj_ = false;
  }
  try {
    is_st_ = ctx.field(Frequency::Daily, "is_st");
    has_st_ = true;
  } catch (const ConfigError&) {
    has_st_ = false;
  }
  const auto window = static_cast<size_t>(params_.vol_window) + 1;
  close_buf_.resize(window);
  adj_buf_.resize(window);
  volume_buf_.resize(window);
  adjusted_.resize(window);
  scratch_.resize(window);
  traded_flags_ = std::make_unique<bool[]>(window);
  key_.assign(static_cast<size_t>(n), ind::kNaN);
  tradable_.reserve(static_cast<size_t>(params_.index_size));
  smallest_.reserve(static_cast<size_t>(params_.candidates));
  selected_.reserve(static_cast<size_t>(params_.holdings));
  targets_.reserve(static_cast<size_t>(params_.holdings));
  ctx.subscribe(Frequency::Daily);
  timer_ = ctx.schedule(*parse_schedule(params_.rebalance));
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
  const int32_t today = ctx.today_index();
  const Date date = ctx.calendar().day(today);
  const std::vector<int32_t>& members = index_->rank_now(ctx);

  // 2. Drop names that cannot be bought (suspended or at limit-up at the signal close).
  const HistoryView close_now = ctx.history(close_, 1), volume_now = ctx.history(volume_, 1),
                    pre_now = ctx.history(pre_close_, 1);
  const HistoryView st_now = has_st_ ? ctx.history(is_st_, 1) : HistoryView();
  tradable_.clear();
  for (const int32_t id : members) {
    if (params_.skip_untradable) {
      if (!(volume_now.at(0, id) > 0)) continue;
      const Instrument& inst = instruments_[static_cast<size_t>(id)];
      const bool st = has_st_ && st_now.at(0, id) == 1.0f;
      const int64_t limit = limit_up_cents(inst.board, st, date, inst.list_date,
                                           index_->days_listed(id, today), pre_now.at(0, id));
      if (limit >= 0 && to_cents(close_now.at(0, id)) >= limit) continue;
    }
    tradable_.push_back(id);
  }

  // 3. The smallest by total market cap (the index's caps when it ranks by total shares).
  const std::span<const double> caps = index_->caps();
  if (params_.rank_by == "total") {
    bottom_k_.select(tradable_, caps, params_.candidates, smallest_);
  } else {
    const HistoryView shares = ctx.history(total_shares_, 1);
    for (const int32_t id : tradable_)
      key_[static_cast<size_t>(id)] = double{close_now.at(0, id)} * shares.at(0, id);
    bottom_k_.select(tradable_, key_, params_.candidates, smallest_);
  }

  // 4. The lowest volatility among them.
  const int32_t window = params_.vol_window + 1;
  const HistoryView closes = ctx.history(close_, window), volumes = ctx.history(volume_, window);
  const HistoryView adjs = has_adj_ ? ctx.history(adj_, window) : HistoryView();
  const auto min_valid =
      static_cast<int32_t>(std::ceil(params_.min_valid_fraction * params_.vol_window - 1e-9));
  for (const int32_t id : smallest_) {
    const int32_t count = closes.copy_column(id, close_buf_);
    volumes.copy_column(id, volume_buf_);
    if (has_adj_) adjs.copy_column(id, adj_buf_);
    for (int32_t k = 0; k < count; ++k) {
      const double factor = has_adj_ ? adj_buf_[static_cast<size_t>(k)] : 1.0;
      adjusted_[static_cast<size_t>(k)] = double{close_buf_[static_cast<size_t>(k)]} * factor;
      traded_flags_[static_cast<size_t>(k)] = volume_buf_[static_cast<size_t>(k)] > 0;
    }
    key_[static_cast<size_t>(id)] = window_volatility(adjusted_.data(), traded_flags_.get(), count,
                                                      std::max(min_valid, 2), scratch_.data());
  }
  bottom_k_.select(smallest_, key_, params_.holdings, selected_);
  for (const int32_t id : smallest_) key_[static_cast<size_t>(id)] = ind::kNaN;

  // 5. Equal weight.
  targets_.clear();
  const double weight = 1.0 / static_cast<double>(params_.holdings);
  for (const int32_t id : selected_) targets_.push_back({id, weight});
  ctx.target_weights(targets_, /*exit_others=*/true);
}

}  // namespace abt
