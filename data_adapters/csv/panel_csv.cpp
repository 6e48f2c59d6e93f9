#include "data_adapters/csv/panel_csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

constexpr const char* kExpectedColumns =
    "date or datetime, symbol (or code, ts_code) unless one file per symbol, open, high, low, close, volume";

struct ValueColumn {
  size_t cell = 0;                           // index in the CSV row
  std::string name;                          // lower-case header name = field name
  int32_t slot[kFrequencyCount] = {-1, -1};  // assembler column per frequency (created lazily)
  ValueDomain domain = ValueDomain::Finite;  // of the field (engine/core/value_domain.hpp)
  bool required = false;                     // open, high, low, close, volume
};

struct Layout {
  size_t cell_count = 0;
  size_t time_cell = 0;
  std::optional<size_t> symbol_cell;
  std::optional<size_t> name_cell;
  std::vector<ValueColumn> values;
  int open = -1, high = -1, low = -1;  // indices into values
};

std::string in_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

Layout parse_header(csv::CsvText& csv, std::string_view line, const PanelCsvOptions& options) {
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  Layout layout;
  layout.cell_count = cells.size();
  std::optional<size_t> time_cell;
  std::vector<std::string> seen;
  for (size_t c = 0; c < cells.size(); ++c) {
    const std::string name = csv::to_lower(cells[c]);
    if (name.empty())
      throw DataError(csv.where() + ": expected a name for column " + std::to_string(c + 1) + ", got ''");
    if (std::find(seen.begin(), seen.end(), name) != seen.end())
      throw DataError(csv.where() + ": expected unique column names, got " + in_quotes(name) + " twice");
    seen.push_back(name);
    if (std::find(options.ignore_columns.begin(), options.ignore_columns.end(), name) !=
        options.ignore_columns.end())
      continue;
    if (name == "date" || name == "datetime" || name == "trade_date" || name == "trade_time") {
      if (time_cell) throw DataError(csv.where() + ": expected one time column, got " + in_quotes(line));
      time_cell = c;
    } else if (name == "symbol" || name == "code" || name == "ts_code") {
      if (layout.symbol_cell)
        throw DataError(csv.where() + ": expected one symbol column, got " + in_quotes(line));
      layout.symbol_cell = c;
    } else if (name == "name") {
      layout.name_cell = c;
    } else {
      ValueColumn v;
      v.cell = c;
      v.name = name;
      if (name == "open") layout.open = static_cast<int>(layout.values.size());
      if (name == "high") layout.high = static_cast<int>(layout.values.size());
      if (name == "low") layout.low = static_cast<int>(layout.values.size());
      layout.values.push_back(std::move(v));
    }
  }
  if (!time_cell)
    throw DataError(csv.where() + ": missing required column 'date' (expected " + kExpectedColumns +
                    "), got " + in_quotes(line));
  layout.time_cell = *time_cell;
  for (const char* required : {"open", "high", "low", "close", "volume"})
    if (std::find(seen.begin(), seen.end(), required) == seen.end())
      throw DataError(csv.where() + ": missing required column '" + required + "' (expected " +
                      kExpectedColumns + "), got " + in_quotes(line));
  for (ValueColumn& v : layout.values) {
    v.domain = domain_of_column(v.name);
    v.required =
        v.name == "open" || v.name == "high" || v.name == "low" || v.name == "close" || v.name == "volume";
  }
  return layout;
}

}  // namespace

void read_panel_csv_file(const std::filesystem::path& file, const PanelCsvOptions& options,
                         MarketDataAssembler& assembler) {
  csv::CsvText csv = csv::CsvText::read(file);
  std::string_view line;
  if (!csv.next_line(line))
    throw DataError(csv.path() + ":1: expected a header line (" + kExpectedColumns + "), got an empty file");
  Layout layout = parse_header(csv, line, options);
  const uint32_t origin_file = assembler.add_origin_file(csv.path());
  const int32_t file_instrument =
      layout.symbol_cell ? -1 : assembler.instrument(file.stem().string());  // one file per symbol

  std::optional<Frequency> frequency;
  std::vector<std::string_view> cells;
  std::string last_symbol;
  int32_t last_instrument = -1;
  while (csv.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() != layout.cell_count)
      throw DataError(csv.where() + ": expected " + std::to_string(layout.cell_count) +
                      " columns as in the header, got " + std::to_string(cells.size()) + ": " +
                      in_quotes(line));
    const std::string_view time_text = cells[layout.time_cell];
    Timestamp t;
    if (!Timestamp::try_parse(time_text, t))
      throw DataError(
          csv.where() +
          ": expected a date YYYY-MM-DD / YYYYMMDD or a bar end time YYYY-MM-DD HH:MM[:SS], got " +
          in_quotes(time_text));
    const Frequency row_frequency = time_text.size() <= 10 ? Frequency::Daily : Frequency::Min60;
    if (!frequency) frequency = row_frequency;
    if (row_frequency != *frequency)
      throw DataError(csv.where() + ": expected a " +
                      (*frequency == Frequency::Daily ? "date" : "date and time") +
                      " like the first row of the file, got " + in_quotes(time_text));
    if (row_frequency == Frequency::Min60 && hourly_slot_of(t.minute_of_day()) < 0)
      throw DataError(csv.where() + ": expected a 60-minute bar end time 10:30, 11:30, 14:00 or 15:00, got " +
                      in_quotes(time_text));

    int32_t instrument = file_instrument;
    if (layout.symbol_cell) {
      const std::string_view symbol = cells[*layout.symbol_cell];
      if (symbol.empty()) throw DataError(csv.where() + ": expected a symbol, got ''");
      if (symbol != last_symbol) {
        last_symbol = std::string(symbol);
        last_instrument = assembler.instrument(symbol);
      }
      instrument = last_instrument;
    }
    if (layout.name_cell && !cells[*layout.name_cell].empty())
      assembler.instrument_info(instrument).name = std::string(cells[*layout.name_cell]);

    const size_t record = assembler.add_bar(*frequency, t, instrument, {origin_file, csv.line_number()});
    const int f = static_cast<int>(*frequency);
    float ohl[3] = {0, 0, 0};
    for (size_t k = 0; k < layout.values.size(); ++k) {
      ValueColumn& v = layout.values[k];
      const float value = csv::read_cell(csv, cells[v.cell], {v.name, v.name, v.domain, v.required});
      if (static_cast<int>(k) == layout.open) ohl[0] = value;
      if (static_cast<int>(k) == layout.high) ohl[1] = value;
      if (static_cast<int>(k) == layout.low) ohl[2] = value;
      if (v.slot[f] < 0) v.slot[f] = assembler.column(*frequency, v.name);
      assembler.set(*frequency, v.slot[f], record, value);
    }
    if (ohl[1] < ohl[2])
      throw DataError(csv.where() + ": expected high >= low, got high " +
                      in_quotes(cells[layout.values[layout.high].cell]) + " < low " +
                      in_quotes(cells[layout.values[layout.low].cell]));
  }
}

MarketData load_panel_csv(const std::vector<std::filesystem::path>& inputs, const PanelCsvOptions& options) {
  const auto files = csv::expand_inputs(inputs);
  MarketDataAssembler assembler;
  assembler.set_quarantine_duplicates(options.quarantined != nullptr);
  for (const auto& file : files) read_panel_csv_file(file, options, assembler);
  std::string source = options.source;
  if (source.empty()) {
    source = "panel csv:";
    for (const auto& input : inputs) source.append(" ").append(input.string());
  }
  MarketData md = assembler.build(std::move(source));
  if (options.quarantined) *options.quarantined = assembler.quarantined();
  return md;
}

}  // namespace abt
