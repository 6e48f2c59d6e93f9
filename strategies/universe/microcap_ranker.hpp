#pragma once
// The building blocks of the micro-cap index (microcap_index.hpp) that both its private, in-loop form and
// the shared table (microcap_table.hpp) use, so that the two give identical members, caps and levels:
//   MicrocapRanker  one day's members from that day's rows and the IPO state (rules of microcap_index.hpp);
//   chain_level     the level of day t from the members decided at t-1 and the rows of t and t-1;
//   MicrocapWarnings the data-honesty warnings of the days ranked (stale_share_capital, no_share_capital).
#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/core/warning_log.hpp"
#include "engine/data/data_provenance.hpp"
#include "engine/data/instrument.hpp"
#include "strategies/indicators/bottom_k.hpp"

namespace abt {

struct MicrocapIndexParams;  // microcap_index.hpp
struct DayRows;              // microcap_index.hpp

/// The IPO state as the day each stock's run of limit-up closes broke: kBrokenBeforeData for stocks listed
/// before the first calendar day, kNeverBroken while it has not broken; a stock counts as broken on day t
/// when break_day <= t.
inline constexpr int32_t kBrokenBeforeData = INT32_MIN;
inline constexpr int32_t kNeverBroken = INT32_MAX;

/// One day's rank.
struct MicrocapDay {
  std::vector<int32_t> members;           // instrument ids in ascending (cap, code) order
  std::vector<double> member_caps;        // the ranking cap (rank_by) of each member, CNY
  std::vector<double> member_total_caps;  // the total cap of each member (= member_caps for rank_by total)
  std::vector<int32_t> no_cap;            // otherwise eligible stocks without a market cap, ascending id
};

class MicrocapRanker {
 public:
  /// `instruments` must outlive the ranker. Throws ConfigError for bad params (size < 1, rank_by).
  MicrocapRanker(const std::vector<Instrument>& instruments, const MicrocapIndexParams& params);

  /// The members of calendar day `day` (date `date`) from its rows; `break_day` per instrument (see above).
  /// Throws DataError when the rows have neither share counts nor market values to rank by.
  void rank(int32_t day, Date date, const DayRows& today, std::span<const int32_t> break_day,
            MicrocapDay& out);

  /// Stocks of the index universe (kind Stock on an SH/SZ board), by id.
  const std::vector<uint8_t>& universe() const { return universe_; }

 private:
  const std::vector<Instrument>& instruments_;
  int32_t size_;
  bool exclude_st_, exclude_delisting_, require_ipo_break_, by_float_;
  std::vector<uint8_t> universe_;
  ind::BottomK bottom_k_;
  std::vector<int32_t> candidates_;
  std::vector<double> caps_, total_caps_;  // by id, of the day's eligible stocks (NaN otherwise)
};

/// Level of day t: prev x (1 + mean over `members` (decided at t-1) of adjusted close(t) / adjusted
/// close(t-1)
/// - 1), a member counting 0 while suspended (volume 0) or without both prices; prev when there are none.
double chain_level(double prev, std::span<const int32_t> members, const DayRows& today,
                   const DayRows& yesterday);
/// The factor chain_level multiplies prev by: 1 + that mean, 1 without members (prev x 1 = prev, exactly).
/// Depends on the rows and members only, so the factors of many days can be computed at the same time.
double chain_factor(std::span<const int32_t> members, const DayRows& today, const DayRows& yesterday);

/// Counts the warnings of ranked days into a log (microcap_index.hpp, MicrocapIndex::report_to).
class MicrocapWarnings {
 public:
  /// No log: counts nothing.
  MicrocapWarnings() = default;
  /// Declares the warnings under `subject` and counts the days [first_day, last_day] ranked.
  MicrocapWarnings(WarningLog* log, const DataProvenance& provenance, const TradingCalendar& calendar,
                   size_t instruments, const std::string& subject, int32_t first_day, int32_t last_day);
  /// Day `day` (date `date`) was ranked with `no_cap` (MicrocapDay::no_cap). Call in day order.
  void ranked(int32_t day, Date date, std::span<const int32_t> no_cap);
  void set_first_day(int32_t day) { first_ = day; }
  bool active() const { return log_ != nullptr; }

  static constexpr int32_t kStaleShareDays = 20;

 private:
  WarningLog* log_ = nullptr;
  WarningHandle stale_shares_ = -1, no_shares_ = -1;
  int32_t shares_through_ = -1;          // calendar index of the last observed share day (-1: every day)
  std::vector<int16_t> no_shares_year_;  // last year a stock was counted in no_share_capital
  int32_t first_ = 0, last_ = INT32_MAX;
};

}  // namespace abt
