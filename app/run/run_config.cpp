#include "app/run/run_config.hpp"

#include <limits>
#include <set>

#include "engine/core/config_json.hpp"
#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"
#include "engine/core/json_value.hpp"
#include "engine/core/time.hpp"

namespace abt {
namespace {

std::string get_string(const nlohmann::json& obj, const std::string& key, const std::string& path,
                       const std::string& fallback) {
  if (!obj.contains(key)) return fallback;
  if (!obj[key].is_string())
    throw ConfigError(path + ": expected a string, got " + json_for_message(obj[key]));
  return obj[key].get<std::string>();
}

double get_number(const nlohmann::json& obj, const std::string& key, const std::string& path, double fallback,
                  double lo = -std::numeric_limits<double>::infinity(),
                  double hi = std::numeric_limits<double>::infinity()) {
  if (!obj.contains(key)) return fallback;
  return json_number(obj[key], path, lo, hi);
}

bool get_bool(const nlohmann::json& obj, const std::string& key, const std::string& path, bool fallback) {
  if (!obj.contains(key)) return fallback;
  if (!obj[key].is_boolean())
    throw ConfigError(path + ": expected true or false, got " + json_for_message(obj[key]));
  return obj[key].get<bool>();
}

double fraction(const nlohmann::json& obj, const std::string& key, const std::string& path, double fallback,
                double hi) {
  return get_number(obj, key, path, fallback, 0, hi);
}

/// A number of trading days in [1, kMaxRunDays].
int32_t day_count(const nlohmann::json& obj, const std::string& key, const std::string& path,
                  int32_t fallback) {
  if (!obj.contains(key)) return fallback;
  return static_cast<int32_t>(json_integer(obj[key], path, 1, kMaxRunDays));
}

/// execution.delisting_recovery: a fraction of the last close in [0, 1], or "last_close" (1) or "zero" (0).
double delisting_recovery(const nlohmann::json& v, const std::string& path) {
  if (v.is_string() && v.get<std::string>() == "last_close") return 1.0;
  if (v.is_string() && v.get<std::string>() == "zero") return 0.0;
  if (v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 1) return v.get<double>();
  throw ConfigError(
      path + ": expected a fraction of the last close in [0, 1], \"last_close\" (1) or \"zero\" (0), got " +
      json_for_message(v));
}

void parse_risk(const nlohmann::json& j, RunConfig& rc) {
  if (!j.is_object()) throw ConfigError("risk: expected an object");
  reject_unknown_keys(j, "risk",
                      {"max_weight", "max_gross", "cash_buffer", "max_turnover", "blacklist", "drawdown_stop",
                       "reenter_after_days", "reenter_on", "reenter_sma", "restore_on_reentry", "vol_target",
                       "vol_window", "vol_model"});
  RiskConfig& r = rc.risk;
  r.max_weight = fraction(j, "max_weight", "risk.max_weight", r.max_weight, 1.0);
  r.max_gross = fraction(j, "max_gross", "risk.max_gross", r.max_gross, 10.0);
  r.cash_buffer = fraction(j, "cash_buffer", "risk.cash_buffer", r.cash_buffer, 1.0);
  r.max_turnover = fraction(j, "max_turnover", "risk.max_turnover", r.max_turnover, 10.0);
  r.drawdown_stop = fraction(j, "drawdown_stop", "risk.drawdown_stop", r.drawdown_stop, 1.0);
  r.reenter_after_days = day_count(j, "reenter_after_days", "risk.reenter_after_days", r.reenter_after_days);
  const std::string reenter_on = get_string(j, "reenter_on", "risk.reenter_on", "days");
  if (reenter_on == "benchmark_sma")
    r.reenter_on = RiskConfig::Reentry::BenchmarkAboveSma;
  else if (reenter_on == "strategy")
    r.reenter_on = RiskConfig::Reentry::Strategy;
  else if (reenter_on != "days")
    throw ConfigError("risk.reenter_on: expected days, benchmark_sma or strategy, got '" + reenter_on + "'");
  r.reenter_sma = day_count(j, "reenter_sma", "risk.reenter_sma", r.reenter_sma);
  r.restore_on_reentry = get_bool(j, "restore_on_reentry", "risk.restore_on_reentry", r.restore_on_reentry);
  r.vol_target = fraction(j, "vol_target", "risk.vol_target", r.vol_target, 10.0);
  r.vol_window = day_count(j, "vol_window", "risk.vol_window", r.vol_window);
  const std::string model = get_string(j, "vol_model", "risk.vol_model", "nav");
  if (model == "covariance")
    r.vol_model = RiskConfig::VolModel::Covariance;
  else if (model != "nav")
    throw ConfigError("risk.vol_model: expected nav or covariance, got '" + model + "'");
  if (r.vol_target > 0 && r.vol_window < 2) throw ConfigError("risk.vol_window: expected at least 2 days");
  if (j.contains("blacklist")) {
    const auto& b = j["blacklist"];
    if (!b.is_array()) throw ConfigError("risk.blacklist: expected an array of symbols");
    for (size_t i = 0; i < b.size(); ++i) {
      if (!b[i].is_string())
        throw ConfigError("risk.blacklist[" + std::to_string(i) + "]: expected a symbol string, got " +
                          json_for_message(b[i]));
      rc.blacklist.push_back(b[i].get<std::string>());
    }
  }
}

}  // namespace

RunConfig parse_run_config(const nlohmann::json& config, std::filesystem::path base_dir) {
  if (!config.is_object()) throw ConfigError("config: expected a JSON object at the top level");
  reject_unknown_keys(
      config, "",
      {"data", "start", "end", "strategy", "execution", "costs", "risk", "capital", "benchmark", "seed",
       "days_per_year", "risk_free_rate", "description", "plugins", "derived_instruments"});
  RunConfig rc;
  rc.base_dir = std::move(base_dir);
  if (config.contains("data")) rc.data = config["data"];

  rc.start = get_string(config, "start", "start", "");
  rc.end = get_string(config, "end", "end", "");
  if (!rc.start.empty()) Date::parse(rc.start, "start");
  if (!rc.end.empty()) Date::parse(rc.end, "end");
  if (!rc.start.empty() && !rc.end.empty() && Date::parse(rc.end) < Date::parse(rc.start))
    throw ConfigError("end: " + rc.end + " is before start " + rc.start);

  if (!config.contains("strategy") || !config["strategy"].is_object())
    throw ConfigError("strategy: expected an object {\"name\": ..., \"params\": {...}}");
  const auto& s = config["strategy"];
  reject_unknown_keys(s, "strategy", {"name", "params"});
  if (!s.contains("name") || !s["name"].is_string())
    throw ConfigError("strategy.name: expected the name of a strategy (see `abt strategies`)");
  rc.strategy_name = s["name"].get<std::string>();
  rc.strategy_params = s.contains("params") ? s["params"] : nlohmann::json::object();
  if (!rc.strategy_params.is_object())
    throw ConfigError("strategy.params: expected an object, got " + json_for_message(rc.strategy_params));

  if (config.contains("execution")) {
    const auto& e = config["execution"];
    if (!e.is_object()) throw ConfigError("execution: expected an object");
    reject_unknown_keys(e, "execution",
                        {"fill", "profile", "lots", "price_limits", "t_plus_1", "block_suspended",
                         "participation", "retry_blocked", "delisting_recovery", "fractional_shares"});
    const std::string fill = get_string(e, "fill", "execution.fill", "next_open");
    const auto mode = parse_fill_mode(fill);
    if (!mode)
      throw ConfigError("execution.fill: expected next_open, close, next_close or next_bar_vwap, got '" +
                        fill + "'");
    rc.fill = *mode;
    const std::string profile = get_string(e, "profile", "execution.profile", "realistic");
    if (profile == "ideal")
      rc.rules = ExecutionRules::ideal();
    else if (profile != "realistic")
      throw ConfigError("execution.profile: expected realistic or ideal, got '" + profile + "'");
    rc.profile = profile;
    rc.rules.lots = get_bool(e, "lots", "execution.lots", rc.rules.lots);
    rc.rules.price_limits = get_bool(e, "price_limits", "execution.price_limits", rc.rules.price_limits);
    rc.rules.t_plus_1 = get_bool(e, "t_plus_1", "execution.t_plus_1", rc.rules.t_plus_1);
    rc.rules.block_suspended =
        get_bool(e, "block_suspended", "execution.block_suspended", rc.rules.block_suspended);
    rc.rules.retry_blocked = get_bool(e, "retry_blocked", "execution.retry_blocked", rc.rules.retry_blocked);
    rc.rules.fractional_shares =
        get_bool(e, "fractional_shares", "execution.fractional_shares", rc.rules.fractional_shares);
    if (e.contains("participation")) {
      const auto& p = e["participation"];
      if (!p.is_number() || !(p.get<double>() >= 0 && p.get<double>() <= 1))
        throw ConfigError(
            "execution.participation: expected a fraction of the bar volume in [0, 1] (0 = no cap), got " +
            json_for_message(p));
      rc.rules.participation = p.get<double>();
    }
    if (e.contains("delisting_recovery"))
      rc.rules.delisting_recovery =
          delisting_recovery(e["delisting_recovery"], "execution.delisting_recovery");
  }

  if (config.contains("costs")) rc.costs = config["costs"];
  if (config.contains("risk")) parse_risk(config["risk"], rc);
  rc.capital = get_number(config, "capital", "capital", rc.capital);
  if (!(rc.capital > 0)) throw ConfigError("capital: expected a positive amount of CNY");
  if (rc.capital > kMaxCapital)
    throw ConfigError(
        "capital: expected at most 1e13 CNY (money is exact to the fen below about 9e13 CNY), got " +
        json_for_message(config["capital"]));
  if (config.contains("benchmark") && config["benchmark"].is_object()) {
    DerivedRef ref = parse_derived_ref(config["benchmark"], "benchmark");
    rc.benchmark = ref.name;
    rc.benchmark_settings = std::move(ref.settings);
  } else {
    rc.benchmark = get_string(config, "benchmark", "benchmark", "");
  }
  if (config.contains("seed")) {
    if (!config["seed"].is_number_unsigned()) throw ConfigError("seed: expected a non-negative integer");
    rc.seed = config["seed"].get<uint64_t>();
  }
  rc.days_per_year =
      get_number(config, "days_per_year", "days_per_year", rc.days_per_year, 1, kMaxDaysPerYear);
  rc.risk_free_rate = get_number(config, "risk_free_rate", "risk_free_rate", rc.risk_free_rate, -1, 1);
  if (config.contains("plugins")) {
    const auto& list = config["plugins"];
    if (!list.is_array()) throw ConfigError("plugins: expected an array of plugin library paths");
    for (size_t k = 0; k < list.size(); ++k) {
      if (!list[k].is_string() || list[k].get<std::string>().empty())
        throw ConfigError("plugins[" + std::to_string(k) + "]: expected a path to a plugin library");
      std::filesystem::path path(list[k].get<std::string>());
      rc.plugins.push_back(path.is_absolute() ? path : rc.base_dir / path);
    }
  }
  if (config.contains("derived_instruments")) {
    const auto& list = config["derived_instruments"];
    if (!list.is_array())
      throw ConfigError(
          "derived_instruments: expected an array of derived instrument names or {\"NAME\": {settings}} "
          "(`abt strategies`)");
    for (size_t k = 0; k < list.size(); ++k) {
      rc.derived_instruments.push_back(parse_derived_ref(
          list[k], std::string("derived_instruments[").append(std::to_string(k)).append("]")));
    }
  }
  if (config.contains("description") && !config["description"].is_string())
    throw ConfigError("description: expected a string");
  return rc;
}

}  // namespace abt
