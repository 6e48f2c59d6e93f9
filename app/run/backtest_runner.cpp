#include "app/run/backtest_runner.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "app/run/derived_instruments.hpp"
#include "engine/core/config_json.hpp"
#include "engine/core/error.hpp"
#include "engine/sim/backtest.hpp"
#include "engine/strategy/path_param.hpp"

namespace abt {

namespace {
std::vector<double> levels_of(const MarketData& data, const Panel* panel, int32_t col, int32_t first,
                              int32_t last);
}  // namespace

nlohmann::json resolve_benchmark_settings(const std::string& name, const nlohmann::json& settings,
                                          const StrategyRegistry& registry) {
  if (settings.is_null()) return nullptr;
  const ConfigurableSeriesInfo* derived = registry.find_configurable_series(name);
  if (!derived)
    throw ConfigError("benchmark." + name + ": settings are for a derived series (`abt strategies`), and '" +
                      name + "' is none");
  DerivedRef ref(name);
  ref.settings = settings;
  return resolve_derived_settings(ref, derived->settings, "benchmark");
}

std::vector<double> benchmark_levels(const MarketData& data, const std::string& name, int32_t first,
                                     int32_t last, const StrategyRegistry* registry, WarningLog* log,
                                     const nlohmann::json& settings) {
  const Panel* panel = nullptr;
  int32_t col = 0;
  if (!settings.is_null()) {
    if (!registry) throw InternalError("benchmark_levels: settings without a registry");
    const nlohmann::json resolved = resolve_benchmark_settings(name, settings, *registry);
    std::vector<double> values =
        registry->find_configurable_series(name)->compute(data, resolved, log, first, last);
    if (values.size() != static_cast<size_t>(data.calendar.size()))
      throw InternalError("derived series '" + name + "': expected one value per calendar day");
    std::vector<float> narrow(values.begin(), values.end());
    const Panel derived_panel(narrow.data(), data.calendar.size(), 1);
    return levels_of(data, &derived_panel, 0, first, last);
  }
  if (const auto id = data.find(name)) {
    // An instrument's levels are the same for every run of a sweep over the same days: computed once per
    // (instrument, days) as derived state of the data, and copied.
    const std::string key = std::string("benchmark_levels instrument=")
                                .append(std::to_string(*id))
                                .append(" first=")
                                .append(std::to_string(first))
                                .append(" last=")
                                .append(std::to_string(last));
    const auto shared = derived_state<std::vector<double>>(data, key, [&](const MarketData& d) {
      return std::make_shared<const std::vector<double>>(
          levels_of(d, &d.daily.field(Field::Close), *id, first, last));
    });
    return *shared;
  } else if (const auto it = data.series.find(name); it != data.series.end()) {
    panel = &it->second;
  } else if (const DerivedSeriesInfo* derived = registry ? registry->find_series(name) : nullptr) {
    std::vector<double> values = derived->compute(data, log, first, last);
    if (values.size() != static_cast<size_t>(data.calendar.size()))
      throw InternalError("derived series '" + name + "': expected one value per calendar day");
    std::vector<float> narrow(values.begin(), values.end());
    const Panel derived_panel(narrow.data(), data.calendar.size(), 1);
    return levels_of(data, &derived_panel, 0, first, last);
  } else {
    throw ConfigError("benchmark: '" + name + "' is neither an instrument nor a series of the data" +
                      (registry ? " nor a derived series" : ""));
  }
  return levels_of(data, panel, col, first, last);
}

namespace {
std::vector<double> levels_of(const MarketData& data, const Panel* panel, int32_t col, int32_t first,
                              int32_t last) {
  std::vector<double> levels;
  levels.reserve(static_cast<size_t>(last - first) + 2);
  double base = first > 0 ? (*panel)(first - 1, col) : NAN;
  if (std::isnan(base) && panel != &data.daily.field(Field::Close)) base = (*panel)(first, col);
  if (std::isnan(base)) base = data.daily.field(Field::Open)(first, col);
  double last_level = base;
  levels.push_back(base);
  for (int32_t d = first; d <= last; ++d) {
    const double v = (*panel)(d, col);
    if (!std::isnan(v)) last_level = v;
    levels.push_back(last_level);
  }
  if (std::isnan(levels.front()) || levels.front() <= 0) {
    // The benchmark starts later than the run: rebase on its first known level.
    for (double v : levels)
      if (!std::isnan(v) && v > 0) {
        levels.front() = v;
        break;
      }
  }
  for (double& v : levels)
    if (std::isnan(v)) v = levels.front();
  return levels;
}
}  // namespace

void note_survivorship(const MarketData& data, int32_t first, int32_t last, WarningLog& log) {
  if (data.calendar.empty() || last - first + 1 < kSurvivorshipMinDays) return;
  int64_t stocks = 0, delisted = 0;
  for (const Instrument& ins : data.instruments) {
    if (ins.kind != InstrumentKind::Stock) continue;
    ++stocks;
    if (ins.delist_date != Date::max()) ++delisted;
  }
  if (stocks < kSurvivorshipMinStocks || delisted > 0) return;
  const Date from = data.calendar.day(first), to = data.calendar.day(last);
  log.note(
      "survivorship", "",
      "none of the " + std::to_string(stocks) + " stocks in the data delists (run " + from.to_string() +
          " .. " + to.to_string() +
          "): the data likely holds today's survivors only, which biases returns upward, small caps most "
          "(docs/real-data.md)",
      stocks);
}

namespace {
/// The resolved risk section (null for a limit that is off).
nlohmann::json risk_to_json(const RiskConfig& r, const std::vector<std::string>& blacklist) {
  auto finite_or_null = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); };
  return {{"max_weight", finite_or_null(r.max_weight)},
          {"max_gross", finite_or_null(r.max_gross)},
          {"cash_buffer", r.cash_buffer},
          {"max_turnover", r.max_turnover},
          {"blacklist", blacklist},
          {"drawdown_stop", r.drawdown_stop},
          {"reenter_after_days", r.reenter_after_days},
          {"reenter_on", r.reenter_on == RiskConfig::Reentry::Days       ? "days"
                         : r.reenter_on == RiskConfig::Reentry::Strategy ? "strategy"
                                                                         : "benchmark_sma"},
          {"reenter_sma", r.reenter_sma},
          {"restore_on_reentry", r.restore_on_reentry},
          {"vol_target", r.vol_target},
          {"vol_window", r.vol_window},
          {"vol_model", r.vol_model == RiskConfig::VolModel::Covariance ? "covariance" : "nav"}};
}
}  // namespace

namespace {
/// The strategy's params with every relative FilePath parameter (ParamDoc type "path") resolved against the
/// config file's directory, like the config's data paths (engine/strategy/path_param.hpp).
nlohmann::json resolve_path_params(const StrategyInfo& info, const nlohmann::json& params,
                                   const std::filesystem::path& base_dir) {
  if (base_dir.empty() || !params.is_object()) return params;
  nlohmann::json out = params;
  for (const ParamDoc& doc : info.params) {
    if (doc.type != kFilePathType) continue;
    const auto it = out.find(doc.name);
    if (it == out.end() || !it->is_string() || it->get<std::string>().empty()) continue;
    *it = resolve_against(base_dir, it->get<std::string>()).string();
  }
  return out;
}
}  // namespace

RunOutput run_backtest(const RunConfig& config, const MarketData& data, const StrategyRegistry& registry,
                       std::function<void(int32_t, int32_t)> on_day_done, bool with_tables) {
  const StrategyInfo& info = registry.get(config.strategy_name);
  auto strategy =
      info.create(resolve_path_params(info, config.strategy_params, config.base_dir), "strategy.params");

  BacktestConfig bc;
  bc.start = config.start.empty() ? data.calendar.day(0) : Date::parse(config.start, "start");
  bc.end = config.end.empty() ? data.calendar.day(data.calendar.size() - 1) : Date::parse(config.end, "end");
  const int32_t first = data.calendar.lower_bound(bc.start);
  const int32_t last = data.calendar.last_on_or_before(bc.end);
  if (first >= data.calendar.size() || last < first)
    throw ConfigError("start/end: no trading day of the data (" + data.calendar.day(0).to_string() + " .. " +
                      data.calendar.day(data.calendar.size() - 1).to_string() + ") lies in " +
                      bc.start.to_string() + " .. " + bc.end.to_string());
  bc.initial_cash = config.capital;
  bc.fill = config.fill;
  bc.rules = config.rules;
  bc.costs = make_cost_model(config.costs, "costs", &registry);
  bc.risk = config.risk;
  bc.seed = config.seed;
  // ABT_PRIVATE_DERIVED=1: every strategy computes its derived state privately instead of sharing it
  // (docs/sweeps.md, "Shared work"); the results are the same, the tests compare the two.
  if (const char* off = std::getenv("ABT_PRIVATE_DERIVED"); off && std::string_view(off) == "1")
    bc.share_derived_state = false;
  bc.risk.days_per_year = config.days_per_year;
  if (!config.blacklist.empty()) {
    bc.risk.blacklist.assign(static_cast<size_t>(data.instrument_count()), 0);
    for (size_t i = 0; i < config.blacklist.size(); ++i) {
      const auto id = data.find(config.blacklist[i]);
      if (!id)
        throw ConfigError("risk.blacklist[" + std::to_string(i) + "]: '" + config.blacklist[i] +
                          "' is not an instrument of the data");
      bc.risk.blacklist[*id] = 1;
    }
  }
  bc.on_day_done = std::move(on_day_done);

  RunOutput out;
  WarningLog data_warnings;  // the benchmark's and the data's own, reported after the run's
  if (!config.benchmark.empty())
    out.benchmark = benchmark_levels(data, config.benchmark, first, last, &registry, &data_warnings,
                                     config.benchmark_settings);
  if (bc.risk.drawdown_stop > 0 && bc.risk.reenter_on == RiskConfig::Reentry::BenchmarkAboveSma) {
    if (config.benchmark.empty())
      throw ConfigError("risk.reenter_on: 'benchmark_sma' needs a \"benchmark\" to compare with its SMA");
    // Every calendar day's benchmark close; the engine reads them up to the current day only.
    const std::vector<double> all = benchmark_levels(data, config.benchmark, 0, data.calendar.size() - 1,
                                                     &registry, nullptr, config.benchmark_settings);
    bc.risk.reentry_benchmark.assign(all.begin() + 1, all.end());
  }

  out.resolved_config = {
      {"data", config.data},
      {"start", data.calendar.day(first).to_string()},
      {"end", data.calendar.day(last).to_string()},
      {"strategy",
       {{"name", info.name}, {"params", info.resolve(config.strategy_params, "strategy.params")}}},
      {"execution",
       {{"fill", std::string(fill_mode_name(config.fill))},
        {"profile", config.profile},
        {"lots", config.rules.lots},
        {"fractional_shares", config.rules.fractional_shares},
        {"price_limits", config.rules.price_limits},
        {"t_plus_1", config.rules.t_plus_1},
        {"block_suspended", config.rules.block_suspended},
        {"participation", config.rules.participation},
        {"retry_blocked", config.rules.retry_blocked},
        {"delisting_recovery", config.rules.delisting_recovery}}},
      {"costs", bc.costs->describe()},
      {"risk", risk_to_json(bc.risk, config.blacklist)},
      {"capital", config.capital},
      {"benchmark",
       config.benchmark_settings.is_null()
           ? nlohmann::json(config.benchmark)
           : nlohmann::json::object(
                 {{config.benchmark,
                   resolve_benchmark_settings(config.benchmark, config.benchmark_settings, registry)}})},
      {"seed", config.seed},
      {"days_per_year", config.days_per_year},
      {"risk_free_rate", config.risk_free_rate},
  };
  if (!config.derived_instruments.empty()) {
    // The caller adds them to the data (derived_instruments.hpp) before running.
    const std::vector<nlohmann::json> settings =
        resolve_derived_instruments(config.derived_instruments, registry);
    nlohmann::json echo = nlohmann::json::array();
    for (size_t k = 0; k < settings.size(); ++k) {
      const DerivedRef& ref = config.derived_instruments[k];
      const ConfigurableInstrumentInfo* derived = registry.find_configurable_instrument(ref.name);
      if (!data.find(derived->symbol))
        throw InternalError("derived instrument '" + ref.name + "' was not added to the data before the run");
      echo.push_back(derived_ref_echo(ref, settings[k]));
    }
    out.resolved_config["derived_instruments"] = std::move(echo);
  }
  if (!config.plugins.empty()) {
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& path : config.plugins) plugins.push_back(path.string());
    out.resolved_config["plugins"] = plugins;
  }
  nlohmann::json frequencies = nlohmann::json::array({"1d"});
  if (data.hourly) frequencies.push_back("60m");
  out.data_info = {{"fingerprint", data.fingerprint},
                   {"source", data.source},
                   {"start", data.calendar.day(0).to_string()},
                   {"end", data.calendar.day(data.calendar.size() - 1).to_string()},
                   {"instruments", data.instrument_count()},
                   {"frequencies", frequencies}};

  Backtest backtest(data, bc);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    out.result = backtest.run(*strategy);
  } catch (const StrategyError& e) {
    throw e.attributed(info.name, e.origin());
  }
  out.run_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  note_survivorship(data, first, last, data_warnings);
  out.result.warnings.append(data_warnings);

  MetricsOptions mo;
  mo.initial_cash = config.capital;
  mo.days_per_year = config.days_per_year;
  mo.risk_free_rate = config.risk_free_rate;
  out.metrics = compute_metrics(out.result, out.benchmark, mo);
  out.tables_deferred = true;
  if (with_tables) complete_tables(out);
  return out;
}

void complete_tables(RunOutput& output) {
  if (!output.tables_deferred) return;
  std::vector<Date> dates;
  std::vector<double> navs;
  dates.reserve(output.result.daily.size());
  navs.reserve(output.result.daily.size());
  for (const DailyRecord& d : output.result.daily) {
    dates.push_back(d.date);
    navs.push_back(d.nav);
  }
  output.tables =
      compute_tables(dates, navs, output.resolved_config.at("capital").get<double>(), output.benchmark);
  output.tables_deferred = false;
}

}  // namespace abt
