#include "strategies/universe/microcap_table.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <thread>

namespace abt {

MicrocapTable::MicrocapTable(const MarketData& data, MicrocapIndexParams params)
    : data_(data), params_(std::move(params)) {
  const int32_t days = data.calendar.size();
  // The IPO state: the same pass as the in-loop index, over every calendar day.
  MicrocapIndex ipo(data.instruments, data.calendar, params_, /*track_level=*/false);
  for (int32_t day = 0; day < days; ++day)
    ipo.advance(day, day_rows(data.daily, day), day > 0 ? day_rows(data.daily, day - 1) : DayRows{});
  break_day_.assign(ipo.break_days().begin(), ipo.break_days().end());
  slots_ = std::make_unique<Slot[]>(static_cast<size_t>(days));
}

std::string MicrocapTable::settings(const MicrocapIndexParams& p) {
  char base[32];
  std::snprintf(base, sizeof base, "%.17g", p.base);
  return "microcap_index size=" + std::to_string(p.size) + " rank_by=" + p.rank_by +
         " exclude_st=" + std::to_string(p.exclude_st) +
         " exclude_delisting=" + std::to_string(p.exclude_delisting) +
         " require_ipo_break=" + std::to_string(p.require_ipo_break) + " base=" + base;
}

void MicrocapTable::rank_into(MicrocapRanker& ranker, int32_t day) const {
  Slot& slot = slots_[static_cast<size_t>(day)];
  if (slot.ready.load(std::memory_order_acquire)) return;
  std::lock_guard lock(stripes_[static_cast<size_t>(day) % kStripes]);
  if (slot.ready.load(std::memory_order_relaxed)) return;
  ranker.rank(day, data_.calendar.day(day), day_rows(data_.daily, day), break_day_, slot.day);
  slot.ready.store(true, std::memory_order_release);
}

std::unique_ptr<MicrocapRanker> MicrocapTable::take_ranker() const {
  {
    std::lock_guard lock(spare_mutex_);
    if (!spare_rankers_.empty()) {
      std::unique_ptr<MicrocapRanker> ranker = std::move(spare_rankers_.back());
      spare_rankers_.pop_back();
      return ranker;
    }
  }
  return std::make_unique<MicrocapRanker>(data_.instruments, params_);
}

void MicrocapTable::give_back(std::unique_ptr<MicrocapRanker> ranker) const {
  std::lock_guard lock(spare_mutex_);
  spare_rankers_.push_back(std::move(ranker));
}

const MicrocapDay& MicrocapTable::day(int32_t day) const {
  if (day < 0 || day >= data_.calendar.size())
    throw InternalError("MicrocapTable::day: day " + std::to_string(day) + " outside the calendar");
  Slot& slot = slots_[static_cast<size_t>(day)];
  if (!slot.ready.load(std::memory_order_acquire)) {
    std::unique_ptr<MicrocapRanker> ranker = take_ranker();  // built once, reused (its code ranks sort)
    rank_into(*ranker, day);
    give_back(std::move(ranker));
  }
  return slot.day;
}

void MicrocapTable::for_each_day(const std::function<void(MicrocapRanker&, int32_t)>& fn) const {
  const int32_t days = data_.calendar.size();
  std::atomic<int32_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto work = [&] {
    try {
      std::unique_ptr<MicrocapRanker> ranker = take_ranker();
      for (int32_t day = next++; day < days; day = next++) fn(*ranker, day);
      give_back(std::move(ranker));
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = days;
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  {
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads && static_cast<int32_t>(t) < days; ++t) helpers.emplace_back(work);
    work();
  }
  if (error) std::rethrow_exception(error);
}

const std::vector<double>& MicrocapTable::levels() const {
  if (levels_ready_.load(std::memory_order_acquire)) return levels_;
  std::lock_guard lock(levels_mutex_);
  if (levels_ready_.load(std::memory_order_relaxed)) return levels_;
  for_each_day([this](MicrocapRanker& ranker, int32_t day) { rank_into(ranker, day); });
  // Each day's factor from the members of the day before (all ranked now), then the chain in day order:
  // the same operations as chain_level day after day.
  const int32_t days = data_.calendar.size();
  std::vector<double> factors(static_cast<size_t>(days), 1.0);
  for_each_day([&](MicrocapRanker&, int32_t day) {
    if (day > 0)
      factors[static_cast<size_t>(day)] =
          chain_factor(slots_[static_cast<size_t>(day) - 1].day.members, day_rows(data_.daily, day),
                       day_rows(data_.daily, day - 1));
  });
  std::vector<double> levels(static_cast<size_t>(days), std::nan(""));
  for (int32_t day = 0; day < days; ++day) {
    const auto d = static_cast<size_t>(day);
    levels[d] = day == 0 ? params_.base
                         : (slots_[d - 1].day.members.empty() ? levels[d - 1] : levels[d - 1] * factors[d]);
  }
  levels_ = std::move(levels);
  levels_ready_.store(true, std::memory_order_release);
  return levels_;
}

std::shared_ptr<const MicrocapTable> shared_microcap_table(const MarketData& data,
                                                           const MicrocapIndexParams& params) {
  return derived_state<MicrocapTable>(data, MicrocapTable::settings(params), [&](const MarketData& d) {
    return std::make_shared<const MicrocapTable>(d, params);
  });
}

}  // namespace abt
