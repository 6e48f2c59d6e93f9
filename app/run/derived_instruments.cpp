#include "app/run/derived_instruments.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "engine/core/error.hpp"
#include "engine/data/content_hash.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// Value of the derived column of `field` at `row` (a daily or hourly row). `day` is the row's calendar day.
float derived_value(Field field, const DerivedBars& b, bool hourly, size_t row, size_t day) {
  const auto& open = hourly ? b.hourly_open : b.open;
  const auto& close = hourly ? b.hourly_close : b.close;
  const auto& volume = hourly ? b.hourly_volume : b.volume;
  switch (field) {
    case Field::Open:
      return static_cast<float>(open[row]);
    case Field::High:
      return static_cast<float>((hourly ? b.hourly_high : b.high)[row]);
    case Field::Low:
      return static_cast<float>((hourly ? b.hourly_low : b.low)[row]);
    case Field::Close:
      return static_cast<float>(close[row]);
    case Field::Volume:
      return static_cast<float>(volume[row]);
    case Field::Amount:
      return static_cast<float>(volume[row] * (open[row] + close[row]) / 2);
    case Field::AdjFactor:
      return 1.0f;
    case Field::PreClose:
      return day > 0 ? static_cast<float>(b.close[day - 1]) : static_cast<float>(b.open[day]);
    case Field::IsST:
      return 0.0f;
    default:
      return kNaN;  // share counts
  }
}

/// `bars`: the rows of `source` with one appended column per derived instrument on every panel.
void append_derived_bars(MarketData& out, BarData& bars, const BarData& source,
                         const std::vector<DerivedBars>& derived, bool hourly) {
  bars.frequency = source.frequency;
  bars.stamps = source.stamps;
  bars.day_begin = source.day_begin;
  // Calendar day of every row (for pre_close).
  std::vector<int32_t> day_of(static_cast<size_t>(source.rows()));
  for (size_t d = 0; d + 1 < source.day_begin.size(); ++d)
    for (int32_t r = source.day_begin[d]; r < source.day_begin[d + 1]; ++r)
      day_of[static_cast<size_t>(r)] = static_cast<int32_t>(d);
  const auto extra = static_cast<int32_t>(derived.size());
  for (int f = 0; f < kFieldCount; ++f) {
    if (source.fields[f].empty()) continue;
    const auto field = static_cast<Field>(f);
    bars.fields[f] = append_columns(out, source.fields[f], extra, [&](int32_t r, int32_t k) {
      return derived_value(field, derived[static_cast<size_t>(k)], hourly, static_cast<size_t>(r),
                           static_cast<size_t>(day_of[static_cast<size_t>(r)]));
    });
  }
  for (const auto& [name, panel] : source.extra)
    bars.extra[name] = append_columns(out, panel, extra, [](int32_t, int32_t) { return kNaN; });
}

}  // namespace

std::vector<nlohmann::json> resolve_derived_instruments(const std::vector<DerivedRef>& refs,
                                                        const StrategyRegistry& registry) {
  std::vector<nlohmann::json> resolved;
  std::set<std::string> seen;
  for (size_t k = 0; k < refs.size(); ++k) {
    const std::string where = std::string("derived_instruments[").append(std::to_string(k)).append("]");
    const std::string& name = refs[k].name;
    const ConfigurableInstrumentInfo* info = registry.find_configurable_instrument(name);
    if (!info) {
      std::string known;
      for (const auto& d : registry.all_instruments()) known += (known.empty() ? "" : ", ") + d.name;
      throw ConfigError(where + ": unknown derived instrument '" + name +
                        "' (known: " + (known.empty() ? "none" : known) + ")");
    }
    if (!seen.insert(name).second) throw ConfigError(where + ": '" + name + "' is listed twice");
    resolved.push_back(resolve_derived_settings(refs[k], info->settings, where));
  }
  return resolved;
}

std::string derived_instruments_key(const std::vector<DerivedRef>& refs, const StrategyRegistry& registry) {
  const std::vector<nlohmann::json> resolved = resolve_derived_instruments(refs, registry);
  std::string key;
  for (size_t k = 0; k < refs.size(); ++k) key.append(refs[k].name).append(resolved[k].dump()).append(";");
  return key;
}

MarketData with_derived_instruments(const MarketData& data, const std::vector<DerivedRef>& refs,
                                    const StrategyRegistry& registry) {
  const std::vector<nlohmann::json> settings = resolve_derived_instruments(refs, registry);
  std::vector<const ConfigurableInstrumentInfo*> infos;
  for (size_t k = 0; k < refs.size(); ++k) {
    const ConfigurableInstrumentInfo* info = registry.find_configurable_instrument(refs[k].name);
    if (data.find(info->symbol))
      throw ConfigError(std::string("derived_instruments[").append(std::to_string(k)).append("]") +
                        ": the data already has an instrument '" + info->symbol + "'");
    infos.push_back(info);
  }

  std::vector<DerivedBars> derived;
  for (size_t k = 0; k < infos.size(); ++k) {
    const ConfigurableInstrumentInfo* info = infos[k];
    DerivedBars bars = info->compute(data, settings[k]);
    const auto days = static_cast<size_t>(data.calendar.size());
    const size_t hours = data.hourly ? static_cast<size_t>(data.hourly->rows()) : 0;
    for (const auto* v : {&bars.open, &bars.high, &bars.low, &bars.close, &bars.volume})
      if (v->size() != days)
        throw InternalError("derived instrument '" + info->name + "': wrong daily length");
    for (const auto* v :
         {&bars.hourly_open, &bars.hourly_high, &bars.hourly_low, &bars.hourly_close, &bars.hourly_volume})
      if (v->size() != hours)
        throw InternalError("derived instrument '" + info->name + "': wrong hourly length");
    derived.push_back(std::move(bars));
  }

  MarketData out;
  out.calendar = data.calendar;
  out.instruments = data.instruments;
  ContentHash hash;
  hash.add_string(data.fingerprint);
  std::string added;
  for (size_t k = 0; k < infos.size(); ++k) {
    const ConfigurableInstrumentInfo* info = infos[k];
    Instrument ins;
    ins.symbol = info->symbol;
    ins.name = info->name;
    ins.kind = InstrumentKind::Index;
    ins.board = Board::Index;
    out.instruments.push_back(std::move(ins));
    hash.add_string(info->name);
    if (refs[k].object_form()) hash.add_string(settings[k].dump());  // the defaults keep the old fingerprint
    added += (added.empty() ? "" : ", ") + info->symbol;
  }
  out.rebuild_symbol_index();
  out.share_storage(data);  // the stored blocks and series are `data`'s
  out.series = data.series;
  out.provenance = data.provenance;
  append_derived_bars(out, out.daily, data.daily, derived, /*hourly=*/false);
  if (data.hourly) append_derived_bars(out, out.hourly.emplace(), *data.hourly, derived, /*hourly=*/true);
  out.fingerprint = hash.hex();
  out.source = data.source + " + derived " + added;
  out.validate();
  return out;
}

MarketData add_derived_instruments(const MarketData& data, const std::vector<DerivedRef>& names,
                                   const StrategyRegistry& registry, bool quiet, double& seconds) {
  const auto t0 = std::chrono::steady_clock::now();
  MarketData out = with_derived_instruments(data, names, registry);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!quiet) {
    std::string symbols;
    for (InstrumentId id = data.instrument_count(); id < out.instrument_count(); ++id)
      symbols += (symbols.empty() ? "" : ", ") + out.instruments[id].symbol;
    std::fprintf(stderr, "abt: added %s in %.2f s\n", symbols.c_str(), seconds);
  }
  return out;
}

}  // namespace abt
