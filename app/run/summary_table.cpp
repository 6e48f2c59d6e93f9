#include "app/run/summary_table.hpp"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "app/run/number_format.hpp"
#include "engine/analytics/metric_registry.hpp"

namespace abt {
namespace {

std::string percent(double v) {
  return format_fixed(v * 100.0, 2) + " %";
}

}  // namespace

std::string warning_extent(const RunWarning& w) {
  std::string out;
  if (w.by_year.size() > 1) {
    out = " (by year:";
    for (const auto& [year, n] : w.by_year) {
      out.append(" ").append(std::to_string(year)).append(" ").append(std::to_string(n));
    }
    out.append(")");
  } else if (w.count == 1 && w.dated() && w.first == w.last) {
    out.append(" (").append(w.first.to_string()).append(")");
  } else if (w.count > 1 || w.dated()) {
    out.append(" (").append(std::to_string(w.count));
    if (w.dated()) out.append(", ").append(w.first.to_string()).append(" .. ").append(w.last.to_string());
    out.append(")");
  }
  return out;
}

std::string format_summary(const RunOutput& output) {
  const PerformanceMetrics& m = output.metrics;
  const auto& cfg = output.resolved_config;
  std::vector<std::pair<std::string, std::string>> rows = {
      {"strategy", cfg.value("/strategy/name"_json_pointer, std::string())},
      {"period", cfg.value("start", std::string()) + " .. " + cfg.value("end", std::string())},
      {"trading days", std::to_string(m.days)},
      {"final NAV", format_metric(*find_metric("final_nav"), m.final_nav)},
      {"total return", percent(m.total_return)},
      {"annual return", percent(m.annual_return)},
      {"annual volatility", percent(m.annual_volatility)},
      {"Sharpe", format_fixed(m.sharpe, 3)},
      {"Sortino / Calmar", format_fixed(m.sortino, 3) + " / " + format_fixed(m.calmar, 3)},
      {"max drawdown",
       percent(m.max_drawdown) + (m.max_drawdown_trough.empty()
                                      ? ""
                                      : " (" + m.max_drawdown_peak + " -> " + m.max_drawdown_trough + ")")},
      {"trades", std::to_string(m.trades)},
      {"win rate (days / trips)", percent(m.daily_win_rate) + " / " + percent(m.trade_win_rate) + " of " +
                                      std::to_string(m.round_trips)},
      {"turnover (x/yr)", format_fixed(m.turnover, 2)},
      {"costs", format_metric(*find_metric("costs"), m.costs)},
      {"exposure", percent(m.exposure)},
      {"daily VaR / CVaR 95%", percent(m.var_95) + " / " + percent(m.cvar_95)},
      {"execution", cfg.value("/execution/profile"_json_pointer, std::string())},
  };
  // What the market rules cost: blocked / reduced orders by reason (only the nonzero ones).
  std::string blocked;
  for (int r = 0; r < kRejectReasonCount; ++r)
    if (output.result.rejects[r] > 0 && static_cast<RejectReason>(r) != RejectReason::Scaled)
      blocked += (blocked.empty() ? "" : ", ") +
                 std::string(reject_reason_name(static_cast<RejectReason>(r))) + " " +
                 std::to_string(output.result.rejects[r]);
  rows.push_back({"blocked orders", blocked.empty() ? "none" : blocked});
  const int64_t scaled = output.result.rejects[static_cast<int>(RejectReason::Scaled)];
  if (scaled > 0) rows.push_back({"buys scaled to the cash", std::to_string(scaled)});
  if (m.benchmark_total_return) {
    rows.push_back({"benchmark", cfg.value("benchmark", std::string())});
    rows.push_back({"benchmark return", percent(*m.benchmark_total_return)});
    rows.push_back({"excess annual", percent(*m.excess_annual_return)});
    rows.push_back({"information ratio", format_fixed(*m.information_ratio, 3)});
    rows.push_back({"beta / alpha", format_fixed(*m.beta, 3) + " / " + percent(*m.alpha)});
    rows.push_back({"tracking error", percent(*m.tracking_error)});
  }
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  std::string out;
  const std::string rule(width + 2 + 34, '-');
  out += rule + "\n";
  for (const auto& [k, v] : rows) out += k + std::string(width - k.size() + 2, ' ') + v + "\n";
  out += rule + "\n";
  // Warnings last, one line each, so that data problems are the last thing a user reads.
  for (const RunWarning& w : output.result.warnings.entries()) {
    out += "warning [";
    out += w.kind;
    if (!w.subject.empty()) out.append(": ").append(w.subject);
    out += "] ";
    out += w.message;
    out += warning_extent(w);
    out += "\n";
  }
  return out;
}

}  // namespace abt
