#include "engine/run/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace abt {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string label(const std::string& format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format.c_str(), v);
  return buf;
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                           const ChartOptions& o) {
  const double left = 70, right = 45, top = 28, bottom = 30;
  const double plot_w = o.width - left - right, plot_h = o.height - top - bottom;
  auto transform = [&](double v) { return o.log_scale ? std::log(v) : v; };
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  size_t n = x_labels.size();
  for (const auto& s : series)
    for (double v : s.values)
      if (std::isfinite(v) && (!o.log_scale || v > 0)) {
        lo = std::min(lo, transform(v));
        hi = std::max(hi, transform(v));
      }
  if (o.bars) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (hi - lo < 1e-12) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  auto x_of = [&](size_t i) {
    return left + (n > 1 ? plot_w * static_cast<double>(i) / static_cast<double>(n - 1) : 0);
  };
  auto y_of = [&](double v) { return top + plot_h * (1 - (transform(v) - lo) / (hi - lo)); };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(o.width) +
                    " " + std::to_string(o.height) + "\" width=\"" + std::to_string(o.width) +
                    "\" height=\"" + std::to_string(o.height) + "\"" +
                    (o.css_class.empty() ? "" : " class=\"" + o.css_class + "\"") + " role=\"img\">";
  svg += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
  // Y gridlines and labels: 5 ticks.
  for (int t = 0; t <= 4; ++t) {
    const double tv = lo + (hi - lo) * t / 4.0;
    const double y = top + plot_h * (1 - t / 4.0);
    const double shown = o.log_scale ? std::exp(tv) : tv;
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" +
           num(y) + "\" stroke=\"#e3e3e3\"/>";
    svg += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">" + html_escape(label(o.y_format, shown)) +
           "</text>";
  }
  // X labels: about 8.
  const size_t step = std::max<size_t>(1, n / 8);
  for (size_t i = 0; i < n; i += step)
    svg += "<text x=\"" + num(x_of(i)) + "\" y=\"" + num(top + plot_h + 18) +
           "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">" + html_escape(x_labels[i]) + "</text>";
  svg += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(plot_w) + "\" height=\"" +
         num(plot_h) + "\" fill=\"none\" stroke=\"#999\"/>";
  if (o.bars && !series.empty()) {
    const double w = std::max(1.0, plot_w / std::max<size_t>(n, 1) * 0.8);
    const double y0 = y_of(0);
    for (size_t i = 0; i < series[0].values.size() && i < n; ++i) {
      const double v = series[0].values[i];
      if (!std::isfinite(v)) continue;
      const double y = y_of(v);
      svg += "<rect x=\"" + num(x_of(i) - w / 2) + "\" y=\"" + num(std::min(y, y0)) + "\" width=\"" + num(w) +
             "\" height=\"" + num(std::fabs(y0 - y)) + "\" fill=\"" + series[0].color + "\"/>";
    }
  }
  for (size_t s = o.bars ? 1 : 0; s < series.size(); ++s) {
    std::string path;
    bool pen_down = false;
    for (size_t i = 0; i < series[s].values.size() && i < n; ++i) {
      const double v = series[s].values[i];
      if (!std::isfinite(v) || (o.log_scale && v <= 0)) {
        pen_down = false;
        continue;
      }
      path += pen_down ? 'L' : 'M';
      path += num(x_of(i));
      path += ' ';
      path += num(y_of(v));
      path += ' ';
      pen_down = true;
    }
    svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + series[s].color + "\" stroke-width=\"1.4\"/>";
  }
  // Legend.
  double lx = left;
  for (const auto& s : series) {
    svg += "<rect x=\"" + num(lx) + "\" y=\"8\" width=\"12\" height=\"12\" fill=\"" + s.color + "\"/>";
    svg += "<text x=\"" + num(lx + 16) + "\" y=\"18\" font-size=\"12\" fill=\"#222\">" + html_escape(s.name) +
           "</text>";
    lx += 30 + 7.0 * static_cast<double>(s.name.size());
  }
  svg += "</svg>";
  return svg;
}

}  // namespace abt
