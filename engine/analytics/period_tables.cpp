#include "engine/analytics/period_tables.hpp"

#include <array>
#include <cstdio>

#include "engine/core/error.hpp"

namespace abt {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// The period of `d` as a number (year, or year x 100 + month): compared every day, formatted only once per
/// period (period_key).
int period_number(Date d, bool monthly) {
  int y = 0, m = 0, day = 0;
  d.to_ymd(y, m, day);
  return monthly ? y * 100 + m : y;
}

std::string period_key(Date d, bool monthly) {
  char buf[16];
  if (monthly)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year(), d.month());
  else
    std::snprintf(buf, sizeof buf, "%04d", d.year());
  return buf;
}

std::vector<PeriodReturn> period_returns(std::span<const Date> dates, std::span<const double> navs,
                                         double initial, std::span<const double> benchmark, bool monthly) {
  std::vector<PeriodReturn> out;
  const bool with_benchmark = !benchmark.empty();
  double nav_base = initial, bench_base = with_benchmark ? benchmark[0] : 0.0;
  for (size_t i = 0; i < dates.size(); ++i) {
    const bool period_ends =
        i + 1 == dates.size() || period_number(dates[i + 1], monthly) != period_number(dates[i], monthly);
    if (!period_ends) continue;
    PeriodReturn p;
    p.period = period_key(dates[i], monthly);
    p.strategy = nav_base > 0 ? navs[i] / nav_base - 1.0 : 0.0;
    nav_base = navs[i];
    if (with_benchmark) {
      p.benchmark = bench_base > 0 ? benchmark[i + 1] / bench_base - 1.0 : 0.0;
      p.excess = p.strategy - *p.benchmark;
      bench_base = benchmark[i + 1];
    }
    out.push_back(std::move(p));
  }
  return out;
}

/// Accumulates one group of returns.
struct EffectAccumulator {
  int64_t count = 0, wins = 0, excess_wins = 0;
  double sum = 0, excess_sum = 0;
  void add(double r, std::optional<double> excess) {
    ++count;
    sum += r;
    wins += r > 0 ? 1 : 0;
    if (excess) {
      excess_sum += *excess;
      excess_wins += *excess > 0 ? 1 : 0;
    }
  }
  CalendarEffect finish(const char* label, bool with_benchmark) const {
    CalendarEffect e;
    e.label = label;
    e.count = count;
    const double n = static_cast<double>(count);
    e.mean_return = sum / n;
    e.win_rate = static_cast<double>(wins) / n;
    if (with_benchmark) {
      e.mean_excess = excess_sum / n;
      e.excess_win_rate = static_cast<double>(excess_wins) / n;
    }
    return e;
  }
};

nlohmann::json optional_json(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

}  // namespace

PerformanceTables compute_tables(std::span<const Date> dates, std::span<const double> navs, double initial,
                                 std::span<const double> benchmark) {
  if (dates.size() != navs.size() || (!benchmark.empty() && benchmark.size() != navs.size() + 1))
    throw InternalError("compute_tables: dates, navs and benchmark levels are not aligned");
  PerformanceTables t;
  const bool with_benchmark = !benchmark.empty();
  t.yearly = period_returns(dates, navs, initial, benchmark, false);
  t.monthly = period_returns(dates, navs, initial, benchmark, true);

  std::array<EffectAccumulator, 7> by_weekday{};
  double prev = initial;
  for (size_t i = 0; i < navs.size(); ++i) {
    const double r = prev > 0 ? navs[i] / prev - 1.0 : 0.0;
    prev = navs[i];
    std::optional<double> excess;
    if (with_benchmark) excess = r - (benchmark[i] > 0 ? benchmark[i + 1] / benchmark[i] - 1.0 : 0.0);
    by_weekday[static_cast<size_t>(dates[i].weekday())].add(r, excess);
  }
  for (size_t w = 0; w < by_weekday.size(); ++w)
    if (by_weekday[w].count > 0) t.weekday.push_back(by_weekday[w].finish(kWeekdays[w], with_benchmark));

  std::array<EffectAccumulator, 12> by_month{};
  for (const PeriodReturn& p : t.monthly) {
    const int month = std::stoi(p.period.substr(5, 2));
    by_month[static_cast<size_t>(month - 1)].add(p.strategy, p.excess);
  }
  for (size_t m = 0; m < by_month.size(); ++m)
    if (by_month[m].count > 0) t.month.push_back(by_month[m].finish(kMonths[m], with_benchmark));
  return t;
}

nlohmann::json tables_to_json(const PerformanceTables& tables) {
  auto periods = [](const std::vector<PeriodReturn>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const PeriodReturn& p : rows)
      out.push_back({{"period", p.period},
                     {"strategy", p.strategy},
                     {"benchmark", optional_json(p.benchmark)},
                     {"excess", optional_json(p.excess)}});
    return out;
  };
  auto effects = [](const std::vector<CalendarEffect>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const CalendarEffect& e : rows)
      out.push_back({{"label", e.label},
                     {"count", e.count},
                     {"mean_return", e.mean_return},
                     {"win_rate", e.win_rate},
                     {"mean_excess", optional_json(e.mean_excess)},
                     {"excess_win_rate", optional_json(e.excess_win_rate)}});
    return out;
  };
  return {{"yearly", periods(tables.yearly)},
          {"monthly", periods(tables.monthly)},
          {"weekday_effect", effects(tables.weekday)},
          {"month_effect", effects(tables.month)}};
}

}  // namespace abt
