#include "engine/analytics/metric_registry.hpp"

#include <cmath>
#include <cstdio>

namespace abt {

const std::vector<MetricInfo>& metric_registry() {
  using U = MetricUnit;
  using B = Better;
  static const std::vector<MetricInfo> kMetrics = {
      {"total_return", "total return", U::Percent, B::Higher, 2},
      {"annual_return", "annual return", U::Percent, B::Higher, 2},
      {"annual_volatility", "annual volatility", U::Percent, B::Lower, 2},
      {"sharpe", "Sharpe", U::Ratio, B::Higher, 3},
      {"sortino", "Sortino", U::Ratio, B::Higher, 3},
      {"calmar", "Calmar", U::Ratio, B::Higher, 3},
      {"max_drawdown", "max drawdown", U::Percent, B::Lower, 2},
      {"max_drawdown_duration", "max drawdown length", U::Days, B::Lower, 0},
      {"max_drawdown_peak", "max drawdown peak", U::Date, B::None, 0},
      {"max_drawdown_trough", "max drawdown trough", U::Date, B::None, 0},
      {"max_drawdown_recovery", "max drawdown recovery", U::Date, B::None, 0},
      {"var_95", "daily VaR 95 %", U::Percent, B::Lower, 2},
      {"cvar_95", "daily CVaR 95 %", U::Percent, B::Lower, 2},
      {"final_nav", "final NAV", U::Cny, B::Higher, 2},
      {"days", "trading days", U::Count, B::None, 0},
      {"trades", "trades (fills)", U::Count, B::None, 0},
      {"round_trips", "round trips", U::Count, B::None, 0},
      {"daily_win_rate", "daily win rate", U::Percent, B::Higher, 2},
      {"trade_win_rate", "round-trip win rate", U::Percent, B::Higher, 2},
      {"profit_factor", "profit factor", U::Ratio, B::Higher, 3},
      {"turnover", "turnover per year", U::Times, B::Lower, 2},
      {"costs", "costs", U::Cny, B::Lower, 2},
      {"exposure", "exposure", U::Percent, B::None, 2},
      {"benchmark_total_return", "benchmark total return", U::Percent, B::None, 2},
      {"benchmark_annual_return", "benchmark annual return", U::Percent, B::None, 2},
      {"benchmark_annual_volatility", "benchmark annual volatility", U::Percent, B::None, 2},
      {"excess_annual_return", "excess annual return", U::Percent, B::Higher, 2},
      {"alpha", "alpha", U::Percent, B::Higher, 2},
      {"beta", "beta", U::Ratio, B::None, 3},
      {"tracking_error", "tracking error", U::Percent, B::Lower, 2},
      {"information_ratio", "information ratio", U::Ratio, B::Higher, 3},
  };
  return kMetrics;
}

const MetricInfo* find_metric(std::string_view key) {
  for (const MetricInfo& m : metric_registry())
    if (m.key == key) return &m;
  return nullptr;
}

namespace {
/// Fixed decimals with thousands separators: 3909552.74 -> "3,909,552.74".
std::string grouped(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string digits(buf);
  const size_t point = digits.find('.');
  std::string whole = digits.substr(0, point), out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  if (point != std::string::npos) out += digits.substr(point);
  return (v < 0 && std::stod(buf) != 0 ? "-" : "") + out;
}
}  // namespace

std::string format_metric(const MetricInfo& info, double value) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  switch (info.unit) {
    case MetricUnit::Percent:
      std::snprintf(buf, sizeof buf, "%.*f %%", info.decimals, value * 100.0);
      return buf;
    case MetricUnit::Cny:
      return grouped(value, info.decimals) + " CNY";
    case MetricUnit::Count:
      return grouped(value, 0);
    case MetricUnit::Days:
      return grouped(value, 0) + " days";
    case MetricUnit::Times:
      std::snprintf(buf, sizeof buf, "%.*fx", info.decimals, value);
      return buf;
    case MetricUnit::Ratio:
    case MetricUnit::Date:
      break;
  }
  std::snprintf(buf, sizeof buf, "%.*f", info.decimals, value);
  return buf;
}

bool metric_better(const MetricInfo& info, double a, double b) {
  if (std::isnan(a)) return false;
  if (std::isnan(b)) return info.better != Better::None;
  switch (info.better) {
    case Better::Higher:
      return a > b;
    case Better::Lower:
      return a < b;
    case Better::None:
      return false;
  }
  return false;
}

}  // namespace abt
