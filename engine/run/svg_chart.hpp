#pragma once
// Inline SVG charts for the self-contained HTML pages (report.html, abt compare --html). Written here, no
// library: plain SVG text with axes, gridlines, a legend and one polyline (or bar set) per series.
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
  std::string y_format = "%.2f";  // printf format of the y tick labels
  std::string css_class;          // class attribute of the <svg> (e.g. to toggle linear/log views)
};

/// `x_labels` has one label per x position (dates); about 8 of them are printed on the x axis.
std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                           const ChartOptions& options);

/// Escapes &, <, >, " for HTML text and attributes.
std::string html_escape(const std::string& text);

}  // namespace abt
