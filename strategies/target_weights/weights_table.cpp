#include "strategies/target_weights/weights_table.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// Splits one CSV line at commas; a field in double quotes may hold commas and "" for a quote.
std::vector<std::string> split_line(std::string_view line) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back(trim(field));
      field.clear();
    } else {
      field += c;
    }
  }
  out.emplace_back(trim(field));
  return out;
}

std::optional<Date> parse_day(std::string_view text) {
  if (text.size() == 19 && text.substr(10) == " 00:00:00") text = text.substr(0, 10);
  Date d;
  if (Date::try_parse(text, d)) return d;
  if (text.size() == 8 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string iso = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" +
                            std::string(text.substr(6, 2));
    if (Date::try_parse(iso, d)) return d;
  }
  return std::nullopt;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

std::string from_qlib_symbol(std::string_view symbol) {
  if (symbol.size() != 8) return {};
  const std::string_view exchange = symbol.substr(0, 2), code = symbol.substr(2);
  if (exchange != "SH" && exchange != "SZ" && exchange != "BJ" && exchange != "sh" && exchange != "sz" &&
      exchange != "bj")
    return {};
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  std::string out(code);
  out += '.';
  out += static_cast<char>(std::toupper(static_cast<unsigned char>(exchange[0])));
  out += static_cast<char>(std::toupper(static_cast<unsigned char>(exchange[1])));
  return out;
}

WeightsTable parse_weights_table(std::string_view text, const std::string& file,
                                 const TradingCalendar& calendar, const SymbolLookup& find,
                                 double tolerance) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto fail = [&](int64_t line, const std::string& what) -> ConfigError {
    return ConfigError(file + ":" + std::to_string(line) + ": " + what);
  };
  if (calendar.empty()) throw ConfigError(file + ": the data has no trading days");
  const std::string span =
      calendar.day(0).to_string() + " .. " + calendar.day(calendar.size() - 1).to_string();

  int col_date = -1, col_symbol = -1, col_weight = -1;
  size_t columns = 0;
  struct Entry {
    int64_t line;
    InstrumentId id;
    double weight;
  };
  std::map<int32_t, std::vector<Entry>> by_day;
  int64_t line_no = 0;
  size_t pos = 0;
  bool header_seen = false;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) {
      if (end >= text.size()) break;
      continue;
    }
    const std::vector<std::string> fields = split_line(line);
    if (!header_seen) {
      header_seen = true;
      columns = fields.size();
      for (size_t k = 0; k < fields.size(); ++k) {
        int* slot = fields[k] == "date"     ? &col_date
                    : fields[k] == "symbol" ? &col_symbol
                    : fields[k] == "weight" ? &col_weight
                                            : nullptr;
        if (slot == nullptr)
          throw fail(line_no, "unexpected column '" + utf8_for_display(fields[k]) +
                                  "' (expected the columns date, symbol, weight)");
        if (*slot >= 0) throw fail(line_no, "column '" + fields[k] + "' appears twice");
        *slot = static_cast<int>(k);
      }
      if (col_date < 0 || col_symbol < 0 || col_weight < 0)
        throw fail(line_no, "expected a header with the columns date, symbol, weight, got '" +
                                utf8_for_display(line) + "'");
      if (end >= text.size()) break;
      continue;
    }
    if (fields.size() != columns)
      throw fail(line_no,
                 "expected " + std::to_string(columns) + " fields, got " + std::to_string(fields.size()));
    const std::string& date_text = fields[static_cast<size_t>(col_date)];
    const auto date = parse_day(date_text);
    if (!date) throw fail(line_no, "expected a date YYYY-MM-DD, got '" + utf8_for_display(date_text) + "'");
    if (*date < calendar.day(0) || *date > calendar.day(calendar.size() - 1))
      throw fail(line_no, date->to_string() + " lies outside the data's calendar (" + span + ")");
    const auto day = calendar.index_of(*date);
    if (!day) throw fail(line_no, date->to_string() + " is not a trading day of the data");
    const std::string& symbol = fields[static_cast<size_t>(col_symbol)];
    auto id = find(symbol);
    if (!id) {
      const std::string converted = from_qlib_symbol(symbol);
      if (!converted.empty()) id = find(converted);
    }
    if (!id)
      throw fail(line_no,
                 "unknown symbol '" + utf8_for_display(symbol) + "' (not an instrument of the data)");
    const std::string& weight_text = fields[static_cast<size_t>(col_weight)];
    double weight = NAN;
    // The one numeric reader of market-data text (engine/core/value_domain.hpp): no "nan", "inf", spaces.
    if (const ValueRead r = read_value(weight_text, ValueDomain::Finite, weight); r != ValueRead::Ok)
      throw fail(line_no, "weight of " + symbol + ": expected a finite number, got '" +
                              utf8_for_display(weight_text) + "'");
    if (weight < 0)
      throw fail(line_no, "weight of " + symbol + " on " + date->to_string() + " is negative (" +
                              weight_text + "): weights are long-only fractions of NAV");
    std::vector<Entry>& entries = by_day[*day];
    for (const Entry& e : entries)
      if (e.id == *id)
        throw fail(line_no, symbol + " is listed twice on " + date->to_string() + " (first on line " +
                                std::to_string(e.line) + ")");
    entries.push_back({line_no, *id, weight});
    if (end >= text.size()) break;
  }
  if (!header_seen) throw ConfigError(file + ": empty file (expected a header date,symbol,weight)");

  WeightsTable table;
  for (auto& [day, entries] : by_day) {
    double sum = 0;
    for (const Entry& e : entries) sum += e.weight;
    if (sum > 1.0 + tolerance)
      throw fail(entries.front().line, "weights of " + calendar.day(day).to_string() + " sum to " +
                                           format_number(sum) + ", more than 1 + tolerance " +
                                           format_number(tolerance) + " (strategy.params.tolerance)");
    table.days.push_back(day);
    table.lines.push_back(entries.front().line);
    std::vector<WeightTarget> targets;
    targets.reserve(entries.size());
    for (const Entry& e : entries) targets.push_back({e.id, e.weight});
    table.targets.push_back(std::move(targets));
  }
  return table;
}

}  // namespace abt
