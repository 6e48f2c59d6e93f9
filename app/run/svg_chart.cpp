#include "app/run/svg_chart.hpp"

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

std::string tick_label(const ChartOptions& o, double v, double step) {
  char buf[64];
  if (o.percent) {
    const double p = v * 100.0, s = step * 100.0;
    const int decimals = s >= 1 ? 0 : s >= 0.1 ? 1 : 2;
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, std::fabs(p) < 1e-12 ? 0.0 : p);
  } else {
    std::snprintf(buf, sizeof buf, o.y_format.c_str(), std::fabs(v) < 1e-12 * std::max(1.0, step) ? 0.0 : v);
  }
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

std::vector<double> nice_ticks(double lo, double hi, int target) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
  const double raw = (hi - lo) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push_back(t);
  return ticks;
}

std::string svg_line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                           const ChartOptions& o) {
  const double left = 70, right = 45, top = 28, bottom = 30;
  const double plot_w = o.width - left - right, plot_h = o.height - top - bottom;
  auto transform = [&](double v) { return o.log_scale ? std::log10(v) : v; };
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  const size_t n = x_labels.size();
  for (const auto& s : series)
    for (double v : s.values)
      if (std::isfinite(v) && (!o.log_scale || v > 0)) {
        lo = std::min(lo, transform(v));
        hi = std::max(hi, transform(v));
      }
  for (double l : o.levels)
    if (std::isfinite(l) && (!o.log_scale || l > 0)) {
      lo = std::min(lo, transform(l));
      hi = std::max(hi, transform(l));
    }
  if (o.bars || o.area) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (hi - lo < 1e-12) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  if (o.y_min && !o.log_scale) lo = std::max(lo, *o.y_min);
  auto x_of = [&](size_t i) {
    return left + (n > 1 ? plot_w * static_cast<double>(i) / static_cast<double>(n - 1) : plot_w / 2);
  };
  auto y_of = [&](double v) {
    return top + plot_h * (1 - (std::clamp(transform(v), lo, hi) - lo) / (hi - lo));
  };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(o.width) +
                    " " + std::to_string(o.height) + "\" width=\"" + std::to_string(o.width) +
                    "\" height=\"" + std::to_string(o.height) + "\"" +
                    (o.css_class.empty() ? "" : " class=\"" + o.css_class + "\"") + " role=\"img\">";
  svg += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
  // Y ticks at rounded values (in log10 space on a log axis: 1, 2, 5 x 10^k where they fit).
  std::vector<double> ticks;
  double step = 0;
  if (o.log_scale) {
    for (int e = static_cast<int>(std::floor(lo)); e <= static_cast<int>(std::ceil(hi)); ++e)
      for (double m : {1.0, 2.0, 5.0}) {
        const double v = m * std::pow(10.0, e);
        if (std::log10(v) >= lo && std::log10(v) <= hi) ticks.push_back(v);
      }
    if (ticks.size() > 8) {  // too dense: powers of ten only
      std::vector<double> tens;
      for (double v : ticks)
        if (std::fabs(std::log10(v) - std::round(std::log10(v))) < 1e-9) tens.push_back(v);
      ticks = tens;
    }
    step = ticks.empty() ? 1 : ticks.front();
  } else {
    ticks = nice_ticks(lo, hi, 5);
    step = ticks.size() > 1 ? ticks[1] - ticks[0] : (hi - lo);
  }
  for (double tv : ticks) {
    const double y = y_of(tv);
    svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" +
           num(y) + "\" stroke=\"#e3e3e3\"/>";
    svg += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">" +
           html_escape(tick_label(o, tv, o.log_scale ? tv : step)) + "</text>";
  }
  // X labels: about 8.
  const size_t every = std::max<size_t>(1, n / 8);
  for (size_t i = 0; i < n; i += every)
    svg += "<text x=\"" + num(x_of(i)) + "\" y=\"" + num(top + plot_h + 18) +
           "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">" + html_escape(x_labels[i]) + "</text>";
  svg += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(plot_w) + "\" height=\"" +
         num(plot_h) + "\" fill=\"none\" stroke=\"#999\"/>";
  for (double l : o.levels)
    if (std::isfinite(l) && (!o.log_scale || l > 0))
      svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y_of(l)) + "\" x2=\"" + num(left + plot_w) +
             "\" y2=\"" + num(y_of(l)) + "\" stroke=\"#888\" stroke-dasharray=\"5,4\"/>";
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
    size_t first = n, last = 0;
    for (size_t i = 0; i < series[s].values.size() && i < n; ++i) {
      const double v = series[s].values[i];
      if (!std::isfinite(v) || (o.log_scale && v <= 0)) {
        pen_down = false;
        continue;
      }
      first = std::min(first, i);
      last = i;
      path += pen_down ? 'L' : 'M';
      path += num(x_of(i));
      path += ' ';
      path += num(y_of(v));
      path += ' ';
      pen_down = true;
    }
    if (o.area && s == 0 && first < n) {
      const std::string closed = path + "L" + num(x_of(last)) + " " + num(y_of(0)) + " L" + num(x_of(first)) +
                                 " " + num(y_of(0)) + " Z";
      svg += "<path d=\"" + closed + "\" fill=\"" + series[s].color +
             "\" fill-opacity=\"0.35\" stroke=\"none\"/>";
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
