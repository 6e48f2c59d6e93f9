#include "engine/data/market_data.hpp"

#include <cstring>

#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"
#include "engine/data/content_hash.hpp"

namespace abt {

const Panel* BarData::find_field(std::string_view name) const {
  if (const auto f = parse_field(name); f && has(*f)) return &field(*f);
  const auto it = extra.find(name);
  return it == extra.end() ? nullptr : &it->second;
}

std::optional<InstrumentId> MarketData::find(std::string_view symbol) const {
  const auto it = symbol_index_.find(std::string(symbol));
  if (it == symbol_index_.end()) return std::nullopt;
  return it->second;
}

void MarketData::rebuild_symbol_index() {
  symbol_index_.clear();
  for (InstrumentId i = 0; i < instrument_count(); ++i) {
    const auto [it, inserted] = symbol_index_.emplace(instruments[i].symbol, i);
    if (!inserted) throw DataError("instrument list: duplicate symbol '" + instruments[i].symbol + "'");
  }
}

Panel MarketData::adopt(std::vector<float> buffer, int32_t rows, int32_t cols) {
  ensure(buffer.size() == static_cast<size_t>(rows) * static_cast<size_t>(cols), "adopt: buffer size");
  auto owned = std::make_shared<const std::vector<float>>(std::move(buffer));
  const Panel view(owned->data(), rows, cols);
  storage_.push_back(std::move(owned));
  return view;
}

void MarketData::share_storage(const MarketData& other) {
  storage_.insert(storage_.end(), other.storage_.begin(), other.storage_.end());
}

bool MarketData::has_appended_columns() const {
  for (const BarData* b : {&daily, hourly ? &*hourly : nullptr}) {
    if (!b) continue;
    for (const Panel& p : b->fields)
      if (!p.contiguous()) return true;
    for (const auto& [name, p] : b->extra)
      if (!p.contiguous()) return true;
  }
  return false;
}

MarketData with_contiguous_panels(const MarketData& data) {
  MarketData out = data;
  auto flatten = [&](Panel& p) {
    if (!p.contiguous()) p = out.adopt(contiguous_values(p), p.rows(), p.cols());
  };
  for (BarData* b : {&out.daily, out.hourly ? &*out.hourly : nullptr}) {
    if (!b) continue;
    for (Panel& p : b->fields) flatten(p);
    for (auto& [name, p] : b->extra) flatten(p);
  }
  return out;
}

namespace {
void validate_bars(const BarData& bars, const TradingCalendar& cal, int32_t cols, std::string_view what) {
  const std::string name(what);
  if (bars.day_begin.size() != static_cast<size_t>(cal.size()) + 1)
    throw DataError(name + ": day_begin has " + std::to_string(bars.day_begin.size()) +
                    " entries, expected " + std::to_string(cal.size() + 1));
  if (bars.day_begin.front() != 0 || bars.day_begin.back() != bars.rows())
    throw DataError(name + ": day_begin does not cover the rows");
  for (int32_t d = 0; d < cal.size(); ++d) {
    for (int32_t r = bars.day_begin[d]; r < bars.day_begin[d + 1]; ++r) {
      if (bars.stamps[r].date() != cal.day(d))
        throw DataError(name + ": row " + std::to_string(r) + " stamped " + bars.stamps[r].to_string() +
                        " is not on calendar day " + cal.day(d).to_string());
      if (r > 0 && !(bars.stamps[r - 1] < bars.stamps[r]))
        throw DataError(name + ": row " + std::to_string(r) + " is not after the previous row");
    }
  }
  auto check = [&](const Panel& p, std::string_view field) {
    if (p.empty()) return;
    if (p.rows() != bars.rows() || p.cols() != cols)
      throw DataError(name + " field '" + std::string(field) + "': shape " + std::to_string(p.rows()) + "x" +
                      std::to_string(p.cols()) + ", expected " + std::to_string(bars.rows()) + "x" +
                      std::to_string(cols));
  };
  for (int f = 0; f < kFieldCount; ++f) check(bars.fields[f], field_name(static_cast<Field>(f)));
  for (const auto& [n, p] : bars.extra) check(p, n);
  for (Field f : {Field::Open, Field::High, Field::Low, Field::Close})
    if (!bars.has(f)) throw DataError(name + ": required field '" + std::string(field_name(f)) + "' missing");
}
}  // namespace

void MarketData::validate() const {
  if (calendar.empty()) throw DataError("market data: empty trading calendar");
  // Text reaches dataset headers and result.json (UTF-8 JSON): readers decode it, this is the last check.
  for (size_t i = 0; i < instruments.size(); ++i)
    for (const std::string* text : {&instruments[i].symbol, &instruments[i].name})
      if (!is_valid_utf8(*text))
        throw DataError("instrument " + std::to_string(i) + " (" + utf8_for_display(instruments[i].symbol) +
                        "): " + (text == &instruments[i].symbol ? "symbol" : "name") + " '" +
                        utf8_for_display(*text) + "' is not valid UTF-8");
  for (const BarData* bars : {&daily, hourly ? &*hourly : nullptr})
    if (bars)
      for (const auto& [name, p] : bars->extra)
        if (!is_valid_utf8(name))
          throw DataError("column '" + utf8_for_display(name) + "': the name is not valid UTF-8");
  for (const auto& [name, p] : series)
    if (!is_valid_utf8(name))
      throw DataError("series '" + utf8_for_display(name) + "': the name is not valid UTF-8");
  validate_bars(daily, calendar, instrument_count(), "daily bars");
  if (hourly) validate_bars(*hourly, calendar, instrument_count(), "60-minute bars");
  for (const auto& [name, p] : series)
    if (p.rows() != calendar.size() || p.cols() != 1)
      throw DataError("series '" + name + "': expected " + std::to_string(calendar.size()) + "x1 values");
}

void init_daily_layout(BarData& bars, const TradingCalendar& calendar) {
  bars.frequency = Frequency::Daily;
  bars.stamps.resize(calendar.size());
  bars.day_begin.resize(calendar.size() + 1);
  for (int32_t d = 0; d < calendar.size(); ++d) {
    bars.stamps[d] = Timestamp::of(calendar.day(d), 15, 0);
    bars.day_begin[d] = d;
  }
  bars.day_begin[calendar.size()] = calendar.size();
}

void init_hourly_layout(BarData& bars, const TradingCalendar& calendar) {
  bars.frequency = Frequency::Min60;
  bars.stamps.resize(static_cast<size_t>(calendar.size()) * kHourlyBarsPerDay);
  bars.day_begin.resize(calendar.size() + 1);
  for (int32_t d = 0; d < calendar.size(); ++d) {
    bars.day_begin[d] = d * kHourlyBarsPerDay;
    for (int s = 0; s < kHourlyBarsPerDay; ++s)
      bars.stamps[d * kHourlyBarsPerDay + s] =
          Timestamp::of(calendar.day(d), kHourlyBarEnd[s] / 60, kHourlyBarEnd[s] % 60);
  }
  bars.day_begin[calendar.size()] = calendar.size() * kHourlyBarsPerDay;
}

void derive_hourly_adjustment(MarketData& data) {
  if (!data.hourly || data.hourly->has(Field::AdjFactor) || !data.daily.has(Field::AdjFactor)) return;
  const Panel& daily_adj = data.daily.field(Field::AdjFactor);
  BarData& h = *data.hourly;
  const int32_t n = data.instrument_count();
  std::vector<float> buffer(static_cast<size_t>(h.rows()) * n);
  for (int32_t d = 0; d < data.calendar.size(); ++d) {
    const auto day_row = daily_adj.row(d);
    for (int32_t r = h.day_begin[d]; r < h.day_begin[d + 1]; ++r)
      std::memcpy(buffer.data() + static_cast<size_t>(r) * n, day_row.data(), sizeof(float) * n);
  }
  h.fields[static_cast<int>(Field::AdjFactor)] = data.adopt(std::move(buffer), h.rows(), n);
}

std::string compute_fingerprint(const MarketData& data) {
  ContentHash h;
  for (Date d : data.calendar.days()) h.add_value(d.days);
  for (const auto& ins : data.instruments) {
    h.add_string(ins.symbol);
    h.add_string(ins.name);
    h.add_value(static_cast<uint8_t>(ins.kind));
    h.add_value(ins.list_date.days);
    h.add_value(ins.delist_date.days);
  }
  auto add_panel = [&](const Panel& p) {
    const size_t bytes = sizeof(float) * static_cast<size_t>(p.rows()) * static_cast<size_t>(p.cols());
    if (p.contiguous()) {
      h.add_bytes(p.data(), bytes);
    } else {
      const std::vector<float> values = contiguous_values(p);
      h.add_bytes(values.data(), bytes);
    }
  };
  auto add_bars = [&](const BarData& b) {
    h.add_value(static_cast<uint8_t>(b.frequency));
    for (Timestamp t : b.stamps) h.add_value(t.minutes);
    for (int f = 0; f < kFieldCount; ++f) {
      const Panel& p = b.fields[f];
      h.add_value(static_cast<int32_t>(f));
      if (!p.empty()) add_panel(p);
    }
    for (const auto& [n, p] : b.extra) {
      h.add_string(n);
      add_panel(p);
    }
  };
  add_bars(data.daily);
  if (data.hourly) add_bars(*data.hourly);
  for (const auto& [n, p] : data.series) {
    h.add_string(n);
    h.add_bytes(p.data(), sizeof(float) * static_cast<size_t>(p.rows()));
  }
  return h.hex();
}

}  // namespace abt
