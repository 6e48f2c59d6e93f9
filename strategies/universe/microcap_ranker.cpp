#include "strategies/universe/microcap_ranker.hpp"

#include <cmath>
#include <string_view>

#include "engine/core/error.hpp"
#include "strategies/universe/microcap_index.hpp"

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

MicrocapRanker::MicrocapRanker(const std::vector<Instrument>& instruments, const MicrocapIndexParams& params)
    : instruments_(instruments),
      size_(params.size),
      exclude_st_(params.exclude_st),
      exclude_delisting_(params.exclude_delisting),
      require_ipo_break_(params.require_ipo_break),
      by_float_(params.rank_by == "float"),
      bottom_k_(ranks_of(instruments)) {
  if (params.size < 1) throw ConfigError("micro-cap index: size must be >= 1");
  if (params.rank_by != "total" && params.rank_by != "float")
    throw ConfigError("micro-cap index: rank_by must be 'total' or 'float', got '" + params.rank_by + "'");
  const size_t n = instruments.size();
  universe_.resize(n);
  for (size_t i = 0; i < n; ++i) universe_[i] = in_micro_universe(instruments[i]) ? 1 : 0;
  caps_.assign(n, std::nan(""));
  if (by_float_) total_caps_.assign(n, std::nan(""));
  candidates_.reserve(n);
}

void MicrocapRanker::rank(int32_t day, Date date, const DayRows& today, std::span<const int32_t> break_day,
                          MicrocapDay& out) {
  candidates_.clear();
  out.no_cap.clear();
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
      if (exclude_st_ && status == kStatusSt) continue;
      if (exclude_delisting_ && status == kStatusDelistingArrangement) continue;
    }
    if (require_ipo_break_ && break_day[i] > day) continue;
    const auto id = static_cast<int32_t>(i);
    const double cap = market_cap(today, id, by_float_);
    if (std::isnan(cap)) out.no_cap.push_back(id);
    if (std::isnan(cap) || cap <= 0) continue;
    caps_[i] = cap;
    if (by_float_) total_caps_[i] = market_cap(today, id, false);
    candidates_.push_back(id);
  }
  bottom_k_.select(candidates_, caps_, size_, out.members);
  out.member_caps.clear();
  out.member_total_caps.clear();
  for (const int32_t id : out.members) {
    const auto i = static_cast<size_t>(id);
    out.member_caps.push_back(caps_[i]);
    out.member_total_caps.push_back(by_float_ ? total_caps_[i] : caps_[i]);
  }
}

double chain_factor(std::span<const int32_t> members, const DayRows& today, const DayRows& yesterday) {
  double sum = 0;
  for (const int32_t id : members) {
    const auto i = static_cast<size_t>(id);
    const float vol = today.volume.empty() ? 1.0f : today.volume[i];
    const double now = double{today.close[i]} * double{value_or(today.adj, id, 1.0f)};
    const double before = double{yesterday.close[i]} * double{value_or(yesterday.adj, id, 1.0f)};
    if (vol > 0 && std::isfinite(now) && std::isfinite(before) && before > 0) sum += now / before - 1.0;
  }
  return members.empty() ? 1.0 : 1.0 + sum / static_cast<double>(members.size());
}

double chain_level(double prev, std::span<const int32_t> members, const DayRows& today,
                   const DayRows& yesterday) {
  return members.empty() ? prev : prev * chain_factor(members, today, yesterday);
}

MicrocapWarnings::MicrocapWarnings(WarningLog* log, const DataProvenance& provenance,
                                   const TradingCalendar& calendar, size_t instruments,
                                   const std::string& subject, int32_t first_day, int32_t last_day)
    : log_(log), first_(first_day), last_(last_day) {
  if (!log_) return;
  const Date through = provenance.shares_observed_through;
  if (through != Date::max() && !calendar.empty() && through < calendar.day(calendar.size() - 1)) {
    shares_through_ = through < calendar.day(0) ? -1 : calendar.last_on_or_before(through);
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
  no_shares_year_.assign(instruments, 0);
}

void MicrocapWarnings::ranked(int32_t day, Date date, std::span<const int32_t> no_cap) {
  if (!log_ || day < first_ || day > last_) return;
  if (stale_shares_ >= 0 && day - shares_through_ > kStaleShareDays) log_->count(stale_shares_, date);
  const auto year = static_cast<int16_t>(date.year());
  for (const int32_t id : no_cap) {
    auto& seen = no_shares_year_[static_cast<size_t>(id)];
    if (seen == year) continue;
    seen = year;
    log_->count(no_shares_, date);
  }
}

}  // namespace abt
