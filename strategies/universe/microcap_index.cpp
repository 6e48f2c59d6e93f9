#include "strategies/universe/microcap_index.hpp"

#include <cmath>
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/execution/price_limit.hpp"
#include "strategies/common/optional_field.hpp"

namespace abt {
namespace {

bool in_micro_universe(const Instrument& inst) {
  if (inst.kind != InstrumentKind::Stock) return false;
  switch (inst.board) {
    case Board::ShanghaiMain:
    case Board::Star:
    case Board::ShenzhenMain:
    case Board::ChiNext:
      return true;
    default:
      return false;
  }
}

std::vector<int32_t> ranks_of(const std::vector<Instrument>& instruments) {
  std::vector<std::string_view> symbols;
  symbols.reserve(instruments.size());
  for (const auto& inst : instruments) symbols.push_back(inst.symbol);
  return ind::code_ranks(symbols);
}

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
      by_float_(params_.rank_by == "float"),
      bottom_k_(ranks_of(instruments)),
      level_(std::nan("")) {
  if (params_.size < 1) throw ConfigError("micro-cap index: size must be >= 1");
  if (params_.rank_by != "total" && params_.rank_by != "float")
    throw ConfigError("micro-cap index: rank_by must be 'total' or 'float', got '" + params_.rank_by + "'");
  const size_t n = instruments.size();
  universe_.resize(n);
  list_index_.resize(n);
  ipo_broken_.assign(n, 0);
  caps_.assign(n, std::nan(""));
  if (by_float_) total_caps_.assign(n, std::nan(""));
  candidates_.reserve(n);
  members_.reserve(static_cast<size_t>(params_.size));
  levels_.assign(static_cast<size_t>(calendar.size()), std::nan(""));
  for (size_t i = 0; i < n; ++i) {
    universe_[i] = in_micro_universe(instruments[i]) ? 1 : 0;
    const int32_t list = PriceLimitCalculator::listing_index(instruments[i], calendar);
    list_index_[i] = list == PriceLimitCalculator::kSeasoned ? -1 : list;
    if (list_index_[i] < 0) {
      ipo_broken_[i] = 1;  // listed before the data starts: assume its run broke long ago
    } else if (universe_[i]) {
      pending_.push_back(static_cast<int32_t>(i));
    }
  }
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
      ipo_broken_[col] = 1;
    else
      pending_[keep++] = id;
  }
  pending_.resize(keep);
}

void MicrocapIndex::report_to(WarningLog* log, const DataProvenance& provenance, const std::string& subject,
                              int32_t first_day, int32_t last_day) {
  log_ = log;
  warn_first_ = first_day;
  warn_last_ = last_day;
  if (!log_) return;
  const Date through = provenance.shares_observed_through;
  if (through != Date::max() && !calendar_.empty() && through < calendar_.day(calendar_.size() - 1)) {
    shares_through_ = through < calendar_.day(0) ? -1 : calendar_.last_on_or_before(through);
    stale_shares_ = log_->declare(
        "stale_share_capital", subject,
        "market caps ranked on these days use share counts last observed on " + through.to_string() +
            (provenance.shares_source.empty() ? "" : " (" + provenance.shares_source + ")") +
            ", carried or rolled forward since: new issues, placements and buybacks after that are not seen");
  }
  no_shares_ =
      log_->declare("no_share_capital", subject,
                    "stocks otherwise eligible but without share capital (no market cap) were left out "
                    "of the cap ranking (count: stocks per calendar year)");
  no_shares_year_.assign(instruments_.size(), 0);
}

const std::vector<int32_t>& MicrocapIndex::rank(int32_t day, const DayRows& today) {
  const Date date = calendar_.day(day);
  WarningLog* const log = day >= warn_first_ && day <= warn_last_ ? log_ : nullptr;
  if (log && stale_shares_ >= 0 && day - shares_through_ > kStaleShareDays) log->count(stale_shares_, date);
  const auto year = static_cast<int16_t>(date.year());
  candidates_.clear();
  if ((by_float_ ? today.float_shares : today.total_shares).empty() &&
      (by_float_ ? today.circ_mv : today.total_mv).empty())
    throw DataError(std::string("micro-cap index: the data has neither ") +
                    (by_float_ ? "float_shares nor circ_mv" : "total_shares nor total_mv") +
                    " to rank market caps (import share capital: docs/real-data.md)");
  for (size_t i = 0; i < instruments_.size(); ++i) {
    caps_[i] = std::nan("");
    if (by_float_) total_caps_[i] = std::nan("");
    if (!universe_[i]) continue;
    const Instrument& inst = instruments_[i];
    if (date < inst.list_date || date > inst.delist_date) continue;
    const float close = today.close[i];
    if (std::isnan(close)) continue;
    if (!today.is_st.empty()) {
      const float status = today.is_st[i];
      if (params_.exclude_st && status == kStatusSt) continue;
      if (params_.exclude_delisting && status == kStatusDelistingArrangement) continue;
    }
    if (params_.require_ipo_break && !ipo_broken_[i]) continue;
    const auto id = static_cast<int32_t>(i);
    const double cap = market_cap(today, id, by_float_);
    if (std::isnan(cap) && log && no_shares_year_[i] != year) {
      no_shares_year_[i] = year;
      log->count(no_shares_, date);
    }
    if (std::isnan(cap) || cap <= 0) continue;
    caps_[i] = cap;
    if (by_float_) total_caps_[i] = market_cap(today, id, false);
    candidates_.push_back(id);
  }
  bottom_k_.select(candidates_, caps_, params_.size, members_);
  return members_;
}

void MicrocapIndex::advance(int32_t day, const DayRows& today, const DayRows& yesterday) {
  if (day != last_day_ + 1 && last_day_ >= 0)
    throw InternalError("MicrocapIndex::advance: days must be consecutive");
  if (track_level_) {
    if (last_day_ < 0 || yesterday.close.empty()) {
      level_ = params_.base;
    } else {
      double sum = 0;
      for (const int32_t id : members_) {
        const auto i = static_cast<size_t>(id);
        const float vol = today.volume.empty() ? 1.0f : today.volume[i];
        const double now = double{today.close[i]} * double{value_or(today.adj, id, 1.0f)};
        const double before = double{yesterday.close[i]} * double{value_or(yesterday.adj, id, 1.0f)};
        if (vol > 0 && std::isfinite(now) && std::isfinite(before) && before > 0) sum += now / before - 1.0;
      }
      if (!members_.empty()) level_ *= 1.0 + sum / static_cast<double>(members_.size());
    }
    levels_[static_cast<size_t>(day)] = level_;
  }
  update_ipo_state(day, today);
  if (track_level_) rank(day, today);
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
  if (by_float_ && !has_float_ && !has_circ_mv_)
    throw ConfigError("micro-cap index: rank_by 'float' needs a float_shares or circ_mv field in the data");
  if (!has_total_ && !has_total_mv_)
    throw ConfigError(
        "micro-cap index: the data has neither total_shares nor total_mv to rank market caps (import share "
        "capital, e.g. --gbbq or --shares: docs/real-data.md)");
  report_to(ctx.warnings(), ctx.provenance(), "strategy universe");
  count_from_first_update_ = true;
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
    warn_first_ = today;
    count_from_first_update_ = false;
  }
  if (today <= last_day_) return;
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
  MicrocapIndex index(data.instruments, data.calendar, params, /*track_level=*/true);
  index.report_to(log, data.provenance, "benchmark micro-cap index", first_day, last_day);
  for (int32_t day = 0; day < data.calendar.size(); ++day)
    index.advance(day, day_rows(data.daily, day), day > 0 ? day_rows(data.daily, day - 1) : DayRows{});
  return index.levels();
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
