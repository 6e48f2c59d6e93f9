#include "data_adapters/csv/series_csv.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

#include "data_adapters/assembly/extend_market_data.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr const char* kExpectedHeader = "expected 'date,value' or 'date,open,high,low,close[,volume]'";

std::string in_quotes(std::string_view s) {
  std::string out(1, '\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

}  // namespace

SeriesCsv read_series_csv(const std::filesystem::path& file, std::string name) {
  csv::CsvText csv = csv::CsvText::read(file);
  SeriesCsv out;
  out.name = name.empty() ? file.stem().string() : std::move(name);
  out.path = csv.path();
  std::string_view line;
  if (!csv.next_line(line)) throw DataError(csv.path() + ":1: " + kExpectedHeader + ", got an empty file");
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  std::vector<std::string> names;
  for (auto c : cells) names.push_back(csv::to_lower(c));
  const bool dated = !names.empty() && (names[0] == "date" || names[0] == "trade_date");
  out.is_ohlc = names.size() >= 5 && names[1] == "open" && names[2] == "high" && names[3] == "low" &&
                names[4] == "close" && (names.size() == 5 || (names.size() == 6 && names[5] == "volume"));
  if (!dated || !(names.size() == 2 || out.is_ohlc))
    throw DataError(csv.where() + ": " + kExpectedHeader + ", got " + in_quotes(line));
  const size_t columns = names.size();

  std::map<int32_t, uint32_t> line_of_date;
  while (csv.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() != columns)
      throw DataError(csv.where() + ": expected " + std::to_string(columns) +
                      " columns as in the header, got " + std::to_string(cells.size()) + ": " +
                      in_quotes(line));
    Date d;
    if (!Date::try_parse(cells[0], d))
      throw DataError(csv.where() + ": expected a date YYYY-MM-DD or YYYYMMDD, got " + in_quotes(cells[0]));
    // Weekends are allowed (a series may be published on make-up working days; rows off the trading
    // calendar are ignored and counted when the series is attached), dates far outside the market are not.
    if (const auto problem = reference_date_problem(d)) throw DataError(csv.where() + ": " + *problem);
    const auto [it, inserted] = line_of_date.emplace(d.days, csv.line_number());
    if (!inserted)
      throw DataError(csv.where() + ": expected one row per date, got a duplicate " + in_quotes(cells[0]) +
                      " (first at line " + std::to_string(it->second) + ")");
    out.dates.push_back(d);
    for (size_t c = 1; c < columns; ++c) {
      // OHLC: positive required prices, a non-negative volume; a value series: any finite number.
      const bool required_price = out.is_ohlc && c <= 4;
      const float v = csv::read_cell(csv, cells[c],
                                     {names[c], names[c],
                                      required_price ? ValueDomain::Positive
                                      : out.is_ohlc  ? ValueDomain::NonNegative
                                                     : ValueDomain::Finite,
                                      required_price});
      if (out.is_ohlc)
        out.ohlcv[c - 1].push_back(v);
      else
        out.values.push_back(v);
    }
    if (out.is_ohlc && columns == 5) out.ohlcv[4].push_back(kNaN);
    if (out.is_ohlc && out.ohlcv[1].back() < out.ohlcv[2].back())
      throw DataError(csv.where() + ": expected high >= low, got high " + in_quotes(cells[2]) + " < low " +
                      in_quotes(cells[3]));
  }
  return out;
}

SeriesAttachNote attach_series(MarketData& data, const SeriesCsv& series) {
  const int32_t T = data.calendar.size();
  SeriesAttachNote note;
  std::vector<int32_t> row_of(series.dates.size(), -1);
  std::vector<bool> filled(static_cast<size_t>(T), false);
  for (size_t k = 0; k < series.dates.size(); ++k) {
    if (const auto idx = data.calendar.index_of(series.dates[k])) {
      row_of[k] = *idx;
      filled[static_cast<size_t>(*idx)] = true;
    } else {
      ++note.ignored_off_calendar;
    }
  }
  note.missing_on_calendar = static_cast<size_t>(std::count(filled.begin(), filled.end(), false));
  auto aligned = [&](const std::vector<float>& values) {
    std::vector<float> out(static_cast<size_t>(T), kNaN);
    for (size_t k = 0; k < values.size(); ++k)
      if (row_of[k] >= 0) out[static_cast<size_t>(row_of[k])] = values[k];
    return out;
  };
  if (!series.is_ohlc) {
    add_series(data, series.name, aligned(series.values));
  } else {
    Instrument ins;
    ins.symbol = series.name;
    ins.kind = InstrumentKind::Index;
    ins.board = Board::Index;
    const auto first = std::find(filled.begin(), filled.end(), true);
    if (first == filled.end())
      throw DataError(series.path + ": expected values on trading days of the calendar, got none");
    const auto last = std::find(filled.rbegin(), filled.rend(), true);
    ins.list_date = data.calendar.day(static_cast<int32_t>(first - filled.begin()));
    const auto last_row = static_cast<int32_t>(filled.rend() - last) - 1;
    ins.delist_date = last_row == T - 1 ? Date::max() : data.calendar.day(last_row);
    std::map<Field, std::vector<float>> daily;
    const Field fields[5] = {Field::Open, Field::High, Field::Low, Field::Close, Field::Volume};
    for (int k = 0; k < 5; ++k) daily[fields[k]] = aligned(series.ohlcv[k]);
    data = with_extra_instrument(data, ins, daily);
  }
  if (note.ignored_off_calendar > 0 || note.missing_on_calendar > 0)
    note.message = series.path + ": series '" + series.name +
                   "': " + std::to_string(note.ignored_off_calendar) +
                   " values on non-trading days ignored, " + std::to_string(note.missing_on_calendar) +
                   " trading days without a value (NaN)";
  return note;
}

}  // namespace abt
