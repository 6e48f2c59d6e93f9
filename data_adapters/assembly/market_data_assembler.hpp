#pragma once
// MarketDataAssembler: collects long-format records (one bar of one instrument at one timestamp, any set of
// named numeric fields) from any number of sources, then builds the immutable panels of a MarketData once.
// Used by the CSV adapters; usable by any adapter that reads row-wise data.
//
// Build rules (documented in docs/data-formats.md):
//  - calendar = sorted union of the dates of all daily and 60-minute records;
//  - instruments are sorted by symbol (deterministic whatever the input order);
//  - a field named like a standard field (field.hpp) becomes that field, any other name an extra panel;
//  - 60-minute records must end at 10:30, 11:30, 14:00 or 15:00; the hourly layout has 4 rows per day;
//  - when there are 60-minute records but no daily records at all, daily bars are aggregated exactly from
//    the hourly bars: open = first, high = max, low = min, close = last, volume/amount = sum, any other
//    field = last non-NaN value of the day;
//  - pre_close, when no source gives it: previous close of the instrument x (previous adj / adj) when
//    adj_factor is present; on an instrument's first bar it is unknown (NaN): a reference price is never
//    invented (an IPO's issue price comes from the source or an IPO table, reference_tables.hpp);
//  - list_date = first date with a bar, or Date::min() ("listed before the data", a seasoned stock) when
//    that is the first calendar day: the data cannot tell a listing on that day from an older one;
//    delist_date = last date with a bar, or Date::max() (still listed) when the instrument has a bar on the
//    last calendar day;
//  - series values on dates outside the calendar are ignored and reported in notes(); calendar days without
//    a value are NaN.
// Duplicate (timestamp, symbol) records or duplicate series dates throw DataError naming both origins; with
// set_quarantine_duplicates(true) a duplicate bar record is dropped instead (the first one is kept) and
// listed in quarantined() (used by `abt data validate --quarantine`).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

/// Where a record came from: a file registered with add_origin_file() and a 1-based line.
struct RecordOrigin {
  uint32_t file = 0;
  uint32_t line = 0;
};

/// The pre_close rule above on T x N row-major columns (`adj` may be nullptr): previous close of the
/// instrument x (previous adj / adj); NaN on an instrument's first bar and where close is NaN.
std::vector<float> derive_pre_close_column(const std::vector<float>& close, const std::vector<float>* adj,
                                           int32_t days, int32_t n);

/// list_date of an instrument whose first bar is on calendar day `first_day` (see the header comment).
Date list_date_from_first_bar(const TradingCalendar& calendar, int32_t first_day);

class MarketDataAssembler {
 public:
  /// Registers a source name (usually a path) for error messages; returns its index for RecordOrigin.
  uint32_t add_origin_file(std::string name);

  /// Dense assembler id of `symbol`, declared on first use with kind/board from default_instrument().
  /// Exchange codes are normalised (normalize_symbol: SH600519, sh600519, 600519.sh -> 600519.SH), so
  /// every spelling of one security is one instrument; other symbols (BROAD.IDX, bare codes) are kept.
  int32_t instrument(std::string_view symbol);
  /// The description of an instrument (name, kind, board may be edited; dates are set by build()).
  Instrument& instrument_info(int32_t id) { return instruments_[static_cast<size_t>(id)]; }

  /// Column index of field `name` at frequency f; created on first use (NaN for earlier records).
  int32_t column(Frequency f, std::string_view name);
  /// Appends an empty record (every field NaN) and returns its index. Throws DataError "ORIGIN: ..." for a
  /// date outside the market-date range or on a weekend (market_date_problem, value_domain.hpp).
  size_t add_bar(Frequency f, Timestamp t, int32_t instrument, RecordOrigin origin);
  void set(Frequency f, int32_t column, size_t record, float value) {
    records_[static_cast<int>(f)].columns[static_cast<size_t>(column)][record] = value;
  }
  size_t bar_count(Frequency f) const { return records_[static_cast<int>(f)].stamps.size(); }

  /// A value of the daily external series `name` (becomes MarketData::series[name]).
  void add_series_value(std::string_view name, Date d, float value, RecordOrigin origin);

  /// Builds the MarketData (fingerprint computed, validated, symbol index built). Throws DataError.
  MarketData build(std::string source);
  /// Diagnostics of the last build() (e.g. ignored off-calendar series values), one sentence each.
  const std::vector<std::string>& notes() const { return notes_; }

  /// Drop duplicate bar records instead of throwing (see the header comment).
  void set_quarantine_duplicates(bool on) { quarantine_duplicates_ = on; }
  bool quarantines_duplicates() const { return quarantine_duplicates_; }
  /// Records a dropped input row: "FILE:LINE: what was wrong" (also used by readers in quarantine mode).
  void quarantine(std::string row) { quarantined_.push_back(std::move(row)); }
  const std::vector<std::string>& quarantined() const { return quarantined_; }

  /// Kind Stock with board_from_symbol() for stock codes; kind Index for index codes (Board::Index) and for
  /// codes whose board is unknown (Board::Other), which are treated as tradable indices.
  static Instrument default_instrument(std::string_view symbol);

 private:
  struct Records {
    std::vector<Timestamp> stamps;
    std::vector<int32_t> instrument;
    std::vector<RecordOrigin> origin;
    std::vector<std::string> names;
    std::vector<std::vector<float>> columns;
  };
  struct SeriesValues {
    std::vector<Date> dates;
    std::vector<float> values;
    std::vector<RecordOrigin> origin;
  };

  std::string where(RecordOrigin o) const;
  /// Record indices of f sorted by (timestamp, symbol); throws on duplicates.
  std::vector<size_t> sorted_records(Frequency f, const std::vector<int32_t>& column_of);

  std::vector<std::string> files_;
  std::vector<Instrument> instruments_;
  std::unordered_map<std::string, int32_t> instrument_ids_;
  Records records_[kFrequencyCount];
  std::vector<std::pair<std::string, SeriesValues>> series_;
  std::vector<std::string> notes_;
  bool quarantine_duplicates_ = false;
  std::vector<std::string> quarantined_;
};

}  // namespace abt
