#include "data_adapters/assembly/market_data_assembler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "data_adapters/assembly/symbol_code.hpp"
#include "engine/core/error.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
using Columns = std::map<std::string, std::vector<float>, std::less<>>;

enum class DailyRule { First, Max, Min, Last, Sum };

DailyRule aggregation_rule(std::string_view name) {
  if (name == "open") return DailyRule::First;
  if (name == "high") return DailyRule::Max;
  if (name == "low") return DailyRule::Min;
  if (name == "volume" || name == "amount") return DailyRule::Sum;
  return DailyRule::Last;  // close and point-in-time values (adj_factor, shares, flags, extras)
}

/// Exact aggregation of 4-bars-per-day hourly columns into daily columns (T x N each).
Columns aggregate_hourly(const Columns& hourly, int32_t days, int32_t n) {
  Columns daily;
  for (const auto& [name, h] : hourly) {
    const DailyRule rule = aggregation_rule(name);
    std::vector<float> out(static_cast<size_t>(days) * n, kNaN);
    for (int32_t d = 0; d < days; ++d) {
      for (int32_t i = 0; i < n; ++i) {
        double acc = std::nan("");
        for (int s = 0; s < kHourlyBarsPerDay; ++s) {
          const float v = h[(static_cast<size_t>(d) * kHourlyBarsPerDay + s) * n + i];
          if (std::isnan(v)) continue;
          if (std::isnan(acc)) {
            acc = v;
            continue;
          }
          switch (rule) {
            case DailyRule::First:
              break;
            case DailyRule::Max:
              acc = std::max<double>(acc, v);
              break;
            case DailyRule::Min:
              acc = std::min<double>(acc, v);
              break;
            case DailyRule::Last:
              acc = v;
              break;
            case DailyRule::Sum:
              acc += v;
              break;
          }
        }
        out[static_cast<size_t>(d) * n + i] = static_cast<float>(acc);
      }
    }
    daily.emplace(name, std::move(out));
  }
  return daily;
}

std::vector<float> derive_pre_close(const Columns& daily, int32_t days, int32_t n) {
  const auto adj_it = daily.find("adj_factor");
  return derive_pre_close_column(daily.at("close"), adj_it == daily.end() ? nullptr : &adj_it->second, days,
                                 n);
}

}  // namespace

std::vector<float> derive_pre_close_column(const std::vector<float>& close, const std::vector<float>* adj,
                                           int32_t days, int32_t n) {
  std::vector<float> out(close.size(), kNaN);
  for (int32_t i = 0; i < n; ++i) {
    double prev_close = std::nan(""), prev_adj = 1.0;
    for (int32_t t = 0; t < days; ++t) {
      const size_t k = static_cast<size_t>(t) * n + i;
      if (std::isnan(close[k])) continue;
      const double a = adj && !std::isnan((*adj)[k]) ? (*adj)[k] : 1.0;
      if (!std::isnan(prev_close)) out[k] = static_cast<float>(prev_close * prev_adj / a);
      prev_close = close[k];
      prev_adj = a;
    }
  }
  return out;
}

Date list_date_from_first_bar(const TradingCalendar& calendar, int32_t first_day) {
  return first_day <= 0 ? Date::min() : calendar.day(first_day);
}

Instrument MarketDataAssembler::default_instrument(std::string_view symbol) {
  Instrument ins;
  ins.symbol = std::string(symbol);
  ins.board = board_from_symbol(symbol);
  ins.kind =
      ins.board == Board::Index || ins.board == Board::Other ? InstrumentKind::Index : InstrumentKind::Stock;
  if (ins.kind == InstrumentKind::Index) ins.board = Board::Index;
  return ins;
}

uint32_t MarketDataAssembler::add_origin_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<uint32_t>(files_.size() - 1);
}

int32_t MarketDataAssembler::instrument(std::string_view symbol) {
  const auto found = instrument_ids_.find(std::string(symbol));
  if (found != instrument_ids_.end()) return found->second;
  // One symbol per security whatever the spelling: SH600519, sh600519 and 600519.SH are 600519.SH.
  const std::string canonical = normalize_symbol(symbol).value_or(std::string(symbol));
  const auto [it, inserted] =
      instrument_ids_.try_emplace(canonical, static_cast<int32_t>(instruments_.size()));
  if (inserted) instruments_.push_back(default_instrument(canonical));
  if (canonical != symbol) instrument_ids_.emplace(std::string(symbol), it->second);  // spelling alias
  return it->second;
}

int32_t MarketDataAssembler::column(Frequency f, std::string_view name) {
  Records& r = records_[static_cast<int>(f)];
  for (size_t c = 0; c < r.names.size(); ++c)
    if (r.names[c] == name) return static_cast<int32_t>(c);
  r.names.emplace_back(name);
  r.columns.emplace_back(r.stamps.size(), kNaN);
  return static_cast<int32_t>(r.names.size() - 1);
}

size_t MarketDataAssembler::add_bar(Frequency f, Timestamp t, int32_t instrument, RecordOrigin origin) {
  if (const auto problem = market_date_problem(t.date())) throw DataError(where(origin) + ": " + *problem);
  Records& r = records_[static_cast<int>(f)];
  r.stamps.push_back(t);
  r.instrument.push_back(instrument);
  r.origin.push_back(origin);
  for (auto& c : r.columns) c.push_back(kNaN);
  return r.stamps.size() - 1;
}

void MarketDataAssembler::add_series_value(std::string_view name, Date d, float value, RecordOrigin origin) {
  auto it = std::find_if(series_.begin(), series_.end(), [&](const auto& s) { return s.first == name; });
  if (it == series_.end()) it = series_.insert(series_.end(), {std::string(name), SeriesValues{}});
  it->second.dates.push_back(d);
  it->second.values.push_back(value);
  it->second.origin.push_back(origin);
}

std::string MarketDataAssembler::where(RecordOrigin o) const {
  const std::string file = o.file < files_.size() ? files_[o.file] : "<input>";
  return file + ":" + std::to_string(o.line);
}

std::vector<size_t> MarketDataAssembler::sorted_records(Frequency f, const std::vector<int32_t>& column_of) {
  const Records& r = records_[static_cast<int>(f)];
  std::vector<size_t> idx(r.stamps.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  auto key = [&](size_t k) {
    return std::pair(r.stamps[k], column_of[static_cast<size_t>(r.instrument[k])]);
  };
  // Stable: records with equal keys stay in input order, so the kept one is the first read.
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  std::vector<size_t> kept;
  kept.reserve(idx.size());
  for (size_t k = 0; k < idx.size(); ++k) {
    if (kept.empty() || key(kept.back()) != key(idx[k])) {
      kept.push_back(idx[k]);
      continue;
    }
    const size_t first = kept.back(), second = idx[k];
    const Timestamp t = r.stamps[second];
    const std::string message = where(r.origin[second]) +
                                ": expected one bar per (timestamp, symbol), got a duplicate '" +
                                (f == Frequency::Daily ? t.date().to_string() : t.to_string()) + "," +
                                instruments_[static_cast<size_t>(r.instrument[second])].symbol +
                                "' (first at " + where(r.origin[first]) + ")";
    if (!quarantine_duplicates_) throw DataError(message);
    quarantined_.push_back(message);
  }
  return kept;
}

MarketData MarketDataAssembler::build(std::string source) {
  notes_.clear();
  MarketData md;
  const auto n = static_cast<int32_t>(instruments_.size());
  std::vector<int32_t> order(instruments_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int32_t a, int32_t b) { return instruments_[a].symbol < instruments_[b].symbol; });
  std::vector<int32_t> column_of(instruments_.size());
  for (int32_t k = 0; k < n; ++k) {
    column_of[static_cast<size_t>(order[k])] = k;
    md.instruments.push_back(instruments_[static_cast<size_t>(order[k])]);
  }
  const std::vector<size_t> by_freq[kFrequencyCount] = {sorted_records(Frequency::Daily, column_of),
                                                        sorted_records(Frequency::Min60, column_of)};

  std::vector<Date> days;
  for (const Records& r : records_)
    for (Timestamp t : r.stamps) days.push_back(t.date());
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (days.empty())
    throw DataError("no bars found in " + (files_.empty() ? std::string("the input") : files_.front()));
  md.calendar = TradingCalendar(days);
  const int32_t T = md.calendar.size();

  // Scatter records into T x N (daily) or 4T x N (hourly) buffers; track first/last dates per instrument.
  std::vector<Date> first(static_cast<size_t>(n), Date::max()), last(static_cast<size_t>(n), Date::min());
  Columns cols[kFrequencyCount];
  for (int f = 0; f < kFrequencyCount; ++f) {
    const Records& r = records_[f];
    if (r.stamps.empty()) continue;
    const int32_t per_day = f == 0 ? 1 : kHourlyBarsPerDay;
    const size_t size = static_cast<size_t>(T) * per_day * n;
    std::vector<std::vector<float>> buffers(r.names.size(), std::vector<float>(size, kNaN));
    for (size_t k : by_freq[f]) {
      const Date d = r.stamps[k].date();
      int32_t row = md.calendar.lower_bound(d) * per_day;
      if (per_day > 1) {
        const int slot = hourly_slot_of(r.stamps[k].minute_of_day());
        if (slot < 0)
          throw DataError(where(r.origin[k]) +
                          ": expected a 60-minute bar end time 10:30, 11:30, 14:00 or 15:00, got '" +
                          r.stamps[k].to_string() + "'");
        row += slot;
      }
      const int32_t col = column_of[static_cast<size_t>(r.instrument[k])];
      first[col] = std::min(first[col], d);
      last[col] = std::max(last[col], d);
      for (size_t c = 0; c < r.names.size(); ++c)
        buffers[c][static_cast<size_t>(row) * n + col] = r.columns[c][k];
    }
    for (size_t c = 0; c < r.names.size(); ++c) cols[f].emplace(r.names[c], std::move(buffers[c]));
  }
  Columns& daily = cols[0];
  Columns& hourly = cols[1];
  if (daily.empty() && !hourly.empty()) daily = aggregate_hourly(hourly, T, n);
  if (!daily.count("pre_close") && daily.count("close"))
    daily.emplace("pre_close", derive_pre_close(daily, T, n));

  for (int32_t i = 0; i < n; ++i) {
    md.instruments[i].list_date =
        first[i] == Date::max() ? first[i]
                                : list_date_from_first_bar(md.calendar, md.calendar.lower_bound(first[i]));
    md.instruments[i].delist_date = last[i] == days.back() ? Date::max() : last[i];
  }

  auto make_bars = [&](BarData& bars, Columns& columns) {
    for (auto& [name, values] : columns) {
      const auto rows = static_cast<int32_t>(values.size() / std::max<size_t>(1, static_cast<size_t>(n)));
      const Panel p = md.adopt(std::move(values), n == 0 ? bars.rows() : rows, n);
      if (const auto f = parse_field(name))
        bars.fields[static_cast<int>(*f)] = p;
      else
        bars.extra.emplace(name, p);
    }
  };
  init_daily_layout(md.daily, md.calendar);
  make_bars(md.daily, daily);
  if (!hourly.empty()) {
    BarData h;
    init_hourly_layout(h, md.calendar);
    make_bars(h, hourly);
    md.hourly = std::move(h);
  }

  for (const auto& [name, s] : series_) {
    std::vector<float> values(static_cast<size_t>(T), kNaN);
    std::vector<RecordOrigin> seen(static_cast<size_t>(T));
    std::vector<bool> filled(static_cast<size_t>(T), false);
    size_t ignored = 0;
    Date first_ignored = Date::max();
    for (size_t k = 0; k < s.dates.size(); ++k) {
      const auto idx = md.calendar.index_of(s.dates[k]);
      if (!idx) {
        ++ignored;
        first_ignored = std::min(first_ignored, s.dates[k]);
        continue;
      }
      if (filled[*idx])
        throw DataError(where(s.origin[k]) + ": expected one value per date, got a duplicate '" +
                        s.dates[k].to_string() + "' (first at " + where(seen[*idx]) + ")");
      filled[*idx] = true;
      seen[*idx] = s.origin[k];
      values[*idx] = s.values[k];
    }
    if (ignored > 0)
      notes_.push_back("series '" + name + "': " + std::to_string(ignored) +
                       " values on dates outside the trading calendar were ignored (first " +
                       first_ignored.to_string() + ")");
    md.series.emplace(name, md.adopt(std::move(values), T, 1));
  }

  md.source = std::move(source);
  md.rebuild_symbol_index();
  md.validate();
  md.fingerprint = compute_fingerprint(md);
  return md;
}

}  // namespace abt
