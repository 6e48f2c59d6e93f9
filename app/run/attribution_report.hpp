#pragma once
// attribution.html: the attribution document (app/run/attribution_runner.hpp) as a self-contained page
// (inline CSS and SVG, no scripts or external files), styled like report.html: a waterfall chart of the total
// return and one of the annual return from ideal to realistic (one floating bar per step, red where the
// step costs return, green where it adds), the table of attribution.csv and the order and its caveat.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace abt {

std::string attribution_html(const nlohmann::json& doc);

/// One bar of a waterfall: a total (drawn from the axis floor to `to`) or a step (from `from` to `to`).
struct WaterfallBar {
  std::string label;
  double from = 0, to = 0;
  bool total = false;
};

/// An inline SVG waterfall of fractions (labels in percent, steps in signed percentage points). The y axis
/// spans the bars' values with rounded ticks and need not start at 0 (small steps of a large return stay
/// visible); totals are drawn from the axis floor.
std::string svg_waterfall(const std::vector<WaterfallBar>& bars, const std::string& title, int width = 900,
                          int height = 340);

}  // namespace abt
