#pragma once
// The attribution document (app/run/attribution_runner.hpp) as attribution.csv and as the console table.
// Pure functions of the document: byte-identical for the same document.
#include <string>

#include <nlohmann/json.hpp>

namespace abt {

/// attribution.csv: a header, one row per step (ideal first) and a last "realistic" row whose deltas are the
/// whole gap (realistic - ideal). Numbers are written exactly (shortest round-trip form); d_* = the step's
/// delta; `ran` is false for a step that changes nothing for this config (`note` says why).
std::string attribution_csv(const nlohmann::json& doc);

/// The console table: per step the total and annual return with what the step took (percentage points),
/// Sharpe, fees, slippage, fills and blocked intents; then the realistic row and the telescoping line.
std::string attribution_text(const nlohmann::json& doc);

/// A number as a percentage with `decimals` digits ("12.34 %"), or as signed percentage points ("-0.14").
std::string attribution_percent(double fraction, int decimals);
std::string attribution_points(double fraction, int decimals);

}  // namespace abt
