#pragma once
// Regression checks against golden files (docs/ci-regression.md). A golden file holds what a run must
// reproduce:
//   {"data_fingerprint": "...", "metrics": {...result.json metrics...}, "trades_hash": "..."}
// A run with plugins adds "plugins": [{"name", "version", "sha256", "strategies"}] (no key without plugins,
// so goldens of built-in strategies do not change). Plugins are not checks: when a golden's plugin builds
// differ from the loaded ones, the comparison lists the changes (plugin_changes) as the likely cause of a
// difference. The fingerprint and the trades hash must match exactly; every metric of the golden must exist
// now and, when numeric, lie within its tolerance; other values (dates, null) must be equal. Metrics that
// exist now but not in the golden are ignored (new metrics do not break old goldens). Both `abt regress` and
// the golden unit test use this code.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/market_data.hpp"
#include "app/run/run_output.hpp"

namespace abt {

/// A numeric metric holds when |now - golden| <= max(absolute, relative x |golden|).
struct Tolerance {
  double absolute = 1e-9;
  double relative = 1e-9;
  double allowed(double golden) const;
};

/// Per-metric tolerances over a default. File format (all keys optional):
///   {"default": {"abs": 1e-9, "rel": 1e-9}, "metrics": {"sharpe": {"abs": 1e-6}, "costs": {"rel": 1e-6}}}
/// A metric's entry replaces only the fields it names; the rest come from the default.
class ToleranceSet {
 public:
  ToleranceSet() = default;
  /// Throws ConfigError naming `where` and the JSON path for a malformed document.
  static ToleranceSet from_json(const nlohmann::json& doc, const std::string& where);
  /// "NAME=ABS" or "NAME=ABS,REL"; NAME "*" sets the default. Throws ConfigError when malformed.
  void apply_assignment(const std::string& assignment);
  Tolerance for_metric(const std::string& name) const;

 private:
  Tolerance default_;
  std::map<std::string, nlohmann::json> overrides_;  // metric -> {"abs"?, "rel"?}
};

/// What a golden file holds for a run.
nlohmann::json golden_document(const RunOutput& output, const MarketData& data);

struct GoldenCheck {
  std::string item;  // "data_fingerprint", "trades_hash" or "metrics.<name>"
  std::string golden, now, tolerance;
  bool ok = true;
};

struct GoldenComparison {
  std::vector<GoldenCheck> checks;  // in a stable order: fingerprint, metrics (sorted), trades hash
  /// Plugin builds that differ between the golden and now (app/run/plugin_provenance.hpp); not checks.
  std::vector<std::string> plugin_changes;
  bool ok() const;
  size_t failures() const;
};

GoldenComparison compare_with_golden(const nlohmann::json& golden, const nlohmann::json& now,
                                     const ToleranceSet& tolerances);

/// A fixed-width table (item, golden, now, tolerance, status) of the failing checks, or of all with `all`.
std::string format_comparison(const GoldenComparison& comparison, bool all);

}  // namespace abt
