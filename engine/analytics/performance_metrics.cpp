#include "engine/analytics/performance_metrics.hpp"

#include <vector>

#include "engine/analytics/return_statistics.hpp"
#include "engine/analytics/risk_statistics.hpp"
#include "engine/analytics/round_trips.hpp"

namespace abt {

PerformanceMetrics compute_metrics(const RunResult& result, std::span<const double> benchmark,
                                   const MetricsOptions& options) {
  PerformanceMetrics m;
  const auto& daily = result.daily;
  m.days = static_cast<int64_t>(daily.size());
  m.trades = static_cast<int64_t>(result.fills.size());
  if (daily.empty()) return m;

  std::vector<double> navs(daily.size());
  double traded = 0, nav_sum = 0, exposure_sum = 0;
  for (size_t i = 0; i < daily.size(); ++i) {
    navs[i] = daily[i].nav;
    traded += daily[i].bought + daily[i].sold;
    nav_sum += daily[i].nav;
    exposure_sum += daily[i].nav > 0 ? daily[i].holdings_value / daily[i].nav : 0.0;
    m.costs += daily[i].costs;
  }
  m.final_nav = navs.back();
  m.total_return = options.initial_cash > 0 ? m.final_nav / options.initial_cash - 1.0 : 0.0;
  m.annual_return = annualized_return(m.total_return, m.days, options.days_per_year);
  const auto returns = daily_returns(navs, options.initial_cash);
  m.annual_volatility = annualized_volatility(returns, options.days_per_year);
  m.sharpe = sharpe_ratio(returns, options.days_per_year, options.risk_free_rate);
  const TailRisk tail = historical_tail_risk(returns, 0.95);
  m.var_95 = tail.var;
  m.cvar_95 = tail.cvar;
  const Drawdown dd = max_drawdown(navs, options.initial_cash);
  m.max_drawdown = dd.depth;
  if (dd.trough >= 0) {
    m.max_drawdown_peak = dd.peak >= 0 ? daily[dd.peak].date.to_string() : daily.front().date.to_string();
    m.max_drawdown_trough = daily[dd.trough].date.to_string();
    if (dd.recovery >= 0) m.max_drawdown_recovery = daily[dd.recovery].date.to_string();
    const int64_t start = dd.peak >= 0 ? dd.peak : 0;
    const int64_t end = dd.recovery >= 0 ? dd.recovery : m.days - 1;
    m.max_drawdown_duration = end - start;
  }
  m.sortino = sortino_ratio(returns, options.days_per_year, options.risk_free_rate);
  m.calmar = calmar_ratio(m.annual_return, m.max_drawdown);
  m.daily_win_rate = win_rate(returns);
  const RoundTripSummary trips = pair_round_trips(result.fills);
  m.round_trips = static_cast<int64_t>(trips.trips.size());
  m.trade_win_rate = trips.win_rate();
  m.profit_factor = trips.profit_factor();
  const double years = static_cast<double>(m.days) / options.days_per_year;
  const double mean_nav = nav_sum / static_cast<double>(m.days);
  m.turnover = mean_nav > 0 && years > 0 ? traded / mean_nav / years : 0.0;
  m.exposure = exposure_sum / static_cast<double>(m.days);

  if (benchmark.size() == daily.size() + 1 && benchmark.front() > 0) {
    m.benchmark_total_return = benchmark.back() / benchmark.front() - 1.0;
    m.benchmark_annual_return = annualized_return(*m.benchmark_total_return, m.days, options.days_per_year);
    m.excess_annual_return = m.annual_return - *m.benchmark_annual_return;
    const auto bench_returns = daily_returns(benchmark.subspan(1), benchmark.front());
    m.benchmark_annual_volatility = annualized_volatility(bench_returns, options.days_per_year);
    const RelativeStatistics rel =
        relative_statistics(returns, bench_returns, options.days_per_year, options.risk_free_rate);
    m.tracking_error = rel.tracking_error;
    m.information_ratio = rel.information_ratio;
    m.beta = rel.beta;
    m.alpha = rel.alpha;
  }
  return m;
}

nlohmann::json metrics_to_json(const PerformanceMetrics& m) {
  nlohmann::json j = {
      {"days", m.days},
      {"final_nav", m.final_nav},
      {"total_return", m.total_return},
      {"annual_return", m.annual_return},
      {"annual_volatility", m.annual_volatility},
      {"sharpe", m.sharpe},
      {"max_drawdown", m.max_drawdown},
      {"max_drawdown_peak", m.max_drawdown_peak},
      {"max_drawdown_trough", m.max_drawdown_trough},
      {"max_drawdown_recovery", m.max_drawdown_recovery},
      {"trades", m.trades},
      {"turnover", m.turnover},
      {"costs", m.costs},
      {"exposure", m.exposure},
      {"sortino", m.sortino},
      {"calmar", m.calmar},
      {"max_drawdown_duration", m.max_drawdown_duration},
      {"daily_win_rate", m.daily_win_rate},
      {"round_trips", m.round_trips},
      {"trade_win_rate", m.trade_win_rate},
      {"profit_factor", m.profit_factor ? nlohmann::json(*m.profit_factor) : nlohmann::json()},
      {"var_95", m.var_95},
      {"cvar_95", m.cvar_95},
  };
  if (m.benchmark_total_return) {
    j["benchmark_total_return"] = *m.benchmark_total_return;
    j["benchmark_annual_return"] = *m.benchmark_annual_return;
    j["excess_annual_return"] = *m.excess_annual_return;
    j["benchmark_annual_volatility"] = *m.benchmark_annual_volatility;
    j["tracking_error"] = *m.tracking_error;
    j["information_ratio"] = *m.information_ratio;
    j["beta"] = *m.beta;
    j["alpha"] = *m.alpha;
  }
  return j;
}

}  // namespace abt
