#pragma once
// MarketData: everything a run reads, immutable once built and shareable read-only by many runs.
//  - calendar: trading days; daily panels have one row per calendar day;
//  - instruments: dense ids = panel columns (stocks and tradable indices);
//  - daily (always) and hourly (optional) bars as panels per field;
//  - series: external daily series (10-year yield, ...) aligned to the calendar, one column each.
// Storage is owned through shared_ptrs (heap vectors or a read-only memory map), so panels stay valid while
// any copy of the MarketData lives.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/core/calendar.hpp"
#include "engine/core/frequency.hpp"
#include "engine/data/data_provenance.hpp"
#include "engine/data/derived_cache.hpp"
#include "engine/data/field.hpp"
#include "engine/data/instrument.hpp"
#include "engine/data/panel.hpp"

namespace abt {

/// All bars of one frequency.
struct BarData {
  Frequency frequency = Frequency::Daily;
  /// Close time of each row, strictly increasing.
  std::vector<Timestamp> stamps;
  /// Rows of calendar day d are [day_begin[d], day_begin[d+1]); size = calendar days + 1.
  std::vector<int32_t> day_begin;
  /// Standard fields; an empty Panel means the field is absent.
  std::array<Panel, kFieldCount> fields;
  /// Extra numeric columns by name (user CSV columns such as "total_mv").
  std::map<std::string, Panel, std::less<>> extra;

  int32_t rows() const { return static_cast<int32_t>(stamps.size()); }
  const Panel& field(Field f) const { return fields[static_cast<int>(f)]; }
  bool has(Field f) const { return !field(f).empty(); }
  /// Standard field or extra column by name; nullptr when absent.
  const Panel* find_field(std::string_view name) const;
};

class MarketData {
 public:
  TradingCalendar calendar;
  std::vector<Instrument> instruments;
  BarData daily;
  std::optional<BarData> hourly;
  /// External daily series by name, each a calendar.size() x 1 panel.
  std::map<std::string, Panel, std::less<>> series;
  /// Content hash (hex) identifying the data; echoed in result.json.
  std::string fingerprint;
  /// Where the data came from (path or generator description).
  std::string source;
  /// What the data can support (share-capital coverage, ...); not part of the fingerprint.
  DataProvenance provenance;

  int32_t instrument_count() const { return static_cast<int32_t>(instruments.size()); }
  const BarData* bars(Frequency f) const {
    return f == Frequency::Daily ? &daily : (hourly ? &*hourly : nullptr);
  }
  /// Finest loaded frequency (60m when hourly bars are present).
  Frequency finest_frequency() const { return hourly ? Frequency::Min60 : Frequency::Daily; }

  /// Id of a symbol; call rebuild_symbol_index() after changing `instruments`.
  std::optional<InstrumentId> find(std::string_view symbol) const;
  void rebuild_symbol_index();

  /// Takes ownership of a rows x cols buffer and returns a view of it.
  Panel adopt(std::vector<float> buffer, int32_t rows, int32_t cols);
  /// Keeps external storage (e.g. a memory map) alive as long as this MarketData.
  void keep_alive(std::shared_ptr<const void> storage) { storage_.push_back(std::move(storage)); }
  /// Keeps `other`'s storage alive as long as this MarketData (so that this one can hold its panels).
  void share_storage(const MarketData& other);
  /// True when some bar panel has appended columns (derived instruments added without a copy; Panel).
  bool has_appended_columns() const;

  /// Checks shapes and ordering (panel sizes, day_begin, stamps within their day) and that symbols, names
  /// and column names are UTF-8; throws DataError. Values are checked by the readers and the dataset
  /// writer (engine/core/value_domain.hpp).
  void validate() const;

  /// Derived state shared read-only by every run on this data (engine/data/derived_cache.hpp; use
  /// derived_state()). Thread-safe; a copy of the data starts with an empty cache.
  DerivedCache& derived() const { return derived_.get(); }

 private:
  std::unordered_map<std::string, InstrumentId> symbol_index_;
  std::vector<std::shared_ptr<const void>> storage_;
  DerivedCacheHandle derived_;  // appended last (plugin ABI: the layout before it is unchanged)
};

/// The derived state of `data` for `settings` (every setting the value depends on, e.g. "microcap_index
/// size=400 rank_by=total ..."), computed once by compute(data) -> std::shared_ptr<const T> and shared;
/// keyed by the data's fingerprint and the settings.
template <class T, class Compute>
std::shared_ptr<const T> derived_state(const MarketData& data, const std::string& settings,
                                       Compute&& compute) {
  return data.derived().get<T>(data.fingerprint + "|" + settings, [&] { return compute(data); });
}

/// `source` with `extra` more columns appended beside its stored block, which is shared, not copied: the new
/// appended block (owned by `owner`) holds `source`'s own appended columns, then value(row, k) for new column
/// k in [0, extra). How instruments are added to a market without copying it (Panel).
template <class Value>
Panel append_columns(MarketData& owner, const Panel& source, int32_t extra, Value&& value) {
  const int32_t rows = source.rows(), kept = source.appended_cols(), wide = kept + extra;
  std::vector<float> block(static_cast<size_t>(rows) * static_cast<size_t>(wide));
  for (int32_t r = 0; r < rows; ++r) {
    float* dst = block.data() + static_cast<size_t>(r) * static_cast<size_t>(wide);
    for (int32_t k = 0; k < kept; ++k) dst[k] = source(r, source.stored_cols() + k);
    for (int32_t k = 0; k < extra; ++k) dst[kept + k] = value(r, k);
  }
  const Panel appended = owner.adopt(std::move(block), rows, wide);
  return Panel(source, appended.data(), wide);
}

/// `data` with every panel in one contiguous block (copies of the panels that have appended columns).
MarketData with_contiguous_panels(const MarketData& data);

/// Builds the row layout of a daily BarData for `calendar` (stamps at 15:00, day_begin = 0..T).
void init_daily_layout(BarData& bars, const TradingCalendar& calendar);
/// Builds the row layout of an hourly BarData with four bars on every calendar day.
void init_hourly_layout(BarData& bars, const TradingCalendar& calendar);

/// When hourly bars lack an AdjFactor panel but daily bars have one, gives every hourly bar its day's factor,
/// so that adjusted 60-minute prices are continuous across ex-dates. No-op otherwise.
void derive_hourly_adjustment(MarketData& data);

/// Content hash of the data (calendar, instruments, every panel and series), as 16 hex digits.
std::string compute_fingerprint(const MarketData& data);

}  // namespace abt
