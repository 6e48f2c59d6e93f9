#include "strategies/indicators/bottom_k.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

namespace abt::ind {

int32_t BottomK::select(std::span<const int32_t> candidates, std::span<const double> key, int32_t k,
                        std::vector<int32_t>& out) {
  scratch_.clear();
  overflow_.clear();
  const bool bounded = !std::isnan(bound_);
  for (const int32_t id : candidates) {
    const double v = key[static_cast<size_t>(id)];
    if (std::isnan(v)) continue;
    const int32_t code =
        static_cast<size_t>(id) < code_rank_.size() ? code_rank_[static_cast<size_t>(id)] : id;
    if (!bounded || v <= bound_)
      scratch_.push_back({v, code, id});
    else
      overflow_.push_back({v, code, id});
  }
  const auto wanted = static_cast<size_t>(std::max(k, 0));
  if (scratch_.size() < wanted) scratch_.insert(scratch_.end(), overflow_.begin(), overflow_.end());
  const auto less = [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.code < b.code;
  };
  const auto n = static_cast<int32_t>(std::min(scratch_.size(), wanted));
  if (n < static_cast<int32_t>(scratch_.size()))
    std::nth_element(scratch_.begin(), scratch_.begin() + n, scratch_.end(), less);
  std::sort(scratch_.begin(), scratch_.begin() + n, less);
  out.clear();
  for (int32_t i = 0; i < n; ++i) out.push_back(scratch_[static_cast<size_t>(i)].id);
  // The next call's bound: this k-th key plus 5 % of its size (and a little for keys near zero). Only
  // when k were found; otherwise the next call considers every candidate.
  if (n > 0 && static_cast<size_t>(n) == wanted) {
    const double kth = scratch_[static_cast<size_t>(n - 1)].key;
    bound_ = kth + 0.05 * std::abs(kth) + 1e-12;
  } else {
    bound_ = std::nan("");
  }
  return n;
}

std::vector<int32_t> code_ranks(const std::vector<std::string_view>& symbols) {
  std::vector<int32_t> order(symbols.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return symbols[a] < symbols[b]; });
  std::vector<int32_t> rank(symbols.size());
  for (size_t r = 0; r < order.size(); ++r) rank[static_cast<size_t>(order[r])] = static_cast<int32_t>(r);
  return rank;
}

}  // namespace abt::ind
