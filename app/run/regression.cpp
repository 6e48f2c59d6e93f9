#include "app/run/regression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/core/error.hpp"
#include "app/run/plugin_provenance.hpp"
#include "app/run/result_writer.hpp"
#include "engine/core/json_text.hpp"

namespace abt {
namespace {

std::string show(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>().empty() ? "\"\"" : v.get<std::string>();
  if (v.is_number_float()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
    return buf;
  }
  return v.dump();
}

std::string show_number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

double tolerance_field(const nlohmann::json& object, const char* key, double fallback,
                       const std::string& where) {
  if (!object.contains(key)) return fallback;
  const auto& v = object[key];
  if (!v.is_number() || !(v.get<double>() >= 0) ||
      !std::isfinite(v.get<double>()))  // stod reads "nan", "inf"
    throw ConfigError(where + "." + key + ": expected a non-negative number, got " + json_for_message(v));
  return v.get<double>();
}

void check_tolerance_keys(const nlohmann::json& object, const std::string& where) {
  if (!object.is_object())
    throw ConfigError(where + ": expected an object like {\"abs\": 1e-9, \"rel\": 1e-9}");
  for (const auto& [key, value] : object.items())
    if (key != "abs" && key != "rel")
      throw ConfigError(where + "." + key + ": unknown key (expected abs, rel)");
  tolerance_field(object, "abs", 0, where);
  tolerance_field(object, "rel", 0, where);
}

}  // namespace

double Tolerance::allowed(double golden) const {
  return std::max(absolute, relative * std::fabs(golden));
}

ToleranceSet ToleranceSet::from_json(const nlohmann::json& doc, const std::string& where) {
  ToleranceSet set;
  if (!doc.is_object())
    throw ConfigError(where + ": expected a JSON object with \"default\" and/or \"metrics\"");
  for (const auto& [key, value] : doc.items()) {
    if (key == "default") {
      check_tolerance_keys(value, where + ": default");
      set.default_.absolute = tolerance_field(value, "abs", set.default_.absolute, where);
      set.default_.relative = tolerance_field(value, "rel", set.default_.relative, where);
    } else if (key == "metrics") {
      if (!value.is_object())
        throw ConfigError(where + ": metrics: expected an object of metric -> tolerance");
      for (const auto& [metric, tol] : value.items()) {
        check_tolerance_keys(tol, where + ": metrics." + metric);
        set.overrides_[metric] = tol;
      }
    } else {
      throw ConfigError(where + ": " + key + ": unknown key (expected default, metrics)");
    }
  }
  return set;
}

void ToleranceSet::apply_assignment(const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string what = "--tolerance " + assignment;
  if (eq == std::string::npos || eq == 0)
    throw ConfigError(what + ": expected NAME=ABS or NAME=ABS,REL (NAME * for the default)");
  const std::string name = assignment.substr(0, eq), values = assignment.substr(eq + 1);
  const auto comma = values.find(',');
  nlohmann::json tol = nlohmann::json::object();
  try {
    size_t used = 0;
    const std::string abs_text = values.substr(0, comma);
    tol["abs"] = std::stod(abs_text, &used);
    if (used != abs_text.size()) throw std::invalid_argument("trailing text");
    if (comma != std::string::npos) {
      const std::string rel_text = values.substr(comma + 1);
      tol["rel"] = std::stod(rel_text, &used);
      if (used != rel_text.size()) throw std::invalid_argument("trailing text");
    }
  } catch (const std::exception&) {
    throw ConfigError(what + ": expected numbers, like sharpe=1e-6 or costs=0.01,1e-6");
  }
  check_tolerance_keys(tol, what);
  if (name == "*") {
    default_.absolute = tol["abs"].get<double>();
    if (tol.contains("rel")) default_.relative = tol["rel"].get<double>();
  } else {
    overrides_[name] = tol;
  }
}

Tolerance ToleranceSet::for_metric(const std::string& name) const {
  Tolerance t = default_;
  if (const auto it = overrides_.find(name); it != overrides_.end()) {
    t.absolute = it->second.value("abs", t.absolute);
    t.relative = it->second.value("rel", t.relative);
  }
  return t;
}

nlohmann::json golden_document(const RunOutput& output, const MarketData& data) {
  nlohmann::json doc = {{"data_fingerprint", data.fingerprint},
                        {"metrics", metrics_to_json(output.metrics)},
                        {"trades_hash", trades_hash(trades_csv(output, data))}};
  if (!output.plugins.empty()) doc["plugins"] = plugin_identities(output.plugins);
  return doc;
}

bool GoldenComparison::ok() const {
  return failures() == 0;
}

size_t GoldenComparison::failures() const {
  return static_cast<size_t>(
      std::count_if(checks.begin(), checks.end(), [](const GoldenCheck& c) { return !c.ok; }));
}

GoldenComparison compare_with_golden(const nlohmann::json& golden, const nlohmann::json& now,
                                     const ToleranceSet& tolerances) {
  GoldenComparison out;
  auto exact = [&](const std::string& key) {
    const nlohmann::json g = golden.value(key, nlohmann::json()), n = now.value(key, nlohmann::json());
    out.checks.push_back({key, show(g), show(n), "exact", g == n});
  };
  exact("data_fingerprint");
  const nlohmann::json& golden_metrics =
      golden.contains("metrics") ? golden["metrics"] : nlohmann::json::object();
  const nlohmann::json& now_metrics = now.contains("metrics") ? now["metrics"] : nlohmann::json::object();
  for (const auto& [name, g] : golden_metrics.items()) {
    GoldenCheck check{"metrics." + name, show(g), "(missing)", "exact", false};
    if (now_metrics.contains(name)) {
      const nlohmann::json& n = now_metrics[name];
      check.now = show(n);
      if (g.is_number() && n.is_number()) {
        const Tolerance t = tolerances.for_metric(name);
        const double allowed = t.allowed(g.get<double>());
        check.tolerance = show_number(allowed);
        check.ok = std::fabs(n.get<double>() - g.get<double>()) <= allowed;
      } else {
        check.ok = g == n;
      }
    }
    out.checks.push_back(std::move(check));
  }
  exact("trades_hash");
  out.plugin_changes = plugin_changes(golden.value("plugins", nlohmann::json::array()),
                                      now.value("plugins", nlohmann::json::array()));
  return out;
}

std::string format_comparison(const GoldenComparison& comparison, bool all) {
  std::vector<const GoldenCheck*> rows;
  for (const GoldenCheck& c : comparison.checks)
    if (all || !c.ok) rows.push_back(&c);
  size_t w[4] = {6, 6, 3, 9};
  for (const GoldenCheck* c : rows) {
    w[0] = std::max(w[0], c->item.size());
    w[1] = std::max(w[1], c->golden.size());
    w[2] = std::max(w[2], c->now.size());
    w[3] = std::max(w[3], c->tolerance.size());
  }
  auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                  const std::string& e) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "  %-*s  %-*s  %-*s  %-*s  %s\n", static_cast<int>(w[0]), a.c_str(),
                  static_cast<int>(w[1]), b.c_str(), static_cast<int>(w[2]), c.c_str(),
                  static_cast<int>(w[3]), d.c_str(), e.c_str());
    return std::string(buf);
  };
  std::string out = line("metric", "golden", "now", "tolerance", "status");
  for (const GoldenCheck* c : rows)
    out += line(c->item, c->golden, c->now, c->tolerance, c->ok ? "ok" : "DIFFERS");
  return out;
}

}  // namespace abt
