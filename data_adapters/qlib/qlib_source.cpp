#include "data_adapters/qlib/qlib_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "data_adapters/assembly/market_data_assembler.hpp"
#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "data_adapters/qlib/qlib_bin.hpp"
#include "engine/core/error.hpp"
#include "engine/core/utf8.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
using Columns = std::map<std::string, std::vector<float>, std::less<>>;

std::vector<Date> read_day_calendar(const fs::path& path) {
  csv::CsvText text = csv::CsvText::read(path);
  std::vector<Date> days;
  std::string_view line;
  while (text.next_line(line)) {
    Date d;
    const std::string_view head = line.substr(0, std::min<size_t>(line.size(), 10));
    if (!Date::try_parse(head, d))
      throw DataError(text.where() + ": expected a date YYYY-MM-DD, got '" + std::string(line) + "'");
    if (const auto problem = market_date_problem(d)) throw DataError(text.where() + ": " + *problem);
    if (!days.empty() && !(days.back() < d))
      throw DataError(text.where() + ": expected dates in increasing order, got " + d.to_string() +
                      " after " + days.back().to_string());
    days.push_back(d);
  }
  if (days.empty()) throw DataError(path.string() + ": the calendar is empty");
  return days;
}

/// Row (day * 4 + slot) of every entry of calendars/60min.txt in the hourly layout of `calendar`.
std::vector<int32_t> read_hourly_rows(const fs::path& path, const TradingCalendar& calendar) {
  csv::CsvText text = csv::CsvText::read(path);
  std::vector<Timestamp> stamps;
  std::vector<uint32_t> lines;
  std::string_view line;
  bool starts = false;
  while (text.next_line(line)) {
    Timestamp t;
    if (!Timestamp::try_parse(line, t) || line.size() <= 10)
      throw DataError(text.where() + ": expected a timestamp YYYY-MM-DD HH:MM[:SS], got '" +
                      std::string(line) + "'");
    starts = starts || t.minute_of_day() == kHourlyBarStart[0] || t.minute_of_day() == kHourlyBarStart[2];
    stamps.push_back(t);
    lines.push_back(text.line_number());
  }
  std::vector<int32_t> rows;
  for (size_t k = 0; k < stamps.size(); ++k) {
    const int m = stamps[k].minute_of_day();
    int slot = -1;
    if (starts) {
      for (int s = 0; s < kHourlyBarsPerDay; ++s)
        if (kHourlyBarStart[s] == m) slot = s;
    } else {
      slot = hourly_slot_of(m);
    }
    const auto day = calendar.index_of(stamps[k].date());
    const std::string where = path.string() + ":" + std::to_string(lines[k]);
    if (slot < 0)
      throw DataError(where + ": expected a 60-minute bar " +
                      (starts ? "start 09:30, 10:30, 13:00 or 14:00" : "end 10:30, 11:30, 14:00 or 15:00") +
                      ", got '" + stamps[k].to_string() + "'");
    if (!day) throw DataError(where + ": " + stamps[k].date().to_string() + " is not in calendars/day.txt");
    const int32_t row = *day * kHourlyBarsPerDay + slot;
    if (!rows.empty() && row <= rows.back())
      throw DataError(where + ": expected increasing timestamps, got '" + stamps[k].to_string() + "'");
    rows.push_back(row);
  }
  return rows;
}

struct Selected {
  std::string symbol;  // "600519.SH"
  fs::path dir;        // features/<code>
  /// [start, end] intervals of the instruments file (inclusive); empty = the whole calendar.
  std::vector<std::pair<Date, Date>> intervals;
};

/// One line of instruments/<market>.txt: CODE, or CODE<TAB>start<TAB>end (tabs, spaces or commas).
struct ListedInterval {
  std::string symbol;
  std::optional<std::pair<Date, Date>> interval;
};

ListedInterval parse_instrument_line(const csv::CsvText& text, std::string_view line) {
  std::vector<std::string_view> parts;
  for (size_t pos = 0; pos < line.size();) {
    const size_t end = std::min(line.find_first_of("\t ,", pos), line.size());
    if (end > pos) parts.push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
  const auto s = parts.empty() ? std::nullopt : normalize_symbol(parts[0]);
  if (!s || (parts.size() != 1 && parts.size() != 3))
    throw DataError(text.where() + ": expected CODE<TAB>start<TAB>end with a code like SH600519, got '" +
                    std::string(line) + "'");
  ListedInterval out{*s, std::nullopt};
  if (parts.size() == 1) return out;
  Date from, to;
  for (const auto& [part, date] : {std::pair{parts[1], &from}, std::pair{parts[2], &to}}) {
    if (!Date::try_parse(part.substr(0, std::min<size_t>(part.size(), 10)), *date))
      throw DataError(text.where() + ": expected a date YYYY-MM-DD, got '" + std::string(part) + "'");
    if (const auto problem = reference_date_problem(*date)) throw DataError(text.where() + ": " + *problem);
  }
  if (to < from)
    throw DataError(text.where() + ": expected end >= start, got " + to.to_string() + " < " +
                    from.to_string());
  out.interval = std::pair{from, to};
  return out;
}

std::vector<Selected> select_instruments(const fs::path& root, const QlibOptions& o,
                                         std::vector<std::string>& notes) {
  std::map<std::string, fs::path> dirs;  // normalized symbol -> feature dir
  const fs::path features = root / "features";
  if (!fs::is_directory(features))
    throw DataError(features.string() + ": expected the qlib features directory");
  for (const auto& e : fs::directory_iterator(features)) {
    if (!e.is_directory()) continue;
    const std::string name = e.path().filename().string();
    if (auto s = normalize_symbol(name))
      dirs.emplace(*s, e.path());
    else
      notes.push_back("qlib: skipped feature directory '" + name + "' (not a SH/SZ/BJ 6-digit code)");
  }
  std::vector<std::string> wanted;
  std::map<std::string, std::vector<std::pair<Date, Date>>> intervals;  // symbol -> listed intervals
  const fs::path list = root / "instruments" / (o.market + ".txt");
  if (fs::exists(list)) {
    csv::CsvText text = csv::CsvText::read(list);
    std::string_view line;
    while (text.next_line(line)) {
      const ListedInterval entry = parse_instrument_line(text, line);
      wanted.push_back(entry.symbol);
      if (entry.interval) intervals[entry.symbol].push_back(*entry.interval);
    }
  } else if (o.market != "all") {
    throw DataError(list.string() + ": no such instruments file (market '" + o.market + "')");
  } else {
    for (const auto& [s, d] : dirs) wanted.push_back(s);
  }
  if (fs::exists(list) && o.market == "all") {
    // Feature directories the instruments file does not list: read them with all_features, else say so.
    const std::set<std::string> listed(wanted.begin(), wanted.end());
    std::vector<std::string> unlisted;
    for (const auto& [s, d] : dirs)
      if (!listed.count(s)) unlisted.push_back(s);
    if (o.all_features) {
      wanted.insert(wanted.end(), unlisted.begin(), unlisted.end());
    } else if (!unlisted.empty()) {
      std::string examples;
      for (size_t k = 0; k < std::min<size_t>(3, unlisted.size()); ++k)
        examples += (k ? ", " : "") + unlisted[k];
      notes.push_back("qlib: " + std::to_string(unlisted.size()) + " feature directories are not in " +
                      list.filename().string() + " and were not read (e.g. " + examples +
                      "); --qlib-all-features (config \"all_features\": true) reads them");
    }
  }
  if (!o.symbols.empty()) {
    std::set<std::string> only;
    for (const auto& s : o.symbols) {
      const auto n = normalize_symbol(s);
      if (!n) throw DataError("qlib: '" + s + "' is not a symbol like 600519.SH or SH600519");
      only.insert(*n);
    }
    std::erase_if(wanted, [&](const std::string& s) { return !only.count(s); });
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::vector<Selected> out;
  for (const auto& s : wanted) {
    const auto it = dirs.find(s);
    if (it == dirs.end()) {
      notes.push_back("qlib: " + s + " is listed but has no feature directory; skipped");
      continue;
    }
    const auto listed = intervals.find(s);
    out.push_back(
        {s, it->second, listed == intervals.end() ? std::vector<std::pair<Date, Date>>{} : listed->second});
  }
  return out;
}

/// NaN in every column outside an instrument's listed intervals (`day_of_row` maps a row to its calendar
/// day): with --market csi300 a stock is present only while it is listed in instruments/csi300.txt.
void mask_outside_intervals(Columns& cols, const std::vector<Selected>& sel, const TradingCalendar& calendar,
                            int32_t rows, int32_t rows_per_day) {
  const auto n = static_cast<int32_t>(sel.size());
  for (int32_t i = 0; i < n; ++i) {
    const auto& intervals = sel[static_cast<size_t>(i)].intervals;
    if (intervals.empty()) continue;
    for (int32_t r = 0; r < rows; ++r) {
      const Date day = calendar.day(r / rows_per_day);
      const bool inside = std::any_of(intervals.begin(), intervals.end(),
                                      [&](const auto& iv) { return iv.first <= day && day <= iv.second; });
      if (inside) continue;
      for (auto& [name, v] : cols) v[static_cast<size_t>(r) * n + i] = kNaN;
    }
  }
}

std::string standard_name(const std::string& qlib_field) {
  if (qlib_field == "factor") return "adj_factor";
  if (qlib_field == "total_share" || qlib_field == "total_shares") return "total_shares";
  if (qlib_field == "float_share" || qlib_field == "float_shares" || qlib_field == "circ_share")
    return "float_shares";
  return qlib_field;
}

bool is_price(std::string_view name) {
  return name == "open" || name == "high" || name == "low" || name == "close" || name == "vwap";
}

/// Reads every <field>.<suffix> of the selected instruments into rows x N columns (row = calendar entry
/// mapped through `row_of`, identity when empty).
Columns read_fields(const std::vector<Selected>& sel, const std::string& suffix, int32_t calendar_size,
                    int32_t rows, const std::vector<int32_t>& row_of) {
  Columns cols;
  const auto n = static_cast<int32_t>(sel.size());
  // Instruments are read in blocks and scattered row by row, so that writes into the T x N columns touch
  // contiguous runs of a row instead of one cache line per value.
  constexpr int32_t kBlock = 128;
  struct Loaded {
    int32_t instrument;
    std::vector<float>* column;
    QlibBin bin;
  };
  for (int32_t first = 0; first < n; first += kBlock) {
    std::vector<Loaded> block;
    for (int32_t i = first; i < std::min(n, first + kBlock); ++i) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(sel[static_cast<size_t>(i)].dir)) {
        const std::string f = e.path().filename().string();
        if (f.size() > suffix.size() && f.ends_with(suffix)) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& path : files) {
        const std::string f = path.filename().string();
        const std::string name = standard_name(f.substr(0, f.size() - suffix.size()));
        if (!is_valid_utf8(name))
          throw DataError(path.string() + ": expected a field name in UTF-8 (it names a column), got '" +
                          utf8_for_display(name) + "'");
        auto [it, fresh] = cols.try_emplace(name);
        if (fresh) it->second.assign(static_cast<size_t>(rows) * n, kNaN);
        block.push_back({i, &it->second, read_qlib_bin(path, calendar_size, domain_of_column(name), name)});
      }
    }
    for (int32_t entry = 0; entry < calendar_size; ++entry) {
      const size_t row = static_cast<size_t>(row_of.empty() ? entry : row_of[static_cast<size_t>(entry)]);
      for (const Loaded& l : block) {
        const int32_t k = entry - l.bin.start;
        if (k >= 0 && k < static_cast<int32_t>(l.bin.values.size()))
          (*l.column)[row * n + l.instrument] = l.bin.values[static_cast<size_t>(k)];
      }
    }
  }
  return cols;
}

/// Turns adjusted prices into unadjusted ones and sets adj_factor (see the header). When the columns have
/// no factor of their own, `fallback_factor` (a daily T x N factor; row = row / rows_per_factor_row) is used:
/// hourly bars take their day's factor.
void unadjust(Columns& cols, const std::vector<Instrument>& ins, int32_t rows,
              const std::vector<float>* fallback_factor, int32_t rows_per_factor_row,
              std::vector<std::string>* notes) {
  const auto n = static_cast<int32_t>(ins.size());
  const auto own = cols.find("adj_factor");
  std::vector<float> factor =
      own != cols.end() ? own->second
                        : (fallback_factor ? std::vector<float>(static_cast<size_t>(rows) * n, kNaN)
                                           : std::vector<float>(static_cast<size_t>(rows) * n, 1.0f));
  if (own == cols.end() && fallback_factor)
    for (int32_t r = 0; r < rows; ++r)
      for (int32_t i = 0; i < n; ++i)
        factor[static_cast<size_t>(r) * n + i] =
            (*fallback_factor)[static_cast<size_t>(r / rows_per_factor_row) * n + i];
  // Row-major pass (cache-friendly on T x N columns); price columns resolved once.
  const auto close = cols.find("close");
  std::vector<float*> prices;
  for (auto& [name, v] : cols)
    if (is_price(name)) prices.push_back(v.data());
  std::vector<char> is_index(static_cast<size_t>(n)), missing(static_cast<size_t>(n), 0);
  for (int32_t i = 0; i < n; ++i)
    is_index[static_cast<size_t>(i)] = ins[static_cast<size_t>(i)].kind == InstrumentKind::Index;
  for (int32_t r = 0; r < rows; ++r) {
    for (int32_t i = 0; i < n; ++i) {
      const size_t k = static_cast<size_t>(r) * n + i;
      const bool index = is_index[static_cast<size_t>(i)];
      const bool has_bar = close != cols.end() && !std::isnan(close->second[k]);
      if (index || (std::isnan(factor[k]) && has_bar && !fallback_factor)) {
        if (!index && std::isnan(factor[k])) missing[static_cast<size_t>(i)] = 1;
        factor[k] = has_bar ? 1.0f : kNaN;
      }
      if (index) continue;
      const double f = factor[k];
      if (!(f > 0)) continue;
      for (float* v : prices)
        if (!std::isnan(v[k])) v[k] = static_cast<float>(std::round(v[k] / f * 100.0) / 100.0);
    }
  }
  for (int32_t i = 0; i < n; ++i)
    if (missing[static_cast<size_t>(i)] && notes)
      notes->push_back("qlib: " + ins[static_cast<size_t>(i)].symbol +
                       " has no factor on some days; its prices there are taken as unadjusted");
  cols["adj_factor"] = std::move(factor);
}

/// Official qlib dumps divide volume by the factor: shares = volume x factor (before unadjust()).
void volume_to_shares(Columns& cols) {
  const auto volume = cols.find("volume"), factor = cols.find("adj_factor");
  if (volume == cols.end() || factor == cols.end()) return;
  for (size_t k = 0; k < volume->second.size(); ++k)
    if (factor->second[k] > 0) volume->second[k] *= factor->second[k];
}

/// The volume-unit check: median of amount / (volume x close) over traded bars (unadjusted prices).
void check_volume_unit(const Columns& cols, const std::string& unit, std::vector<std::string>& notes) {
  const auto volume = cols.find("volume"), amount = cols.find("amount"), close = cols.find("close");
  if (volume == cols.end() || amount == cols.end() || close == cols.end()) return;
  std::vector<double> ratios;
  const size_t size = volume->second.size(), step = std::max<size_t>(1, size / 200000);  // a sample suffices
  for (size_t k = 0; k < size; k += step) {
    const double v = volume->second[k], a = amount->second[k], c = close->second[k];
    if (v > 0 && a > 0 && c > 0) ratios.push_back(a / (v * c));
  }
  if (ratios.empty()) return;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2),
                   ratios.end());
  const double median = ratios[ratios.size() / 2];
  if (median < 0.5 || median > 2.0)
    notes.push_back("qlib: warning: volume unit '" + unit +
                    "' looks wrong: the median of amount / (volume x close) is " + std::to_string(median) +
                    " (expected about 1); set the volume unit (--qlib-volume shares|adjusted)");
}

/// Suspended days: volume 0 and a close but no open/high/low -> open = high = low = close.
void fill_suspended(Columns& cols) {
  const auto close = cols.find("close");
  const auto volume = cols.find("volume");
  if (close == cols.end() || volume == cols.end()) return;
  for (const char* name : {"open", "high", "low"}) {
    auto it = cols.find(name);
    if (it == cols.end()) continue;
    for (size_t k = 0; k < it->second.size(); ++k)
      if (std::isnan(it->second[k]) && volume->second[k] == 0 && !std::isnan(close->second[k]))
        it->second[k] = close->second[k];
  }
}

void make_bars(MarketData& md, BarData& bars, Columns& cols, int32_t n) {
  for (auto& [name, values] : cols) {
    const auto rows = bars.rows();
    const Panel p = md.adopt(std::move(values), rows, n);
    if (const auto f = parse_field(name))
      bars.fields[static_cast<int>(*f)] = p;
    else
      bars.extra.emplace(name, p);
  }
}

}  // namespace

MarketData read_qlib(const fs::path& root, const QlibOptions& options, std::vector<std::string>* notes_out) {
  std::vector<std::string> notes;
  MarketData md;
  md.calendar = TradingCalendar(read_day_calendar(root / "calendars" / "day.txt"));
  const int32_t T = md.calendar.size();
  const std::vector<Selected> sel = select_instruments(root, options, notes);
  if (sel.empty()) throw DataError(root.string() + ": no qlib instruments selected");
  const auto n = static_cast<int32_t>(sel.size());
  for (const auto& s : sel) md.instruments.push_back(MarketDataAssembler::default_instrument(s.symbol));

  Columns daily = read_fields(sel, ".day.bin", T, T, {});
  if (!daily.count("close")) throw DataError(root.string() + ": no close.day.bin found for any instrument");
  mask_outside_intervals(daily, sel, md.calendar, T, 1);
  if (options.volume != "shares" && options.volume != "adjusted")
    throw ConfigError("qlib: volume unit must be 'shares' or 'adjusted', got '" + options.volume + "'");
  if (options.volume == "adjusted") volume_to_shares(daily);
  unadjust(daily, md.instruments, T, nullptr, 1, &notes);
  check_volume_unit(daily, options.volume, notes);
  fill_suspended(daily);
  if (!daily.count("pre_close"))
    daily.emplace("pre_close", derive_pre_close_column(daily.at("close"), &daily.at("adj_factor"), T, n));
  const auto& close = daily.at("close");
  for (int32_t i = 0; i < n; ++i) {
    int32_t first = -1, last = -1;
    for (int32_t t = 0; t < T; ++t)
      if (!std::isnan(close[static_cast<size_t>(t) * n + i])) {
        if (first < 0) first = t;
        last = t;
      }
    Instrument& ins = md.instruments[static_cast<size_t>(i)];
    if (first < 0) {
      notes.push_back("qlib: " + ins.symbol + " has no close in the calendar");
      continue;
    }
    ins.list_date = list_date_from_first_bar(md.calendar, first);
    ins.delist_date = last == T - 1 ? Date::max() : md.calendar.day(last);
  }

  const fs::path hourly_calendar = root / "calendars" / "60min.txt";
  std::optional<Columns> hourly;
  if (options.hourly && fs::exists(hourly_calendar)) {
    const std::vector<int32_t> rows = read_hourly_rows(hourly_calendar, md.calendar);
    Columns h =
        read_fields(sel, ".60min.bin", static_cast<int32_t>(rows.size()), T * kHourlyBarsPerDay, rows);
    mask_outside_intervals(h, sel, md.calendar, T * kHourlyBarsPerDay, kHourlyBarsPerDay);
    if (h.count("close")) {
      unadjust(h, md.instruments, T * kHourlyBarsPerDay, &daily.at("adj_factor"), kHourlyBarsPerDay, nullptr);
      if (options.volume == "adjusted") volume_to_shares(h);  // unadjust() gave every bar its factor
      fill_suspended(h);
      hourly = std::move(h);
    }
  }

  init_daily_layout(md.daily, md.calendar);
  make_bars(md, md.daily, daily, n);
  if (hourly) {
    BarData h;
    init_hourly_layout(h, md.calendar);
    make_bars(md, h, *hourly, n);
    md.hourly = std::move(h);
  }
  md.source = "qlib:" + root.string();
  md.rebuild_symbol_index();
  md.validate();
  md.fingerprint = compute_fingerprint(md);
  if (notes_out) *notes_out = std::move(notes);
  return md;
}

}  // namespace abt
