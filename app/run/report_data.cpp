#include "app/run/report_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/analytics/return_statistics.hpp"

namespace abt {

MonthlyFacts monthly_facts(const RunOutput& output) {
  MonthlyFacts f;
  std::map<std::string, size_t> index;
  for (const DailyRecord& d : output.result.daily) {
    const std::string m = d.date.to_string().substr(0, 7);
    if (index.emplace(m, f.months.size()).second) f.months.push_back(m);
  }
  const size_t n = f.months.size();
  for (auto* v : {&f.commission, &f.stamp_duty, &f.transfer_fee, &f.slippage}) v->assign(n, 0.0);
  for (auto& v : f.rejections) v.assign(n, 0.0);
  const auto month_of = [&](Timestamp t) {
    const auto it = index.find(t.date().to_string().substr(0, 7));
    return it == index.end() ? n : it->second;
  };
  for (const Fill& fill : output.result.fills) {
    const size_t m = month_of(fill.time);
    if (m == n) continue;
    f.commission[m] += fill.commission;
    f.stamp_duty[m] += fill.stamp_duty;
    f.transfer_fee[m] += fill.transfer_fee;
    f.slippage[m] += fill.slippage;
  }
  for (const Rejection& r : output.result.rejections) {
    const size_t m = month_of(r.time);
    if (m < n && r.reason != RejectReason::Count) f.rejections[static_cast<size_t>(r.reason)][m] += 1;
  }
  return f;
}

RollingRisk rolling_risk(const std::vector<double>& returns, const std::vector<double>& benchmark,
                         size_t window, double days_per_year) {
  RollingRisk out;
  const size_t n = returns.size();
  out.volatility.assign(n, NAN);
  out.beta.assign(n, NAN);
  const bool with_benchmark = benchmark.size() == n;
  if (window < 2) return out;
  for (size_t i = window - 1; i < n; ++i) {
    double mr = 0, mb = 0;
    for (size_t k = i + 1 - window; k <= i; ++k) {
      mr += returns[k];
      if (with_benchmark) mb += benchmark[k];
    }
    mr /= static_cast<double>(window);
    mb /= static_cast<double>(window);
    double vr = 0, vb = 0, cov = 0;
    for (size_t k = i + 1 - window; k <= i; ++k) {
      vr += (returns[k] - mr) * (returns[k] - mr);
      if (with_benchmark) {
        vb += (benchmark[k] - mb) * (benchmark[k] - mb);
        cov += (returns[k] - mr) * (benchmark[k] - mb);
      }
    }
    out.volatility[i] = std::sqrt(vr / static_cast<double>(window - 1) * days_per_year);
    if (with_benchmark && vb > 0) out.beta[i] = cov / vb;
  }
  return out;
}

Histogram histogram(std::vector<double> values, int bins) {
  Histogram h;
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  if (values.empty() || bins < 1) return h;
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))];
  };
  double lo = at(0.01), hi = at(0.99);
  if (!(hi > lo)) hi = lo + 1e-9;
  const double width = (hi - lo) / bins;
  h.counts.assign(static_cast<size_t>(bins), 0.0);
  for (double v : values) {
    // Clamped as a double before the cast: an outlier far beyond the 1 %..99 % range (or a tiny width) gives
    // a quotient no int holds, and that cast is undefined behaviour.
    const double bin = std::floor((v - lo) / width);
    const int b = bin <= 0 ? 0 : bin >= bins - 1 ? bins - 1 : static_cast<int>(bin);
    h.counts[static_cast<size_t>(b)] += 1;
  }
  for (int b = 0; b < bins; ++b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", (lo + (b + 0.5) * width) * 100.0);
    h.labels.emplace_back(buf);
  }
  return h;
}

std::vector<CrisisWindow> crisis_windows(const RunOutput& output) {
  static const std::array<std::array<const char*, 3>, 5> kEpisodes = {{
      {"2015 crash", "2015-06-12", "2015-09-15"},
      {"2016 circuit breaker", "2016-01-04", "2016-01-28"},
      {"2018 bear market", "2018-01-29", "2018-12-28"},
      {"2020 COVID sell-off", "2020-01-14", "2020-03-23"},
      {"2024 micro-cap crash", "2024-01-02", "2024-02-07"},
  }};
  std::vector<CrisisWindow> out;
  const auto& daily = output.result.daily;
  if (daily.empty()) return out;
  const double capital = output.resolved_config.value("capital", daily.front().nav);
  const bool bench = output.benchmark.size() == daily.size() + 1;
  for (const auto& e : kEpisodes) {
    const Date from = Date::parse(e[1]), to = Date::parse(e[2]);
    // The NAV before the window's first run day, and at its last.
    int64_t first = -1, last = -1;
    for (size_t i = 0; i < daily.size(); ++i)
      if (daily[i].date >= from && daily[i].date <= to) {
        if (first < 0) first = static_cast<int64_t>(i);
        last = static_cast<int64_t>(i);
      }
    if (first < 0) continue;
    const double before = first > 0 ? daily[static_cast<size_t>(first - 1)].nav : capital;
    CrisisWindow w{e[0], e[1], e[2], daily[static_cast<size_t>(last)].nav / before - 1.0, 0, bench};
    if (bench)
      w.benchmark =
          output.benchmark[static_cast<size_t>(last) + 1] / output.benchmark[static_cast<size_t>(first)] -
          1.0;
    out.push_back(w);
  }
  return out;
}

std::vector<Contribution> top_contributions(const RunOutput& output, size_t count) {
  std::map<InstrumentId, Contribution> by_id;
  for (const Fill& f : output.result.fills) {
    Contribution& c = by_id[f.instrument];
    c.instrument = f.instrument;
    c.pnl += (f.side == Side::Sell ? 1.0 : -1.0) * f.quantity * f.price - f.cost;
  }
  const auto& positions = output.result.positions;
  const Date last_day = output.result.daily.empty() ? Date::min() : output.result.daily.back().date;
  std::map<Date, double> nav_of;
  for (const DailyRecord& d : output.result.daily) nav_of[d.date] = d.nav;
  for (const PositionRecord& p : positions) {
    Contribution& c = by_id[p.instrument];
    c.instrument = p.instrument;
    ++c.days_held;
    const double nav = nav_of.count(p.date) ? nav_of[p.date] : 0.0;
    if (nav > 0) c.max_weight = std::max(c.max_weight, p.value / nav);
    if (p.date == last_day) c.pnl += p.value;  // still held: valued at the last close
  }
  std::vector<Contribution> all;
  for (const auto& [id, c] : by_id) all.push_back(c);
  std::stable_sort(all.begin(), all.end(), [](const Contribution& a, const Contribution& b) {
    return std::fabs(a.pnl) > std::fabs(b.pnl);
  });
  if (all.size() > count) all.resize(count);
  return all;
}

}  // namespace abt
