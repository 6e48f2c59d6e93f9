#include "data_adapters/tdx/gbbq_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "engine/core/error.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

bool is_share_change(int category) {
  return (category >= 2 && category <= 5) || (category >= 7 && category <= 10);
}

}  // namespace

GbbqTable GbbqTable::read(const std::filesystem::path& path, const std::set<std::string>& symbols) {
  csv::CsvText text = csv::CsvText::read(path);
  std::string_view line;
  std::vector<std::string_view> cells;
  if (!text.next_line(line)) throw DataError(path.string() + ": empty gbbq file");
  csv::split_line(line, cells);
  const char* expected[] = {"market", "code", "date", "category", "f1", "f2", "f3", "f4"};
  for (size_t c = 0; c < 8; ++c)
    if (c >= cells.size() || csv::to_lower(cells[c]) != expected[c])
      throw DataError(text.where() + ": expected the header market,code,date,category,f1,f2,f3,f4 (column " +
                      std::to_string(c + 1) + " '" + expected[c] + "' missing)");
  GbbqTable table;
  while (text.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() < 8)
      throw DataError(text.where() + ": expected 8 cells, got " + std::to_string(cells.size()));
    const auto symbol = normalize_symbol(std::string(cells[1]) + "." + std::string(cells[0]));
    if (!symbol) throw DataError(text.where() + ": expected a market SH/SZ/BJ and a 6-digit code");
    GbbqEvent e;
    if (!Date::try_parse(cells[2], e.date))
      throw DataError(text.where() + ": expected a date YYYYMMDD, got '" + std::string(cells[2]) + "'");
    if (const auto problem = reference_date_problem(e.date)) throw DataError(text.where() + ": " + *problem);
    table.last_date_ = std::max(table.last_date_, e.date);
    if (!symbols.empty() && !symbols.count(*symbol)) continue;
    const double category =
        csv::read_cell_double(text, cells[3], {"category", "category", ValueDomain::NonNegative, true});
    if (category != std::floor(category) || category > 255)
      throw DataError(text.where() + ": column 'category': expected an integer in [0, 255], got '" +
                      std::string(cells[3]) + "'");
    static constexpr std::string_view kValueNames[4] = {"f1", "f2", "f3", "f4"};
    double f[4];
    for (size_t k = 0; k < 4; ++k)
      f[k] = csv::read_cell_double(text, cells[4 + k],
                                   {kValueNames[k], kValueNames[k], ValueDomain::NonNegative, true});
    e.category = static_cast<int>(category);
    if (e.category != 1 && !is_share_change(e.category)) {
      ++table.ignored_;
      continue;
    }
    e.f1 = f[0];
    e.f2 = f[1];
    e.f3 = f[2];
    e.f4 = f[3];
    e.origin = text.where();
    table.events_[*symbol].push_back(e);
  }
  for (auto& [s, ev] : table.events_)
    std::stable_sort(ev.begin(), ev.end(),
                     [](const GbbqEvent& a, const GbbqEvent& b) { return a.date < b.date; });
  return table;
}

const std::vector<GbbqEvent>& GbbqTable::events(const std::string& symbol) const {
  static const std::vector<GbbqEvent> kNone;
  const auto it = events_.find(symbol);
  return it == events_.end() ? kNone : it->second;
}

GbbqAdjustment GbbqTable::derive(const std::vector<Date>& dates, const std::vector<double>& close,
                                 const std::vector<GbbqEvent>& events) {
  const size_t n = dates.size();
  GbbqAdjustment out;
  out.adj_factor.assign(n, 1.0f);
  out.total_shares.assign(n, kNaN);
  out.float_shares.assign(n, kNaN);
  // Dividends and bonus shares: ratio per bar, then the cumulative product.
  std::vector<double> ratio(n, 1.0);
  std::vector<double> reference(n, std::nan(""));
  for (const GbbqEvent& e : events) {
    if (e.category != 1) continue;
    const size_t j =
        static_cast<size_t>(std::lower_bound(dates.begin(), dates.end(), e.date) - dates.begin());
    if (j == 0 || j >= n) continue;
    const double p = std::isnan(reference[j]) ? close[j - 1] : reference[j];
    const double ref = (p - e.f1 / 10.0 + e.f2 * e.f4 / 10.0) / (1.0 + e.f3 / 10.0 + e.f4 / 10.0);
    if (!(ref > 0) || !std::isfinite(ref))
      throw DataError(e.origin + ": category-1 event on " + e.date.to_string() +
                      " gives an ex-rights reference price of " + std::to_string(ref) + " from the close " +
                      std::to_string(p) + " (expected a positive price: is the dividend f1 per 10 shares?)");
    reference[j] = ref;
    ratio[j] = close[j - 1] / ref;
  }
  double factor = 1.0;
  for (size_t t = 0; t < n; ++t) {
    factor *= ratio[t];
    out.adj_factor[t] = static_cast<float>(factor);
  }
  share_capital(dates, events, out.total_shares, out.float_shares);
  return out;
}

void GbbqTable::share_capital(const std::vector<Date>& dates, const std::vector<GbbqEvent>& events,
                              std::vector<float>& total_shares, std::vector<float>& float_shares) {
  const size_t n = dates.size();
  total_shares.assign(n, kNaN);
  float_shares.assign(n, kNaN);
  double total = std::nan(""), floating = std::nan("");
  bool first = true;
  size_t t = 0;
  for (const GbbqEvent& e : events) {
    if (!is_share_change(e.category)) continue;
    if (first) {
      if (e.f2 > 0) total = e.f2 * 1e4;
      if (e.f1 > 0) floating = e.f1 * 1e4;
      first = false;
    }
    for (; t < n && dates[t] < e.date; ++t) {
      total_shares[t] = static_cast<float>(total);
      float_shares[t] = static_cast<float>(floating);
    }
    if (e.f4 > 0) total = e.f4 * 1e4;
    if (e.f3 > 0) floating = e.f3 * 1e4;
  }
  for (; t < n; ++t) {
    total_shares[t] = static_cast<float>(total);
    float_shares[t] = static_cast<float>(floating);
  }
}

}  // namespace abt
