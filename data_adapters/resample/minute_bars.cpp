#include "data_adapters/resample/minute_bars.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"
#include "engine/core/frequency.hpp"

namespace abt {
namespace {

bool read_int(std::string_view& s, char separator, int& out) {
  const size_t end = separator ? s.find(separator) : s.size();
  const std::string_view part = s.substr(0, end);
  if (part.empty() || part.size() > 4) return false;
  const auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
  if (ec != std::errc() || p != part.data() + part.size()) return false;
  s = end >= s.size() ? std::string_view() : s.substr(end + 1);
  return true;
}

std::optional<size_t> find_cell(const std::vector<std::string>& header,
                                std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const auto it = std::find(header.begin(), header.end(), n);
    if (it != header.end()) return static_cast<size_t>(it - header.begin());
  }
  return std::nullopt;
}

}  // namespace

bool parse_loose_timestamp(std::string_view text, Timestamp& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view date = text.substr(0, space), time = text.substr(space + 1);
  while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
  if (!read_int(date, '-', y) || !read_int(date, '-', mo) || !read_int(date, 0, d) || !date.empty())
    return false;
  const bool has_seconds = std::count(time.begin(), time.end(), ':') == 2;
  if (!read_int(time, ':', h) || !read_int(time, has_seconds ? ':' : 0, mi)) return false;
  if (has_seconds && (!read_int(time, 0, s) || s != 0)) return false;
  if (!time.empty() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return false;
  Date day;
  char iso[11];
  std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, mo, d);
  if (!Date::try_parse(iso, day)) return false;
  out = Timestamp::of(day, h, mi);
  return true;
}

int hour_slot_of_minute(int m) {
  if (m >= 9 * 60 + 30 && m <= 10 * 60 + 30) return 0;
  if (m > 10 * 60 + 30 && m <= 11 * 60 + 30) return 1;
  if (m >= 13 * 60 && m <= 14 * 60) return 2;
  if (m > 14 * 60 && m <= 15 * 60) return 3;
  return -1;
}

std::vector<MinuteBar> read_minute_csv(const std::filesystem::path& path) {
  csv::CsvText csv = csv::CsvText::read(path);
  std::string_view line;
  if (!csv.next_line(line))
    throw DataError(csv.path() + ":1: expected a header date,open,high,low,close[,volume][,amount]");
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  std::vector<std::string> header;
  for (auto c : cells) header.push_back(csv::to_lower(c));
  const auto c_time = find_cell(header, {"date", "datetime", "time", "trade_time"});
  const auto c_open = find_cell(header, {"open"}), c_high = find_cell(header, {"high"}),
             c_low = find_cell(header, {"low"}), c_close = find_cell(header, {"close"});
  const auto c_volume = find_cell(header, {"volume", "vol", "count"}),
             c_amount = find_cell(header, {"amount"});
  for (auto [cell, name] :
       {std::pair{c_time, "date"}, {c_open, "open"}, {c_high, "high"}, {c_low, "low"}, {c_close, "close"}})
    if (!cell) throw DataError(csv.where() + ": missing required column '" + std::string(name) + "'");
  std::vector<MinuteBar> bars;
  while (csv.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() != header.size())
      throw DataError(csv.where() + ": expected " + std::to_string(header.size()) +
                      " columns as in the header, got " + std::to_string(cells.size()));
    MinuteBar b;
    const std::string_view t = cells[*c_time];
    if (!parse_loose_timestamp(t, b.end))
      throw DataError(csv.where() + ": expected a minute bar end time YYYY-M-D H:M[:S], got '" +
                      std::string(t) + "'");
    if (const auto problem = market_date_problem(b.end.date()))
      throw DataError(csv.where() + ": " + *problem);
    if (hour_slot_of_minute(b.end.minute_of_day()) < 0)
      throw DataError(csv.where() + ": expected a time inside the session 09:30-11:30, 13:00-15:00, got '" +
                      std::string(t) + "'");
    if (!bars.empty() && !(bars.back().end < b.end))
      throw DataError(csv.where() + ": expected increasing times, got '" + std::string(t) + "' after " +
                      bars.back().end.to_string());
    float v[6] = {0, 0, 0, 0, 0, 0};
    const std::optional<size_t> value_cells[6] = {c_open, c_high, c_low, c_close, c_volume, c_amount};
    const char* names[6] = {"open", "high", "low", "close", "volume", "amount"};
    for (int k = 0; k < 6; ++k) {
      if (!value_cells[k]) continue;
      v[k] = csv::read_cell(
          csv, cells[*value_cells[k]],
          {names[k], names[k], k < 4 ? ValueDomain::Positive : ValueDomain::NonNegative, true});
    }
    b.open = v[0];
    b.high = v[1];
    b.low = v[2];
    b.close = v[3];
    b.volume = v[4];
    b.amount = v[5];
    bars.push_back(b);
  }
  return bars;
}

std::vector<MinuteBar> resample_to_hourly(const std::vector<MinuteBar>& minutes) {
  std::vector<MinuteBar> out;
  for (const MinuteBar& m : minutes) {
    const int slot = hour_slot_of_minute(m.end.minute_of_day());
    if (slot < 0) throw DataError("minute bar at " + m.end.to_string() + " is outside the session");
    const Timestamp end = Timestamp::of(m.end.date(), kHourlyBarEnd[static_cast<size_t>(slot)] / 60,
                                        kHourlyBarEnd[static_cast<size_t>(slot)] % 60);
    if (out.empty() || out.back().end != end) {
      MinuteBar h = m;
      h.end = end;
      out.push_back(h);
      continue;
    }
    MinuteBar& h = out.back();
    h.high = std::max(h.high, m.high);
    h.low = std::min(h.low, m.low);
    h.close = m.close;
    h.volume += m.volume;
    h.amount += m.amount;
  }
  return out;
}

void add_minute_csv(const std::filesystem::path& path, const std::string& symbol, MarketDataAssembler& a) {
  const std::vector<MinuteBar> hours = resample_to_hourly(read_minute_csv(path));
  const uint32_t origin = a.add_origin_file(path.string() + " hour bar");
  const int32_t id = a.instrument(symbol);
  const char* names[6] = {"open", "high", "low", "close", "volume", "amount"};
  int32_t cols[6];
  for (int k = 0; k < 6; ++k) cols[k] = a.column(Frequency::Min60, names[k]);
  for (size_t k = 0; k < hours.size(); ++k) {
    const MinuteBar& h = hours[k];
    const size_t r = a.add_bar(Frequency::Min60, h.end, id, {origin, static_cast<uint32_t>(k + 1)});
    const double v[6] = {h.open, h.high, h.low, h.close, h.volume, h.amount};
    for (int c = 0; c < 6; ++c) a.set(Frequency::Min60, cols[c], r, static_cast<float>(v[c]));
  }
}

}  // namespace abt
