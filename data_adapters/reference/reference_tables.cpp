#include "data_adapters/reference/reference_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// A reference CSV with named columns; rows are handed over as cells.
class Table {
 public:
  Table(const std::filesystem::path& file, std::vector<std::string> required,
        std::vector<std::string> optional = {})
      : csv_(csv::CsvText::read(file)) {
    std::string_view line;
    if (!csv_.next_line(line)) throw DataError(csv_.path() + ":1: expected a header, got an empty file");
    std::vector<std::string_view> cells;
    csv::split_line(line, cells);
    for (auto c : cells) header_.push_back(csv::to_lower(c));
    for (const auto& r : required) {
      const auto it = std::find(header_.begin(), header_.end(), r);
      if (it == header_.end()) throw DataError(csv_.where() + ": missing required column '" + r + "'");
      index_.push_back(static_cast<int>(it - header_.begin()));
      names_.push_back(r);
    }
    for (const auto& o : optional) {
      const auto it = std::find(header_.begin(), header_.end(), o);
      index_.push_back(it == header_.end() ? -1 : static_cast<int>(it - header_.begin()));
      names_.push_back(o);
    }
  }
  bool next() {
    std::string_view line;
    if (!csv_.next_line(line)) return false;
    csv::split_line(line, cells_);
    if (cells_.size() != header_.size())
      throw DataError(csv_.where() + ": expected " + std::to_string(header_.size()) +
                      " columns as in the header, got " + std::to_string(cells_.size()));
    return true;
  }
  /// Cell of the k-th requested column ("" for an absent optional one).
  std::string_view cell(size_t k) const {
    return index_[k] < 0 ? std::string_view() : cells_[static_cast<size_t>(index_[k])];
  }
  Date date(size_t k, bool optional = false) const {
    Date d;
    if (optional && cell(k).empty()) return Date::max();
    if (!Date::try_parse(cell(k), d))
      throw DataError(csv_.where() + ": expected a date YYYY-MM-DD or YYYYMMDD, got '" +
                      std::string(cell(k)) + "'");
    if (const auto problem = reference_date_problem(d)) throw DataError(csv_.where() + ": " + *problem);
    return d;
  }
  /// The interval [date(k_start), date(k_end, optional)]; throws when it ends before it starts.
  std::pair<Date, Date> interval(size_t k_start, size_t k_end) const {
    const Date from = date(k_start), to = date(k_end, true);
    if (to < from)
      throw DataError(csv_.where() + ": expected " + names_[k_end] + " >= " + names_[k_start] + ", got " +
                      to.to_string() + " < " + from.to_string());
    return {from, to};
  }
  /// The cell of column k as a value of `field` (its domain: shares >= 0, prices > 0); NaN when empty.
  float number(size_t k, std::string_view field) const {
    return csv::read_cell(csv_, cell(k), csv::column_rule(names_[k], field, false));
  }
  std::optional<InstrumentId> instrument(const MarketData& md, size_t k) const {
    const auto s = symbol_from_code(cell(k));
    if (!s)
      throw DataError(csv_.where() + ": expected a symbol like 600519.SH, got '" + std::string(cell(k)) +
                      "'");
    return md.find(*s);
  }
  const std::string& path() const { return csv_.path(); }
  std::string where() const { return csv_.where(); }

 private:
  csv::CsvText csv_;
  std::vector<std::string> header_;
  std::vector<int> index_;
  std::vector<std::string> names_;  // of the requested columns
  std::vector<std::string_view> cells_;
};

std::vector<float> copy_or_nan(const Panel& p, size_t size) {
  if (p.empty()) return std::vector<float>(size, kNaN);
  return std::vector<float>(p.data(), p.data() + size);
}

void note_unknown(std::vector<std::string>& notes, const std::string& path, size_t unknown) {
  if (unknown)
    notes.push_back(path + ": " + std::to_string(unknown) +
                    " rows name instruments not in the data (not used)");
}

}  // namespace

void apply_share_capital(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes) {
  Table t(file, {"date", "symbol", "total_shares", "float_shares"});
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  std::map<InstrumentId, std::vector<std::tuple<Date, float, float>>> changes;
  size_t unknown = 0;
  while (t.next()) {
    const auto id = t.instrument(md, 1);
    const Date d = t.date(0);
    const float total = t.number(2, "total_shares"), floating = t.number(3, "float_shares");
    if (!id) {
      ++unknown;
      continue;
    }
    changes[*id].emplace_back(d, total, floating);
  }
  const size_t size = static_cast<size_t>(T) * n;
  std::vector<float> total = copy_or_nan(md.daily.field(Field::TotalShares), size);
  std::vector<float> floating = copy_or_nan(md.daily.field(Field::FloatShares), size);
  const Panel& close = md.daily.field(Field::Close);
  for (auto& [id, list] : changes) {
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    size_t k = 0;
    float tot = kNaN, flo = kNaN;
    for (int32_t d = 0; d < T; ++d) {
      for (; k < list.size() && std::get<0>(list[k]) <= md.calendar.day(d); ++k) {
        tot = std::get<1>(list[k]);
        flo = std::get<2>(list[k]);
      }
      const size_t cell = static_cast<size_t>(d) * n + id;
      const bool bar = !std::isnan(close(d, id));
      total[cell] = bar ? tot : kNaN;
      floating[cell] = bar ? flo : kNaN;
    }
  }
  md.daily.fields[static_cast<int>(Field::TotalShares)] = md.adopt(std::move(total), T, n);
  md.daily.fields[static_cast<int>(Field::FloatShares)] = md.adopt(std::move(floating), T, n);
  note_unknown(notes, t.path(), unknown);
  md.fingerprint = compute_fingerprint(md);
}

void apply_st_intervals(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes) {
  Table t(file, {"symbol", "start", "end"});
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const Panel& close = md.daily.field(Field::Close);
  std::vector<float> st(static_cast<size_t>(T) * n, kNaN);
  for (int32_t d = 0; d < T; ++d)
    for (int32_t i = 0; i < n; ++i)
      if (!std::isnan(close(d, i))) st[static_cast<size_t>(d) * n + i] = 0;
  size_t unknown = 0;
  while (t.next()) {
    const auto id = t.instrument(md, 0);
    const auto [from, to] = t.interval(1, 2);
    if (!id) {
      ++unknown;
      continue;
    }
    const int32_t col = *id;
    for (int32_t d = md.calendar.lower_bound(from); d < T && md.calendar.day(d) <= to; ++d)
      if (!std::isnan(close(d, col))) st[static_cast<size_t>(d) * n + col] = 1;
  }
  md.daily.fields[static_cast<int>(Field::IsST)] = md.adopt(std::move(st), T, n);
  note_unknown(notes, t.path(), unknown);
  md.fingerprint = compute_fingerprint(md);
}

void apply_listing_dates(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes) {
  Table t(file, {"symbol", "list_date"}, {"delist_date"});
  size_t unknown = 0;
  while (t.next()) {
    const auto id = t.instrument(md, 0);
    const auto [list, delist] = t.interval(1, 2);
    if (!id) {
      ++unknown;
      continue;
    }
    Instrument& ins = md.instruments[static_cast<size_t>(*id)];
    ins.list_date = list;
    if (delist != Date::max()) ins.delist_date = delist;
  }
  note_unknown(notes, t.path(), unknown);
  md.validate();
  md.fingerprint = compute_fingerprint(md);
}

void apply_ipo_table(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes) {
  Table t(file, {"symbol", "list_date", "issue_price"});
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const Panel& close = md.daily.field(Field::Close);
  const Panel& pre = md.daily.field(Field::PreClose);
  std::vector<float> pre_close =
      pre.empty() ? std::vector<float>(static_cast<size_t>(T) * n, kNaN)
                  : std::vector<float>(pre.data(), pre.data() + static_cast<size_t>(T) * n);
  size_t unknown = 0, no_bar = 0, set = 0;
  while (t.next()) {
    const auto id = t.instrument(md, 0);
    const Date list = t.date(1);
    const float issue = t.number(2, "issue_price");
    if (!(issue > 0))
      throw DataError(t.where() + ": expected a positive issue price in CNY, got '" + std::string(t.cell(2)) +
                      "'");
    if (!id) {
      ++unknown;
      continue;
    }
    md.instruments[static_cast<size_t>(*id)].list_date = list;
    const auto day = md.calendar.index_of(list);
    if (!day || std::isnan(close(*day, *id))) {
      ++no_bar;
      continue;
    }
    pre_close[static_cast<size_t>(*day) * n + *id] =
        static_cast<float>(std::round(double{issue} * 100.0) / 100.0);
    ++set;
  }
  md.daily.fields[static_cast<int>(Field::PreClose)] = md.adopt(std::move(pre_close), T, n);
  note_unknown(notes, t.path(), unknown);
  if (no_bar > 0)
    notes.push_back(
        t.path() + ": " + std::to_string(no_bar) +
        " listings have no bar on their listing day in the data (listing date set, issue price not used)");
  notes.push_back(t.path() + ": issue prices set as the listing day's pre_close of " + std::to_string(set) +
                  " instruments");
  md.validate();
  md.fingerprint = compute_fingerprint(md);
}

void apply_index_membership(MarketData& md, const std::filesystem::path& file,
                            std::vector<std::string>& notes) {
  Table t(file, {"index", "symbol", "start", "end"});
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const Panel& close = md.daily.field(Field::Close);
  std::map<std::string, std::vector<float>> member;
  size_t unknown = 0;
  while (t.next()) {
    const auto index = symbol_from_code(t.cell(0));
    const std::string name = "member_" + (index ? *index : std::string(t.cell(0)));
    const auto id = t.instrument(md, 1);
    const auto [from, to] = t.interval(2, 3);
    auto [it, fresh] = member.try_emplace(name);
    if (fresh) {
      it->second.assign(static_cast<size_t>(T) * n, kNaN);
      for (int32_t d = 0; d < T; ++d)
        for (int32_t i = 0; i < n; ++i)
          if (!std::isnan(close(d, i))) it->second[static_cast<size_t>(d) * n + i] = 0;
    }
    if (!id) {
      ++unknown;
      continue;
    }
    const int32_t col = *id;
    for (int32_t d = md.calendar.lower_bound(from); d < T && md.calendar.day(d) <= to; ++d)
      if (!std::isnan(close(d, col))) it->second[static_cast<size_t>(d) * n + col] = 1;
  }
  for (auto& [name, values] : member) {
    if (md.daily.extra.count(name))
      throw DataError(t.path() + ": the data already has a column '" + name + "'");
    md.daily.extra.emplace(name, md.adopt(std::move(values), T, n));
  }
  note_unknown(notes, t.path(), unknown);
  md.fingerprint = compute_fingerprint(md);
}

bool derive_market_cap(MarketData& md) {
  if (md.daily.extra.count("total_mv") || !md.daily.has(Field::TotalShares) || !md.daily.has(Field::Close))
    return false;
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const Panel& close = md.daily.field(Field::Close);
  for (const auto& [field, name] :
       {std::pair{Field::TotalShares, "total_mv"}, {Field::FloatShares, "circ_mv"}}) {
    const Panel& shares = md.daily.field(field);
    if (shares.empty() || md.daily.extra.count(name)) continue;
    std::vector<float> mv(static_cast<size_t>(T) * n, kNaN);
    for (size_t k = 0; k < mv.size(); ++k)
      mv[k] = static_cast<float>(static_cast<double>(close.data()[k]) * shares.data()[k]);
    md.daily.extra.emplace(name, md.adopt(std::move(mv), T, n));
  }
  md.fingerprint = compute_fingerprint(md);
  return true;
}

}  // namespace abt
