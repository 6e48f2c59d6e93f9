#pragma once
// The volatilities smallcap_lowvol ranks its candidates by, as shared derived state
// (engine/data/derived_cache.hpp): one memo per (data, vol_window, minimum of valid returns), filled lazily
// per (day, instrument) by whichever run asks first and read by every other run on the data (a sweep's
// variants rank the same micro-cap members on the same rebalance days). at(day, id) is exactly
// LowvolSelector::window_volatility over the daily rows [day - vol_window, day] (clipped at row 0) of the
// adjusted close (close x adj_factor, factor 1 without the field) and the traded flags (volume > 0): what the
// selector computes from its history views at day's close, so a run gets the same value whichever thread
// computed it. Thread-safe; it reads rows up to `day` only.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

class VolatilityMemo {
 public:
  /// `data` must outlive the memo. vol_window >= 2, min_valid >= 2.
  VolatilityMemo(const MarketData& data, int32_t vol_window, int32_t min_valid);
  ~VolatilityMemo();
  VolatilityMemo(const VolatilityMemo&) = delete;
  VolatilityMemo& operator=(const VolatilityMemo&) = delete;

  /// Volatility of instrument `id` at the close of calendar day `day` (NaN with fewer than min_valid
  /// returns), computed on first request.
  double at(int32_t day, int32_t id) const;
  /// Computes the volatilities of `ids` at `day` that are not computed yet, all at once (the same values as
  /// at() computes one by one, read row by row from the panels: far fewer pages touched than a column at a
  /// time), so that the at() calls that follow only read them.
  void fill(int32_t day, std::span<const int32_t> ids) const;

  static std::string settings(int32_t vol_window, int32_t min_valid);

 private:
  double compute(int32_t day, int32_t id) const;
  std::atomic<double>* values_of(int32_t day) const;

  const MarketData& data_;
  int32_t window_, min_valid_;
  int32_t instruments_;
  // One lazily allocated row of values per calendar day (kUnset until computed).
  std::unique_ptr<std::atomic<std::atomic<double>*>[]> days_;
  // Per instrument: the adjusted closes and traded flags of the rows [first, first + size) that fill() read
  // (one span; a candidate again on a later rebalance day reads only the rows since).
  struct Column {
    std::mutex mutex;
    int32_t first = 0;
    std::vector<double> adjusted;
    std::vector<unsigned char> traded;
  };
  std::unique_ptr<Column[]> columns_;
};

/// The memo of `data` for these settings from data.derived() (created on first use, then shared).
std::shared_ptr<const VolatilityMemo> shared_volatility_memo(const MarketData& data, int32_t vol_window,
                                                             int32_t min_valid);

}  // namespace abt
