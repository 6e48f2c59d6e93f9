#include "data_adapters/assembly/extend_market_data.hpp"

#include <limits>

#include "engine/core/error.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// `p` with one more column, taken from `last` (NaN when null). The stored block of `p` is shared: the new
/// column goes into the appended block (Panel), after `p`'s own appended columns. An absent `p` becomes a
/// whole rows x (old_cols + 1) panel, NaN but for the new column.
Panel widen(MarketData& out, const Panel& p, int32_t rows, int32_t old_cols, const std::vector<float>* last) {
  const auto value = [&](int32_t r) { return last ? (*last)[static_cast<size_t>(r)] : kNaN; };
  if (p.empty()) {
    const int32_t cols = old_cols + 1;
    std::vector<float> buffer(static_cast<size_t>(rows) * static_cast<size_t>(cols), kNaN);
    for (int32_t r = 0; r < rows; ++r) buffer[static_cast<size_t>(r) * cols + old_cols] = value(r);
    return out.adopt(std::move(buffer), rows, cols);
  }
  return append_columns(out, p, 1, [&](int32_t r, int32_t) { return value(r); });
}

}  // namespace

MarketData with_extra_instrument(const MarketData& base, const Instrument& instrument,
                                 const std::map<Field, std::vector<float>>& daily) {
  if (base.find(instrument.symbol))
    throw DataError("instrument '" + instrument.symbol + "': expected a new symbol, it already exists");
  for (const auto& [f, values] : daily)
    if (values.size() != static_cast<size_t>(base.calendar.size()))
      throw DataError("instrument '" + instrument.symbol + "' field '" + std::string(field_name(f)) +
                      "': expected " + std::to_string(base.calendar.size()) +
                      " values (one per calendar day), got " + std::to_string(values.size()));
  MarketData out = base;  // shares the storage of base's panels; they are replaced below
  const int32_t n = base.instrument_count();
  out.instruments.push_back(instrument);
  for (int f = 0; f < kFieldCount; ++f) {
    const auto it = daily.find(static_cast<Field>(f));
    const std::vector<float>* column = it == daily.end() ? nullptr : &it->second;
    if (base.daily.fields[f].empty() && !column) continue;
    out.daily.fields[f] = widen(out, base.daily.fields[f], base.daily.rows(), n, column);
  }
  for (auto& [name, p] : out.daily.extra) p = widen(out, p, base.daily.rows(), n, nullptr);
  if (out.hourly) {
    for (auto& p : out.hourly->fields)
      if (!p.empty()) p = widen(out, p, out.hourly->rows(), n, nullptr);
    for (auto& [name, p] : out.hourly->extra) p = widen(out, p, out.hourly->rows(), n, nullptr);
  }
  out.rebuild_symbol_index();
  out.validate();
  out.fingerprint = compute_fingerprint(out);
  return out;
}

void add_series(MarketData& data, const std::string& name, std::vector<float> values) {
  if (data.series.count(name))
    throw DataError("series '" + name + "': expected a new name, it already exists");
  if (values.size() != static_cast<size_t>(data.calendar.size()))
    throw DataError("series '" + name + "': expected " + std::to_string(data.calendar.size()) +
                    " values (one per calendar day), got " + std::to_string(values.size()));
  const auto rows = static_cast<int32_t>(values.size());
  data.series[name] = data.adopt(std::move(values), rows, 1);
  data.fingerprint = compute_fingerprint(data);
}

}  // namespace abt
