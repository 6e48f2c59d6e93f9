#pragma once
// The micro-cap index (strategies.md section 1): daily membership and a chained equal-weight level.
//
// Eligible on day t: an A-share (kind Stock) of a Shanghai or Shenzhen board (main, STAR, ChiNext; not
// Beijing, not indices); listed (close not NaN and list_date <= t <= delist_date); not ST (IsST != 1) when
// exclude_st; not in the delisting arrangement (IsST != 2) when exclude_delisting; and, when
// require_ipo_break, its run of limit-up closes since listing is broken: some traded day since listing
// (volume > 0) closed below its limit-up price, or had no limit (registration IPO days 1-5) [D]; from that
// close on. Stocks listed before the first calendar day count as broken. A listing day whose limit is
// unknown (an older-rule IPO without an issue price: pre_close NaN) counts as sealed; from day 2 the limit is
// the board's, from the day's pre_close (docs/strategies/microcap_index.md, "New listings"). Members C_t:
// the `size` eligible stocks with the smallest market cap at the close of t (market_cap() below); ties by
// code; suspended stocks rank at their last close (the data repeats it). Level: I(t) = I(t-1) * (1 +
// mean_{i in C_{t-1}} r(i,t)), r = adjusted close(t) / adjusted close(t-1) - 1, 0 while suspended (volume 0)
// or without a price; base `base` on the first day processed. The set decided at t earns t+1 (a
// close-to-close portfolio).
//
// Time: advance(t, ...) must be called for consecutive days t = first, first+1, ... with the rows of t and
// t-1 only, so nothing after t is read. update(ctx) does that from history views inside the event loop
// (catching up from the first calendar day on its first call); microcap_index_levels() does it over a whole
// MarketData (for benchmarks, read after the run).
#include <climits>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/data/instrument.hpp"
#include "engine/data/market_data.hpp"
#include "engine/strategy/context.hpp"
#include "engine/strategy/params.hpp"
#include "strategies/indicators/bottom_k.hpp"
#include "strategies/universe/microcap_ranker.hpp"

namespace abt {

struct MicrocapIndexParams {
  int size = 400;
  std::string rank_by = "total";  // "total" | "float"
  bool exclude_st = true;
  bool exclude_delisting = true;  // drop stocks in the delisting arrangement (IsST == 2)
  bool require_ipo_break = true;
  double base = 1000.0;

  /// The settings of the derived series and instrument "microcap_index" (the object form
  /// {"microcap_index": {...}} of "benchmark" and "derived_instruments"; docs/configuration.md).
  template <class V>
  void describe(V& v) {
    v("size", size, "members = this many smallest eligible stocks", Check::at_least(1));
    v("rank_by", rank_by, "market cap ranking the members: total or float shares",
      Check::one_of({"total", "float"}));
    v("exclude_st", exclude_st, "exclude ST / *ST stocks");
    v("exclude_delisting", exclude_delisting, "exclude stocks in the delisting arrangement");
    v("require_ipo_break", require_ipo_break,
      "exclude new listings whose run of limit-up closes since listing has not broken");
    v("base", base, "level of the first calendar day of the data (> 0)", Check::at_least(1e-9));
  }
};

/// The micro-cap universe settings every strategy built on the index exposes, flat in its params JSON
/// (index_size, rank_by, exclude_st, exclude_delisting, require_ipo_break). A strategy's Params derive from
/// it and call MicrocapUniverseParams::describe(v) first.
struct MicrocapUniverseParams {
  int index_size = 400;
  std::string rank_by = "total";
  bool exclude_st = true;
  bool exclude_delisting = true;
  bool require_ipo_break = true;

  template <class V>
  void describe(V& v) {
    v("index_size", index_size, "micro-cap index size: members = this many smallest eligible stocks",
      Check::range(1, kMaxInstruments));
    v("rank_by", rank_by, "market cap ranking the index members: total or float shares",
      Check::one_of({"total", "float"}));
    v("exclude_st", exclude_st, "exclude ST / *ST stocks from the index universe");
    v("exclude_delisting", exclude_delisting,
      "exclude stocks in the delisting arrangement (退市整理期) from the index universe");
    v("require_ipo_break", require_ipo_break,
      "exclude new listings whose run of limit-up closes since listing has not broken");
  }
  MicrocapIndexParams index_params() const {
    MicrocapIndexParams ip;
    ip.size = index_size;
    ip.rank_by = rank_by;
    ip.exclude_st = exclude_st;
    ip.exclude_delisting = exclude_delisting;
    ip.require_ipo_break = require_ipo_break;
    return ip;
  }
};

/// One day's cross-section (spans over instrument ids). Empty spans mean "field absent".
struct DayRows {
  std::span<const float> close, pre_close, volume, adj, total_shares, float_shares, is_st;
  std::span<const float> total_mv, circ_mv;  // market values as given by the data (CNY)
};

/// Market cap (CNY) of instrument `id` in `rows`: unadjusted close x total_shares (float_shares when
/// `by_float`), else the data's total_mv (circ_mv) as given (e.g. Tushare daily_basic without share counts);
/// NaN when neither is known.
double market_cap(const DayRows& rows, int32_t id, bool by_float);

/// The rows of calendar day `day` of `daily` (empty spans for absent fields).
DayRows day_rows(const BarData& daily, int32_t day);

class MicrocapTable;  // microcap_table.hpp

class MicrocapIndex {
 public:
  /// track_level: rank every day and chain the level; otherwise only the IPO state is kept daily and
  /// rank() is called on demand (cheap for strategies that need members on rebalance days only).
  MicrocapIndex(const std::vector<Instrument>& instruments, const TradingCalendar& calendar,
                MicrocapIndexParams params, bool track_level);
  ~MicrocapIndex();

  /// Processes day `day` (the next unprocessed day). `yesterday` may be empty on the first day.
  void advance(int32_t day, const DayRows& today, const DayRows& yesterday);
  /// Members at the close of `day` from that day's rows (also updates members()).
  const std::vector<int32_t>& rank(int32_t day, const DayRows& today);

  /// Resolves the fields it reads (close, pre_close, volume, adj_factor, shares, is_st) in on_start, and
  /// reports its data warnings to ctx.warnings() (report_to(), subject "strategy universe"). When the
  /// context offers the run's market (Context::market_data), the index reads the shared table of that data
  /// and these settings (microcap_table.hpp) instead of ranking itself: the same members, caps, levels and
  /// warnings, computed once for every run on the data.
  void bind(Context& ctx);
  /// Data-honesty warnings of rank() on days [first_day, last_day] into `log` (nullptr: none), declared
  /// under `subject` (bind() counts from the first day update() is called on: the run's, not the catch-up's):
  ///   stale_share_capital: a day ranked more than kStaleShareDays trading days after the last day share
  ///     counts are observed (provenance.shares_observed_through): caps use carried / rolled-forward counts;
  ///   no_share_capital: a stock otherwise eligible but without a market cap (no share count, no total_mv) is
  ///     left out; counted once per stock and calendar year (by_year = stocks per year).
  void report_to(WarningLog* log, const DataProvenance& provenance, const std::string& subject,
                 int32_t first_day = 0, int32_t last_day = INT32_MAX);
  static constexpr int32_t kStaleShareDays = MicrocapWarnings::kStaleShareDays;
  /// Processes every day up to today from history views (call once per daily bar, after bind()).
  void update(Context& ctx);
  /// rank() of today from history views (after update()).
  const std::vector<int32_t>& rank_now(Context& ctx);

  /// Members as of the last rank (instrument ids in ascending (cap, code) order).
  const std::vector<int32_t>& members() const { return current_->members; }
  /// The ranking cap (rank_by) and the total market cap (CNY) of each member of the last rank, in the order
  /// of members().
  std::span<const double> member_caps() const { return current_->member_caps; }
  std::span<const double> member_total_caps() const { return current_->member_total_caps; }
  /// Level after the last processed day; NaN before the first day.
  double level() const { return level_; }
  /// Level of every processed day (index = calendar day; NaN before the first processed day).
  const std::vector<double>& levels() const { return levels_; }
  int32_t last_day() const { return last_day_; }
  /// The stock's IPO run had broken by the last processed day.
  bool ipo_broken(int32_t id) const { return break_day(id) <= last_day_; }
  /// Trading days since listing on calendar day `day` (0 on the listing day; large for old listings).
  int32_t days_listed(int32_t id, int32_t day) const {
    const int32_t list = list_index_[static_cast<size_t>(id)];
    return list < 0 ? day + 1000000 : day - list;
  }
  const MicrocapIndexParams& params() const { return params_; }
  /// True when the index reads a shared table (bind() with a context that offers the market).
  bool shared() const { return shared_ != nullptr; }
  /// Break day of each stock's IPO run so far (microcap_ranker.hpp), by id.
  std::span<const int32_t> break_days() const { return break_day_; }

 private:
  void update_ipo_state(int32_t day, const DayRows& today);
  int32_t break_day(int32_t id) const;
  void advance_shared(int32_t day);

  const std::vector<Instrument>& instruments_;
  const TradingCalendar& calendar_;
  MicrocapIndexParams params_;
  bool track_level_;
  MicrocapRanker ranker_;
  std::vector<int32_t> list_index_;  // calendar index of the listing day (may be < 0 or >= size)
  std::vector<int32_t> break_day_;   // the day each IPO run broke (microcap_ranker.hpp)
  std::vector<int32_t> pending_;     // listed-or-future stocks whose IPO run is not broken yet
  MicrocapDay day_;                  // the last rank (private mode)
  const MicrocapDay* current_ = &day_;
  std::shared_ptr<const MicrocapTable> shared_;
  std::vector<double> levels_;
  double level_;
  int32_t last_day_ = -1;
  MicrocapWarnings warnings_;
  bool count_from_first_update_ = false;  // bind(): count from the first update() day
  DataHandle close_, pre_close_, volume_, adj_, total_shares_, float_shares_, is_st_, total_mv_, circ_mv_;
  bool has_pre_close_ = false, has_adj_ = false, has_is_st_ = false, has_total_ = false, has_float_ = false,
       has_total_mv_ = false, has_circ_mv_ = false;
};

/// Level of an equal-weight index at a price observed after the previous daily close: prev_level x (1 + mean
/// over `members` of now / before - 1), now = price x factor, before = previous close x its factor; a member
/// without both prices counts 0. Empty factor spans mean factor 1. Used for the index at an hourly close and
/// at the open (microcap_index_bars.hpp, microcap_rotation's 60-minute monitor).
double equal_weight_level(double prev_level, std::span<const int32_t> members, std::span<const float> price,
                          std::span<const float> price_adj, std::span<const float> prev_close,
                          std::span<const float> prev_adj);

/// Daily levels of the micro-cap index over the whole calendar of `data` (base on day 0); data warnings of
/// days [first_day, last_day] go to `log` (subject "benchmark micro-cap index") when given. Reads the shared
/// table of the data (microcap_table.hpp): a strategy on the same data and settings reuses it.
std::vector<double> microcap_index_levels(const MarketData& data, const MicrocapIndexParams& params,
                                          WarningLog* log = nullptr, int32_t first_day = 0,
                                          int32_t last_day = INT32_MAX);

/// Copies all of ctx's instruments into `instruments` (the index keeps a reference: it must outlive the
/// index), builds the index over them and binds it to ctx. Call from Strategy::on_start.
std::unique_ptr<MicrocapIndex> make_bound_microcap_index(Context& ctx, std::vector<Instrument>& instruments,
                                                         const MicrocapIndexParams& params, bool track_level);

}  // namespace abt
