#pragma once
// The micro-cap index of one market and settings as shared derived state (engine/data/derived_cache.hpp):
// computed once per (data, MicrocapIndexParams) and read by every run on the data, so that a sweep's
// variants, a run's micro-cap benchmark and its strategy do not each rebuild it (docs/sweeps.md, "Shared
// work"). Identical to what MicrocapIndex computes in the loop (microcap_ranker.hpp holds the common code):
//   - the IPO state, as each stock's break day, from one pass over every calendar day at construction;
//   - day(t): the members decided at the close of t with their caps and the stocks left out for want of a
//     market cap, ranked from the rows of t on first request and kept;
//   - levels(): the chained level of every calendar day (base on day 0), ranking every day on first request
//     (in parallel: ranks of different days are independent once the break days are known).
// Thread-safe: concurrent requests for one day (or for the levels) wait for one computation; the values
// never change once computed. The table covers the whole calendar: a reader at day t reads days <= t only
// (the rank of day t uses the rows of day t alone, the level of t those of t and t-1).
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "engine/data/market_data.hpp"
#include "strategies/universe/microcap_index.hpp"
#include "strategies/universe/microcap_ranker.hpp"

namespace abt {

class MicrocapTable {
 public:
  /// Runs the IPO pass over every calendar day of `data` (which must outlive the table). Throws ConfigError
  /// for bad params.
  MicrocapTable(const MarketData& data, MicrocapIndexParams params);
  MicrocapTable(const MicrocapTable&) = delete;
  MicrocapTable& operator=(const MicrocapTable&) = delete;

  const MicrocapIndexParams& params() const { return params_; }
  /// Break day of each stock's IPO run (microcap_ranker.hpp: kBrokenBeforeData, kNeverBroken).
  std::span<const int32_t> break_days() const { return break_day_; }
  /// The rank of calendar day `day`. Throws DataError when the data has nothing to rank market caps by.
  const MicrocapDay& day(int32_t day) const;
  /// Level of every calendar day.
  const std::vector<double>& levels() const;

  /// The settings string of the shared entry (every field of `params`).
  static std::string settings(const MicrocapIndexParams& params);

 private:
  void rank_into(MicrocapRanker& ranker, int32_t day) const;
  std::unique_ptr<MicrocapRanker> take_ranker() const;  // a spare ranker, or a new one
  void give_back(std::unique_ptr<MicrocapRanker> ranker) const;
  /// Calls fn(a ranker of this thread, day) for every calendar day on up to 4 threads (one per core);
  /// rethrows the first exception after all have stopped.
  void for_each_day(const std::function<void(MicrocapRanker&, int32_t)>& fn) const;

  const MarketData& data_;
  MicrocapIndexParams params_;
  std::vector<int32_t> break_day_;
  struct Slot {
    std::atomic<bool> ready{false};
    MicrocapDay day;
  };
  std::unique_ptr<Slot[]> slots_;
  static constexpr size_t kStripes = 64;
  mutable std::array<std::mutex, kStripes> stripes_;  // slot d is filled under stripes_[d % kStripes]
  mutable std::mutex levels_mutex_;
  mutable std::vector<double> levels_;  // filled once under levels_mutex_
  mutable std::atomic<bool> levels_ready_{false};
  mutable std::mutex spare_mutex_;
  mutable std::vector<std::unique_ptr<MicrocapRanker>> spare_rankers_;  // at most one per thread that ranked
};

/// The table of `data` and `params` from data.derived() (computed on first use, then shared).
std::shared_ptr<const MicrocapTable> shared_microcap_table(const MarketData& data,
                                                           const MicrocapIndexParams& params);

}  // namespace abt
