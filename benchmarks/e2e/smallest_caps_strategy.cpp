#include "e2e/smallest_caps_strategy.hpp"

#include <algorithm>
#include <cmath>

namespace abt::bench {

void SmallestCapsStrategy::on_start(Context& ctx) {
  close_ = ctx.field(Frequency::Daily, "close");
  shares_ = ctx.field(Frequency::Daily, "total_shares");
  st_ = ctx.field(Frequency::Daily, "is_st");
  volume_ = ctx.field(Frequency::Daily, "volume");
  ranked_.reserve(ctx.instrument_count());
  targets_.reserve(count_);
  ctx.schedule(Schedule::weekly(2));
}

void SmallestCapsStrategy::on_timer(Context& ctx, TimerId) {
  const auto close = ctx.history(close_, 1).latest();
  const auto shares = ctx.history(shares_, 1).latest();
  const auto st = ctx.history(st_, 1).latest();
  const auto volume = ctx.history(volume_, 1).latest();
  ranked_.clear();
  for (InstrumentId i = 0; i < ctx.instrument_count(); ++i) {
    const float mcap = close[i] * shares[i];
    if (std::isnan(mcap) || st[i] > 0.5f || !(volume[i] > 0)) continue;
    ranked_.emplace_back(mcap, i);
  }
  const size_t k = std::min<size_t>(count_, ranked_.size());
  std::partial_sort(ranked_.begin(), ranked_.begin() + k, ranked_.end());
  targets_.clear();
  for (size_t j = 0; j < k; ++j) targets_.push_back({ranked_[j].second, 1.0 / static_cast<double>(count_)});
  ctx.target_weights(targets_, /*exit_others=*/true);
}

}  // namespace abt::bench
