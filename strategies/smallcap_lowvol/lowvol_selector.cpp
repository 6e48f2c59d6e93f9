#include "strategies/smallcap_lowvol/lowvol_selector.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "strategies/common/optional_field.hpp"
#include "strategies/indicators/rolling.hpp"

namespace abt {

double LowvolSelector::window_volatility(const double* adjusted, const bool* traded, int32_t count,
                                         int32_t min_valid, double* scratch) {
  for (int32_t k = 1; k < count; ++k) {
    const double a = adjusted[k - 1], b = adjusted[k];
    scratch[k - 1] = traded[k] && std::isfinite(a) && std::isfinite(b) && a > 0 ? b / a - 1.0 : ind::kNaN;
  }
  return ind::sample_std(scratch, count - 1, min_valid);
}

int32_t LowvolSelector::min_valid() const {
  return std::max(static_cast<int32_t>(std::ceil(params_.min_valid_fraction * params_.vol_window - 1e-9)), 2);
}

void LowvolSelector::bind(Context& ctx, const std::vector<Instrument>& instruments) {
  instruments_ = &instruments;
  std::vector<std::string_view> symbols;
  symbols.reserve(instruments.size());
  for (const auto& inst : instruments) symbols.push_back(inst.symbol);
  bottom_k_ = ind::BottomK(ind::code_ranks(symbols));
  close_ = ctx.field(Frequency::Daily, "close");
  volume_ = ctx.field(Frequency::Daily, "volume");
  has_adj_ = optional_daily_field(ctx, "adj_factor", adj_);
  const auto window = static_cast<size_t>(params_.vol_window) + 1;
  close_buf_.resize(window);
  adj_buf_.resize(window);
  volume_buf_.resize(window);
  adjusted_.resize(window);
  scratch_.resize(window);
  traded_flags_ = std::make_unique<bool[]>(window);
  key_.assign(instruments.size(), ind::kNaN);
  cap_.assign(instruments.size(), ind::kNaN);
  if (const MarketData* data = ctx.market_data())
    memo_ = shared_volatility_memo(*data, params_.vol_window, min_valid());
  tradable_.reserve(instruments.size());
  smallest_.reserve(static_cast<size_t>(params_.candidates));
  selected_.reserve(static_cast<size_t>(params_.holdings));
}

const std::vector<int32_t>& LowvolSelector::select(Context& ctx, const MicrocapIndex& index) {
  // Drop names that cannot be bought (suspended or at limit-up at the signal close).
  tradable_.clear();
  const std::span<const double> member_caps = index.member_total_caps();
  for (size_t k = 0; k < index.members().size(); ++k) {
    const int32_t id = index.members()[k];
    if (params_.skip_untradable) {
      const TradingStatus status = ctx.status(id);
      if (status.suspended || status.at_limit_up) continue;
    }
    tradable_.push_back(id);
    cap_[static_cast<size_t>(id)] = member_caps[k];
  }

  // The smallest by total market cap (the index computed it for its members at this close).
  bottom_k_.select(tradable_, cap_, params_.candidates, smallest_);

  // The lowest volatility among them.
  const int32_t window = params_.vol_window + 1;
  const HistoryView closes = ctx.history(close_, window), volumes = ctx.history(volume_, window);
  const HistoryView adjs = has_adj_ ? ctx.history(adj_, window) : HistoryView();
  const int32_t min_valid = this->min_valid();
  const int32_t today = ctx.today_index();
  if (memo_) memo_->fill(today, smallest_);
  for (const int32_t id : smallest_) {
    if (memo_) {  // shared by every run with this window (lowvol_volatility.hpp): the same value
      key_[static_cast<size_t>(id)] = memo_->at(today, id);
      continue;
    }
    const int32_t count = closes.copy_column(id, close_buf_);
    volumes.copy_column(id, volume_buf_);
    if (has_adj_) adjs.copy_column(id, adj_buf_);
    for (int32_t k = 0; k < count; ++k) {
      const auto kk = static_cast<size_t>(k);
      const double factor = has_adj_ ? adj_buf_[kk] : 1.0;
      adjusted_[kk] = double{close_buf_[kk]} * factor;
      traded_flags_[kk] = volume_buf_[kk] > 0;
    }
    key_[static_cast<size_t>(id)] =
        window_volatility(adjusted_.data(), traded_flags_.get(), count, min_valid, scratch_.data());
  }
  bottom_k_.select(smallest_, key_, params_.holdings, selected_);
  stats_ = LowvolStats{static_cast<int32_t>(index.members().size()),
                       static_cast<int32_t>(tradable_.size()),
                       static_cast<int32_t>(smallest_.size()),
                       static_cast<int32_t>(selected_.size()),
                       ind::kNaN,
                       ind::kNaN,
                       ind::kNaN,
                       ind::kNaN};
  for (const int32_t id : selected_) {
    const double cap = cap_[static_cast<size_t>(id)], vol = key_[static_cast<size_t>(id)];
    stats_.cap_min = std::isnan(stats_.cap_min) ? cap : std::min(stats_.cap_min, cap);
    stats_.cap_max = std::isnan(stats_.cap_max) ? cap : std::max(stats_.cap_max, cap);
    stats_.vol_min = std::isnan(stats_.vol_min) ? vol : std::min(stats_.vol_min, vol);
    stats_.vol_max = std::isnan(stats_.vol_max) ? vol : std::max(stats_.vol_max, vol);
  }
  for (const int32_t id : smallest_) key_[static_cast<size_t>(id)] = ind::kNaN;
  for (const int32_t id : tradable_) cap_[static_cast<size_t>(id)] = ind::kNaN;
  return selected_;
}

}  // namespace abt
