#include "app/run/sweep_robustness.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/analytics/metric_registry.hpp"

namespace abt {
namespace {

constexpr double kMinLead = 0.25;  // a point's lead must be at least this share of the best's lead

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

std::optional<double> row_metric(const SweepRow& row, const std::string& metric) {
  if (row.status != "ok" || !row.metrics.is_object()) return std::nullopt;
  const auto it = row.metrics.find(metric);
  if (it == row.metrics.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

SweepRobustness sweep_robustness(const std::vector<std::string>& paths, const std::vector<SweepRow>& ranked,
                                 const std::string& rank_by, size_t top) {
  SweepRobustness out;
  std::vector<const SweepRow*> rows;
  std::vector<double> values;
  for (const SweepRow& r : ranked)
    if (const auto v = row_metric(r, rank_by)) {
      rows.push_back(&r);
      values.push_back(*v);
    }
  if (rows.empty()) return out;
  out.grid_median = median(values);
  // Each row's position on every path's sorted distinct values (-1: the path is not overridden).
  std::vector<std::vector<nlohmann::json>> axis(paths.size());
  for (size_t p = 0; p < paths.size(); ++p) {
    for (const SweepRow* r : rows)
      if (r->variant.overrides.contains(paths[p])) axis[p].push_back(r->variant.overrides[paths[p]]);
    std::sort(axis[p].begin(), axis[p].end());
    axis[p].erase(std::unique(axis[p].begin(), axis[p].end()), axis[p].end());
  }
  auto position = [&](const SweepRow& r) {
    std::vector<int64_t> pos(paths.size(), -1);
    for (size_t p = 0; p < paths.size(); ++p)
      if (r.variant.overrides.contains(paths[p])) {
        const auto& v = r.variant.overrides[paths[p]];
        pos[p] = std::lower_bound(axis[p].begin(), axis[p].end(), v) - axis[p].begin();
      }
    return pos;
  };
  std::map<std::vector<int64_t>, size_t> at;  // grid position -> row (the first, in rank order)
  for (size_t i = 0; i < rows.size(); ++i) at.emplace(position(*rows[i]), i);
  const MetricInfo* info = find_metric(rank_by);
  const bool lower = info && info->better == Better::Lower;
  for (size_t i = 0; i < std::min(top, rows.size()); ++i) {
    PointRobustness point;
    point.row = rows[i];
    point.rank = static_cast<int64_t>(i + 1);
    point.value = values[i];
    const auto pos = position(*rows[i]);
    std::vector<double> around;
    for (size_t p = 0; p < paths.size(); ++p) {
      if (pos[p] < 0) continue;
      for (const int64_t step : {-1, 1}) {
        auto n = pos;
        n[p] += step;
        const auto it = at.find(n);
        if (it != at.end()) around.push_back(values[it->second]);
      }
    }
    point.neighbours = around.size();
    if (!around.empty()) {
      point.neighbour_median = median(around);
      point.neighbour_worst = lower ? *std::max_element(around.begin(), around.end())
                                    : *std::min_element(around.begin(), around.end());
      // A point without a real lead over the median variant (or worse than it) is no peak: its ratio would
      // only amplify noise.
      const double lead = point.value - out.grid_median, best_lead = values[0] - out.grid_median;
      if (lead * best_lead > 0 && std::fabs(lead) >= kMinLead * std::fabs(best_lead)) {
        point.retained = (point.neighbour_median - out.grid_median) / (point.value - out.grid_median);
        point.isolated = *point.retained < 0.5;
      }
    }
    out.points.push_back(point);
  }
  return out;
}

}  // namespace abt
