#include "strategies/universe/microcap_index.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/error.hpp"
#include "engine/execution/price_limit.hpp"
#include "strategies/common/optional_field.hpp"
#include "strategies/universe/microcap_table.hpp"

namespace abt {
namespace {

float value_or(std::span<const float> row, int32_t id, float fallback) {
  return row.empty() ? fallback : row[static_cast<size_t>(id)];
}

}  // namespace

MicrocapIndex::MicrocapIndex(const std::vector<Instrument>& instruments, const TradingCalendar& calendar,
                             MicrocapIndexParams params, bool track_level)
    : instruments_(instruments),
      calendar_(calendar),
      params_(std::move(params)),
      track_level_(track_level),
      ranker_(instruments, params_),
      level_(std::nan("")) {
  const size_t n = instruments.size();
  list_index_.resize(n);
  break_day_.assign(n, kNeverBroken);
  day_.members.reserve(static_cast<size_t>(params_.size));
  levels_.assign(static_cast<size_t>(calendar.size()), std::nan(""));
  for (size_t i = 0; i < n; ++i) {
    const int32_t list = PriceLimitCalculator::listing_index(instruments[i], calendar);
    list_index_[i] = list == PriceLimitCalculator::kSeasoned ? -1 : list;
    if (list_index_[i] < 0) {
      break_day_[i] = kBrokenBeforeData;  // listed before the data starts: assume its run broke long ago
    } else if (ranker_.universe()[i]) {
      pending_.push_back(static_cast<int32_t>(i));
    }
  }
}

MicrocapIndex::~MicrocapIndex() = default;

int32_t MicrocapIndex::break_day(int32_t id) const {
  return (shared_ ? shared_->break_days() : std::span<const int32_t>(break_day_))[static_cast<size_t>(id)];
}

void MicrocapIndex::update_ipo_state(int32_t day, const DayRows& today) {
  const Date date = calendar_.day(day);
  size_t keep = 0;
  for (size_t k = 0; k < pending_.size(); ++k) {
    const int32_t id = pending_[k];
    const auto col = static_cast<size_t>(id);
    bool broken = false;
    if (list_index_[col] <= day) {
      const float close = today.close[col];
      // Only a traded bar has a close that can break the run (suspended days repeat the last close).
      if (!std::isnan(close) && value_or(today.volume, id, 1.0f) > 0) {
        const Instrument& inst = instruments_[col];
        const bool st = value_or(today.is_st, id, 0.0f) == 1.0f;
        const int64_t limit = PriceLimitCalculator::limit_up_fen(
            inst, date, day - list_index_[col] + 1, st, value_or(today.pre_close, id, std::nanf("")));
        broken = limit == -1 || (limit >= 0 && std::llround(double{close} * 100.0) < limit);
      }
    }
    if (broken)
      break_day_[col] = day;
    else
      pending_[keep++] = id;
  }
  pending_.resize(keep);
}

void MicrocapIndex::report_to(WarningLog* log, const DataProvenance& provenance, const std::string& subject,
                              int32_t first_day, int32_t last_day) {
  warnings_ = MicrocapWarnings(log, provenance, calendar_, instruments_.size(), subject, first_day, last_day);
}

const std::vector<int32_t>& MicrocapIndex::rank(int32_t day, const DayRows& today) {
  if (shared_) {
    current_ = &shared_->day(day);
  } else {
    ranker_.rank(day, calendar_.day(day), today, break_day_, day_);
    current_ = &day_;
  }
  warnings_.ranked(day, calendar_.day(day), current_->no_cap);
  return current_->members;
}

void MicrocapIndex::advance(int32_t day, const DayRows& today, const DayRows& yesterday) {
  if (day != last_day_ + 1 && last_day_ >= 0)
    throw InternalError("MicrocapIndex::advance: days must be consecutive");
  if (shared_) {
    advance_shared(day);
    return;
  }
  if (track_level_) {
    level_ = last_day_ < 0 || yesterday.close.empty() ? params_.base
                                                      : chain_level(level_, members(), today, yesterday);
    levels_[static_cast<size_t>(day)] = level_;
  }
  update_ipo_state(day, today);
  if (track_level_) rank(day, today);
  last_day_ = day;
}

void MicrocapIndex::advance_shared(int32_t day) {
  if (track_level_) {
    level_ = shared_->levels()[static_cast<size_t>(day)];
    levels_[static_cast<size_t>(day)] = level_;
    rank(day, DayRows{});
  }
  last_day_ = day;
}

void MicrocapIndex::bind(Context& ctx) {
  close_ = ctx.field(Frequency::Daily, "close");
  volume_ = ctx.field(Frequency::Daily, "volume");
  has_pre_close_ = optional_daily_field(ctx, "pre_close", pre_close_);
  has_adj_ = optional_daily_field(ctx, "adj_factor", adj_);
  has_is_st_ = optional_daily_field(ctx, "is_st", is_st_);
  has_total_ = optional_daily_field(ctx, "total_shares", total_shares_);
  has_float_ = optional_daily_field(ctx, "float_shares", float_shares_);
  has_total_mv_ = optional_daily_field(ctx, "total_mv", total_mv_);
  has_circ_mv_ = optional_daily_field(ctx, "circ_mv", circ_mv_);
  if (params_.rank_by == "float" && !has_float_ && !has_circ_mv_)
    throw ConfigError("micro-cap index: rank_by 'float' needs a float_shares or circ_mv field in the data");
  if (!has_total_ && !has_total_mv_)
    throw ConfigError(
        "micro-cap index: the data has neither total_shares nor total_mv to rank market caps (import share "
        "capital, e.g. --gbbq or --shares: docs/real-data.md)");
  report_to(ctx.warnings(), ctx.provenance(), "strategy universe");
  count_from_first_update_ = true;
  if (const MarketData* data = ctx.market_data(); data && last_day_ < 0)
    shared_ = shared_microcap_table(*data, params_);
}

namespace {
/// The views of one catch-up window; absent fields stay empty views.
struct DayViews {
  HistoryView close, pre, vol, adj, total, flt, st, total_mv, circ_mv;
  DayRows at(int32_t lag) const {
    const auto row = [lag](const HistoryView& v) {
      return v.size() > 0 ? v.row(lag) : std::span<const float>();
    };
    DayRows r;
    r.close = row(close);
    r.pre_close = row(pre);
    r.volume = row(vol);
    r.adj = row(adj);
    r.total_shares = row(total);
    r.float_shares = row(flt);
    r.is_st = row(st);
    r.total_mv = row(total_mv);
    r.circ_mv = row(circ_mv);
    return r;
  }
};
}  // namespace

void MicrocapIndex::update(Context& ctx) {
  const int32_t today = ctx.today_index();
  if (count_from_first_update_) {  // the catch-up from day 0 is warm-up: count the run's days only
    warnings_.set_first_day(today);
    count_from_first_update_ = false;
  }
  if (today <= last_day_) return;
  if (shared_) {
    for (int32_t day = last_day_ + 1; day <= today; ++day) advance_shared(day);
    return;
  }
  const int32_t length = today - last_day_ + 1;  // includes the last processed day for returns
  const auto view = [&](const DataHandle& h, bool has) {
    return has ? ctx.history(h, length) : HistoryView();
  };
  const DayViews v{
      ctx.history(close_, length), ctx.history(pre_close_, length), ctx.history(volume_, length),
      view(adj_, has_adj_),        view(total_shares_, has_total_), view(float_shares_, has_float_),
      view(is_st_, has_is_st_),    view(total_mv_, has_total_mv_),  view(circ_mv_, has_circ_mv_)};
  for (int32_t day = last_day_ + 1; day <= today; ++day) {
    const int32_t lag = today - day;
    advance(day, v.at(lag), lag + 1 < v.close.size() ? v.at(lag + 1) : DayRows{});
  }
}

const std::vector<int32_t>& MicrocapIndex::rank_now(Context& ctx) {
  if (shared_) return rank(ctx.today_index(), DayRows{});
  const auto view = [&](const DataHandle& h, bool has) { return has ? ctx.history(h, 1) : HistoryView(); };
  const DayViews v{ctx.history(close_, 1),
                   HistoryView(),
                   HistoryView(),
                   HistoryView(),
                   view(total_shares_, has_total_),
                   view(float_shares_, has_float_),
                   view(is_st_, has_is_st_),
                   view(total_mv_, has_total_mv_),
                   view(circ_mv_, has_circ_mv_)};
  return rank(ctx.today_index(), v.at(0));
}

DayRows day_rows(const BarData& daily, int32_t day) {
  const auto row = [&](Field f) { return daily.has(f) ? daily.field(f).row(day) : std::span<const float>(); };
  DayRows r;
  r.close = row(Field::Close);
  r.pre_close = row(Field::PreClose);
  r.volume = row(Field::Volume);
  r.adj = row(Field::AdjFactor);
  r.total_shares = row(Field::TotalShares);
  r.float_shares = row(Field::FloatShares);
  r.is_st = row(Field::IsST);
  const auto extra = [&](std::string_view name) {
    const auto it = daily.extra.find(name);
    return it == daily.extra.end() ? std::span<const float>() : it->second.row(day);
  };
  r.total_mv = extra("total_mv");
  r.circ_mv = extra("circ_mv");
  return r;
}

double market_cap(const DayRows& rows, int32_t id, bool by_float) {
  const auto i = static_cast<size_t>(id);
  const auto& shares = by_float ? rows.float_shares : rows.total_shares;
  if (!shares.empty() && !std::isnan(shares[i]) && !rows.close.empty())
    return double{rows.close[i]} * double{shares[i]};
  const auto& value = by_float ? rows.circ_mv : rows.total_mv;
  return value.empty() ? std::nan("") : double{value[i]};
}

double equal_weight_level(double prev_level, std::span<const int32_t> members, std::span<const float> price,
                          std::span<const float> price_adj, std::span<const float> prev_close,
                          std::span<const float> prev_adj) {
  if (members.empty()) return prev_level;
  double sum = 0;
  for (const int32_t id : members) {
    const auto i = static_cast<size_t>(id);
    const double now = double{price[i]} * (price_adj.empty() ? 1.0 : double{price_adj[i]});
    const double before = double{prev_close[i]} * (prev_adj.empty() ? 1.0 : double{prev_adj[i]});
    if (std::isfinite(now) && std::isfinite(before) && before > 0) sum += now / before - 1.0;
  }
  return prev_level * (1.0 + sum / static_cast<double>(members.size()));
}

std::vector<double> microcap_index_levels(const MarketData& data, const MicrocapIndexParams& params,
                                          WarningLog* log, int32_t first_day, int32_t last_day) {
  const auto table = shared_microcap_table(data, params);
  const std::vector<double>& levels = table->levels();  // ranks every day, in parallel
  MicrocapWarnings warnings(log, data.provenance, data.calendar, data.instruments.size(),
                            "benchmark micro-cap index", first_day, last_day);
  if (warnings.active())
    for (int32_t day = std::max(first_day, 0); day <= std::min(last_day, data.calendar.size() - 1); ++day)
      warnings.ranked(day, data.calendar.day(day), table->day(day).no_cap);
  return levels;
}

std::unique_ptr<MicrocapIndex> make_bound_microcap_index(Context& ctx, std::vector<Instrument>& instruments,
                                                         const MicrocapIndexParams& params,
                                                         bool track_level) {
  const int32_t n = ctx.instrument_count();
  instruments.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) instruments.push_back(ctx.instrument(i));
  auto index = std::make_unique<MicrocapIndex>(instruments, ctx.calendar(), params, track_level);
  index->bind(ctx);
  return index;
}

}  // namespace abt
