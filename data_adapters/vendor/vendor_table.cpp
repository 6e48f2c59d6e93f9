#include "data_adapters/vendor/vendor_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

uint64_t bar_key(int32_t instrument, Timestamp t) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(instrument)) << 32) ^ static_cast<uint64_t>(t.minutes);
}

std::optional<size_t> find_cell(const std::vector<std::string>& header,
                                const std::vector<std::string>& names) {
  for (const auto& n : names) {
    const auto it = std::find(header.begin(), header.end(), n);
    if (it != header.end()) return static_cast<size_t>(it - header.begin());
  }
  return std::nullopt;
}

std::string in_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

}  // namespace

void VendorCsvReader::read(const std::filesystem::path& file, const VendorTable& table) {
  csv::CsvText csv = csv::CsvText::read(file);
  std::string_view line;
  if (!csv.next_line(line))
    throw DataError(csv.path() + ":1: expected a " + table.name + " header, got an empty file");
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  std::vector<std::string> header;
  for (auto c : cells) header.push_back(csv::to_lower(c));
  const auto time_cell = find_cell(header, table.time);
  if (!time_cell)
    throw DataError(csv.where() + ": " + table.name + ": missing required column " +
                    in_quotes(table.time[0]));
  std::optional<size_t> symbol_cell;
  if (!table.symbol.empty()) symbol_cell = find_cell(header, table.symbol);
  struct Bound {
    size_t cell;
    const VendorColumn* column;
    int32_t slot[kFrequencyCount] = {-1, -1};
  };
  std::vector<Bound> bound;
  for (const VendorColumn& c : table.columns) {
    const auto cell = find_cell(header, {c.header});
    if (!cell) {
      if (c.kind != VendorColumnKind::Optional)
        throw DataError(csv.where() + ": " + table.name + ": missing required column " + in_quotes(c.header));
      continue;
    }
    bound.push_back({*cell, &c});
  }
  const uint32_t origin_file = a_.add_origin_file(csv.path());
  origins_.resize(std::max<size_t>(origins_.size(), origin_file + 1));
  origins_[origin_file] = csv.path();
  int32_t file_instrument = -1;
  if (!symbol_cell) {
    const auto s = symbol_from_code(file.stem().string());
    if (!s)
      throw DataError(csv.where() + ": " + table.name + ": missing symbol column " +
                      in_quotes(table.symbol.empty() ? "" : table.symbol[0]) +
                      " and the file name is not a code like 600519.SH");
    file_instrument = a_.instrument(*s);
  }
  std::unordered_set<uint64_t> seen_aux;
  size_t without_bar = 0;
  std::string last_code;
  int32_t last_instrument = -1;
  while (csv.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() != header.size())
      throw DataError(csv.where() + ": expected " + std::to_string(header.size()) +
                      " columns as in the header, got " + std::to_string(cells.size()));
    Timestamp t;
    const std::string_view time_text = cells[*time_cell];
    if (!Timestamp::try_parse(time_text, t))
      throw DataError(csv.where() +
                      ": expected a date YYYYMMDD / YYYY-MM-DD or a time YYYY-MM-DD HH:MM:SS, got " +
                      in_quotes(time_text));
    const Frequency f = time_text.size() <= 10 ? Frequency::Daily : Frequency::Min60;
    if (f == Frequency::Min60 && hourly_slot_of(t.minute_of_day()) < 0)
      throw DataError(csv.where() + ": expected a 60-minute bar end time 10:30, 11:30, 14:00 or 15:00, got " +
                      in_quotes(time_text));
    int32_t instrument = file_instrument;
    if (symbol_cell) {
      const std::string_view code = cells[*symbol_cell];
      if (code != last_code) {
        const auto s = symbol_from_code(code);
        if (!s)
          throw DataError(csv.where() + ": expected a security code like 600519.SH, got " + in_quotes(code));
        last_code = std::string(code);
        last_instrument = a_.instrument(*s);
      }
      instrument = last_instrument;
    }
    const uint64_t key = bar_key(instrument, t);
    const RecordOrigin origin{origin_file, csv.line_number()};
    auto& bars = bars_[static_cast<int>(f)];
    size_t record = 0;
    if (table.auxiliary) {
      if (!seen_aux.insert(key).second) {
        const std::string message =
            csv.where() + ": expected one row per (date, symbol), got a duplicate " + in_quotes(time_text);
        if (!a_.quarantines_duplicates()) throw DataError(message);
        a_.quarantine(message);
        continue;
      }
      const auto it = bars.find(key);
      if (it == bars.end()) {
        ++without_bar;
        continue;
      }
      record = it->second.record;
    } else {
      const auto [it, fresh] = bars.try_emplace(key, Slot{0, origin});
      if (!fresh) {
        const std::string message = csv.where() +
                                    ": expected one bar per (timestamp, symbol), got a duplicate " +
                                    in_quotes(time_text) + " (first at " + origins_[it->second.origin.file] +
                                    ":" + std::to_string(it->second.origin.line) + ")";
        if (!a_.quarantines_duplicates()) throw DataError(message);
        a_.quarantine(message);
        continue;
      }
      it->second.record = a_.add_bar(f, t, instrument, origin);
      record = it->second.record;
    }
    for (Bound& b : bound) {
      const VendorColumn& c = *b.column;
      const float value =
          csv::read_cell(csv, cells[b.cell],
                         csv::column_rule(c.header, c.field, c.kind != VendorColumnKind::Optional, c.scale));
      const int fi = static_cast<int>(f);
      if (b.slot[fi] < 0) b.slot[fi] = a_.column(f, b.column->field);
      a_.set(f, b.slot[fi], record, value);
    }
  }
  if (without_bar > 0)
    notes_.push_back(csv.path() + ": " + std::to_string(without_bar) + " " + table.name +
                     " rows have no bar of a price table and were not used");
}

}  // namespace abt
