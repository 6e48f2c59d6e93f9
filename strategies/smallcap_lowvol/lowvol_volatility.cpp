#include "strategies/smallcap_lowvol/lowvol_volatility.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/error.hpp"
#include "strategies/smallcap_lowvol/lowvol_selector.hpp"

namespace abt {
namespace {

constexpr double kUnset = -1.0;  // a volatility is never negative (NaN when undefined)

}  // namespace

VolatilityMemo::VolatilityMemo(const MarketData& data, int32_t vol_window, int32_t min_valid)
    : data_(data),
      window_(vol_window + 1),
      min_valid_(min_valid),
      instruments_(data.instrument_count()),
      days_(std::make_unique<std::atomic<std::atomic<double>*>[]>(static_cast<size_t>(data.calendar.size()))),
      columns_(std::make_unique<Column[]>(static_cast<size_t>(data.instrument_count()))) {
  if (vol_window < 2 || min_valid < 2) throw InternalError("VolatilityMemo: window and minimum must be >= 2");
  for (int32_t d = 0; d < data.calendar.size(); ++d) days_[static_cast<size_t>(d)].store(nullptr);
}

VolatilityMemo::~VolatilityMemo() {
  for (int32_t d = 0; d < data_.calendar.size(); ++d) delete[] days_[static_cast<size_t>(d)].load();
}

std::string VolatilityMemo::settings(int32_t vol_window, int32_t min_valid) {
  return "lowvol_volatility vol_window=" + std::to_string(vol_window) +
         " min_valid=" + std::to_string(min_valid);
}

std::atomic<double>* VolatilityMemo::values_of(int32_t day) const {
  auto& slot = days_[static_cast<size_t>(day)];
  std::atomic<double>* row = slot.load(std::memory_order_acquire);
  if (row) return row;
  auto* fresh = new std::atomic<double>[static_cast<size_t>(instruments_)];
  for (int32_t i = 0; i < instruments_; ++i) fresh[i].store(kUnset, std::memory_order_relaxed);
  if (slot.compare_exchange_strong(row, fresh, std::memory_order_acq_rel)) return fresh;
  delete[] fresh;  // another thread installed its row first
  return row;
}

double VolatilityMemo::at(int32_t day, int32_t id) const {
  if (day < 0 || day >= data_.calendar.size() || id < 0 || id >= instruments_)
    throw InternalError("VolatilityMemo::at: day or instrument out of range");
  std::atomic<double>& value = values_of(day)[id];
  double v = value.load(std::memory_order_relaxed);
  if (v == kUnset) {
    v = compute(day, id);  // two threads may both compute: the same bits either way
    value.store(v, std::memory_order_relaxed);
  }
  return v;
}

void VolatilityMemo::fill(int32_t day, std::span<const int32_t> ids) const {
  if (day < 0 || day >= data_.calendar.size()) throw InternalError("VolatilityMemo::fill: day out of range");
  std::atomic<double>* values = values_of(day);
  std::vector<int32_t> missing;
  for (const int32_t id : ids) {
    if (id < 0 || id >= instruments_) throw InternalError("VolatilityMemo::fill: instrument out of range");
    if (values[id].load(std::memory_order_relaxed) == kUnset) missing.push_back(id);
  }
  if (missing.empty()) return;
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  const BarData& daily = data_.daily;
  const Panel& close = daily.field(Field::Close);
  const Panel& volume = daily.field(Field::Volume);
  const Panel* adj = daily.has(Field::AdjFactor) ? &daily.field(Field::AdjFactor) : nullptr;
  const int32_t count = std::min(window_, day + 1);
  const int32_t first = day - count + 1;
  const size_t n = missing.size(), width = static_cast<size_t>(count);
  // Instrument j's window at [j * width, (j + 1) * width), oldest first, as compute() builds it: the rows its
  // column already holds are copied from it, the others read from the panels row by row (far fewer pages
  // than a column at a time), and the column extended with them.
  std::vector<double> adjusted(n * width), scratch(width);
  std::unique_ptr<bool[]> traded = std::make_unique<bool[]>(n * width);
  std::vector<int32_t> held_first(n), held_last(n);  // rows the column held (copied below)
  for (size_t j = 0; j < n; ++j) {
    Column& c = columns_[static_cast<size_t>(missing[j])];
    std::lock_guard lock(c.mutex);
    held_first[j] = std::max(c.first, first);
    held_last[j] = std::min(c.first + static_cast<int32_t>(c.adjusted.size()) - 1, day);
    for (int32_t r = held_first[j]; r <= held_last[j]; ++r) {
      const size_t at = j * width + static_cast<size_t>(r - first), from = static_cast<size_t>(r - c.first);
      adjusted[at] = c.adjusted[from];
      traded[at] = c.traded[from] != 0;
    }
  }
  for (int32_t k = 0; k < count; ++k) {
    const int32_t r = first + k;
    const std::span<const float> closes = close.row(r), volumes = volume.row(r);
    const std::span<const float> factors = adj ? adj->row(r) : std::span<const float>();
    for (size_t j = 0; j < n; ++j) {
      if (r >= held_first[j] && r <= held_last[j]) continue;
      const auto col = static_cast<size_t>(missing[j]);
      const double factor = adj ? factors[col] : 1.0;
      adjusted[j * width + static_cast<size_t>(k)] = double{closes[col]} * factor;
      traded[j * width + static_cast<size_t>(k)] = volumes[col] > 0;
    }
  }
  for (size_t j = 0; j < n; ++j) {
    values[missing[j]].store(LowvolSelector::window_volatility(&adjusted[j * width], &traded[j * width],
                                                               count, min_valid_, scratch.data()),
                             std::memory_order_relaxed);
    // The column becomes [first, day] joined with what it holds when the two touch (else the newer).
    Column& c = columns_[static_cast<size_t>(missing[j])];
    std::lock_guard lock(c.mutex);
    const int32_t c_last = c.first + static_cast<int32_t>(c.adjusted.size()) - 1;
    if (!c.adjusted.empty() && first >= c.first && day <= c_last) continue;  // holds it all already
    const bool join = !c.adjusted.empty() && first <= c_last + 1 && day + 1 >= c.first;
    if (!join && !c.adjusted.empty() && day < c.first) continue;  // keep the newer rows it holds
    const int32_t lo = join ? std::min(first, c.first) : first, hi = join ? std::max(day, c_last) : day;
    std::vector<double> joined(static_cast<size_t>(hi - lo + 1));
    std::vector<unsigned char> joined_traded(joined.size());
    if (join)
      for (int32_t r = c.first; r <= c_last; ++r) {
        joined[static_cast<size_t>(r - lo)] = c.adjusted[static_cast<size_t>(r - c.first)];
        joined_traded[static_cast<size_t>(r - lo)] = c.traded[static_cast<size_t>(r - c.first)];
      }
    for (int32_t r = first; r <= day; ++r) {
      joined[static_cast<size_t>(r - lo)] = adjusted[j * width + static_cast<size_t>(r - first)];
      joined_traded[static_cast<size_t>(r - lo)] = traded[j * width + static_cast<size_t>(r - first)] ? 1 : 0;
    }
    c.first = lo;
    c.adjusted = std::move(joined);
    c.traded = std::move(joined_traded);
  }
}

double VolatilityMemo::compute(int32_t day, int32_t id) const {
  const BarData& daily = data_.daily;
  const Panel& close = daily.field(Field::Close);
  const Panel& volume = daily.field(Field::Volume);
  const bool has_adj = daily.has(Field::AdjFactor);
  const int32_t count = std::min(window_, day + 1);
  const int32_t first = day - count + 1;
  std::vector<double> adjusted(static_cast<size_t>(count)), scratch(static_cast<size_t>(count));
  std::unique_ptr<bool[]> traded = std::make_unique<bool[]>(static_cast<size_t>(count));
  for (int32_t k = 0; k < count; ++k) {
    const double factor = has_adj ? daily.field(Field::AdjFactor)(first + k, id) : 1.0;
    adjusted[static_cast<size_t>(k)] = double{close(first + k, id)} * factor;
    traded[static_cast<size_t>(k)] = volume(first + k, id) > 0;
  }
  return LowvolSelector::window_volatility(adjusted.data(), traded.get(), count, min_valid_, scratch.data());
}

std::shared_ptr<const VolatilityMemo> shared_volatility_memo(const MarketData& data, int32_t vol_window,
                                                             int32_t min_valid) {
  return derived_state<VolatilityMemo>(
      data, VolatilityMemo::settings(vol_window, min_valid),
      [&](const MarketData& d) { return std::make_shared<const VolatilityMemo>(d, vol_window, min_valid); });
}

}  // namespace abt
