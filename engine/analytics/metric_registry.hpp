#pragma once
// One registry of the run metrics (result.json "metrics", docs/metrics.md): how each is labelled, in which
// unit it is shown and formatted, and which direction is better. The console summary, report.html,
// `abt compare`, sweep ranking and the run store read it, so a metric is shown and ranked the same way
// everywhere (VaR and drawdown: lower is better).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace abt {

enum class MetricUnit { Percent, Ratio, Cny, Count, Days, Date, Times };
enum class Better { Higher, Lower, None };

struct MetricInfo {
  std::string key;    // result.json metrics key
  std::string label;  // for people
  MetricUnit unit = MetricUnit::Ratio;
  Better better = Better::None;
  int decimals = 2;
};

/// Every metric of result.json "metrics", in display order.
const std::vector<MetricInfo>& metric_registry();
/// The entry of `key`, or nullptr.
const MetricInfo* find_metric(std::string_view key);
/// `value` formatted for people: "12.34 %", "1.234", "3,909,552.74 CNY", "245", "12 days", "1.23x".
std::string format_metric(const MetricInfo& info, double value);
/// True when `a` is better than `b` by the metric's direction (NaN is never better; None: false).
bool metric_better(const MetricInfo& info, double a, double b);

}  // namespace abt
