#pragma once
// Inline SVG charts for the self-contained HTML pages (report.html, abt compare --html). Written here, no
// library: plain SVG text with "nice" rounded axis ticks (1, 2, 5 x 10^k), gridlines, a legend and one path
// (or bar set) per series.
#include <optional>
#include <string>
#include <vector>

namespace abt {

struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per x position; NaN = gap
  std::string color;           // CSS color
};

struct ChartOptions {
  int width = 900, height = 260;
  bool log_scale = false;         // y on a log axis (values must be > 0)
  bool bars = false;              // draw the first series as bars from 0 instead of lines
  bool area = false;              // fill the first series down to 0 (an underwater chart)
  bool percent = false;           // y labels as percentages of the values (0.1 -> "10%")
  std::string y_format = "%.2f";  // printf format of the y tick labels (without `percent`)
  std::optional<double> y_min;    // the axis never goes below this (e.g. 0 for a NAV)
  std::vector<double> levels;     // dashed horizontal reference lines (e.g. signal thresholds)
  std::string css_class;          // class attribute of the <svg> (e.g. to toggle linear/log views)
};

/// `x_labels` has one label per x position (dates or bins); about 8 of them are printed on the x axis.
std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                           const ChartOptions& options);

/// Tick values for an axis over [lo, hi]: multiples of a step of 1, 2 or 5 x 10^k, about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Escapes &, <, >, " for HTML text and attributes.
std::string html_escape(const std::string& text);

}  // namespace abt
