#include "strategies/universe/microcap_index.hpp"

#include <cmath>
#include <string_view>

#include "engine/core/error.hpp"
#include "engine/execution/price_limit.hpp"

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
  candidates_.reserve(n);
  members_.reserve(static_cast<size_t>(params_.size));
  levels_.assign(static_cast<size_t>(calendar.size()), std::nan(""));
  for (size_t i = 0; i < n; ++i) {
    universe_[i] = in_micro_universe(instruments[i]) ? 1 : 0;
    const Date list = instruments[i].list_date;
    list_index_[i] = calendar.empty() || list < calendar.day(0) ? -1 : calendar.lower_bound(list);
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
      if (!std::isnan(close)) {
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

const std::vector<int32_t>& MicrocapIndex::rank(int32_t day, const DayRows& today) {
  const Date date = calendar_.day(day);
  candidates_.clear();
  const auto& shares = by_float_ ? today.float_shares : today.total_shares;
  if (shares.empty())
    throw DataError(std::string("micro-cap index: the data has no ") +
                    (by_float_ ? "float_shares" : "total_shares") + " field to rank market caps");
  for (size_t i = 0; i < instruments_.size(); ++i) {
    caps_[i] = std::nan("");
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
    const double cap = double{close} * double{shares[i]};
    if (std::isnan(cap) || cap <= 0) continue;
    caps_[i] = cap;
    candidates_.push_back(static_cast<int32_t>(i));
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
  pre_close_ = ctx.field(Frequency::Daily, "pre_close");
  total_shares_ = ctx.field(Frequency::Daily, "total_shares");
  const auto optional = [&](std::string_view name, DataHandle& h, bool& has) {
    try {
      h = ctx.field(Frequency::Daily, name);
      has = h.panel != nullptr && !h.panel->empty();
    } catch (const ConfigError&) {
      has = false;
    }
  };
  optional("adj_factor", adj_, has_adj_);
  optional("is_st", is_st_, has_is_st_);
  optional("float_shares", float_shares_, has_float_);
  if (by_float_ && !has_float_)
    throw ConfigError("micro-cap index: rank_by 'float' needs a float_shares field in the data");
}

namespace {
DayRows rows_at(const HistoryView& close, const HistoryView& pre, const HistoryView& vol,
                const HistoryView* adj, const HistoryView& total, const HistoryView* flt,
                const HistoryView* st, int32_t lag) {
  DayRows r;
  r.close = close.row(lag);
  r.pre_close = pre.row(lag);
  r.volume = vol.row(lag);
  r.total_shares = total.row(lag);
  if (adj) r.adj = adj->row(lag);
  if (flt) r.float_shares = flt->row(lag);
  if (st) r.is_st = st->row(lag);
  return r;
}
}  // namespace

void MicrocapIndex::update(Context& ctx) {
  const int32_t today = ctx.today_index();
  if (today <= last_day_) return;
  const int32_t length = today - last_day_ + 1;  // includes the last processed day for returns
  const HistoryView close = ctx.history(close_, length), pre = ctx.history(pre_close_, length),
                    vol = ctx.history(volume_, length), total = ctx.history(total_shares_, length);
  const HistoryView adj = has_adj_ ? ctx.history(adj_, length) : HistoryView();
  const HistoryView flt = has_float_ ? ctx.history(float_shares_, length) : HistoryView();
  const HistoryView st = has_is_st_ ? ctx.history(is_st_, length) : HistoryView();
  const HistoryView* padj = has_adj_ ? &adj : nullptr;
  const HistoryView* pflt = has_float_ ? &flt : nullptr;
  const HistoryView* pst = has_is_st_ ? &st : nullptr;
  for (int32_t day = last_day_ + 1; day <= today; ++day) {
    const int32_t lag = today - day;
    const DayRows now = rows_at(close, pre, vol, padj, total, pflt, pst, lag);
    const DayRows before =
        lag + 1 < close.size() ? rows_at(close, pre, vol, padj, total, pflt, pst, lag + 1) : DayRows{};
    advance(day, now, before);
  }
}

const std::vector<int32_t>& MicrocapIndex::rank_now(Context& ctx) {
  const HistoryView close = ctx.history(close_, 1), total = ctx.history(total_shares_, 1);
  DayRows r;
  r.close = close.latest();
  r.total_shares = total.latest();
  HistoryView flt, st;
  if (has_float_) r.float_shares = (flt = ctx.history(float_shares_, 1)).latest();
  if (has_is_st_) r.is_st = (st = ctx.history(is_st_, 1)).latest();
  return rank(ctx.today_index(), r);
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
  return r;
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

std::vector<double> microcap_index_levels(const MarketData& data, const MicrocapIndexParams& params) {
  MicrocapIndex index(data.instruments, data.calendar, params, /*track_level=*/true);
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
