#include "app/run/attribution_table.hpp"

#include <cmath>
#include <cstdio>

#include "app/run/attribution_runner.hpp"
#include "app/run/number_format.hpp"

namespace abt {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const nlohmann::json& v) {
  return v.is_null() ? std::string() : v.dump();
}

/// One CSV line of a step (or the realistic row) with its delta (null for the first step).
std::string csv_line(const std::string& step, const std::string& label, bool ran, const nlohmann::json& m,
                     const nlohmann::json& delta, const std::string& note) {
  std::string line = csv_field(step) + "," + csv_field(label) + "," + (ran ? "true" : "false");
  for (const std::string& name : attribution_delta_metrics()) {
    line.append(",").append(number(m[name]));
    line.append(",").append(delta.is_null() ? std::string() : number(delta[name]));
  }
  return line + "," + csv_field(note) + "\n";
}

std::string padded(const std::string& text, size_t width, bool right) {
  if (text.size() >= width) return text;
  const std::string pad(width - text.size(), ' ');
  return right ? pad + text : text + pad;
}

std::string grouped(double value) {
  const std::string digits = format_fixed(std::fabs(value), 0);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (value < -0.5 ? "-" : "") + out;
}

}  // namespace

std::string attribution_percent(double fraction, int decimals) {
  return format_fixed(fraction * 100.0, decimals) + " %";
}

std::string attribution_points(double fraction, int decimals) {
  std::string text = format_fixed(fraction * 100.0, decimals);
  const double shown = std::stod(text);
  if (shown == 0 && text.front() == '-') text.erase(0, 1);  // "-0.00" -> "0.00"
  return shown > 0 ? std::string("+") + text : text;
}

std::string attribution_csv(const nlohmann::json& doc) {
  std::string out = "step,label,ran";
  for (const std::string& name : attribution_delta_metrics()) out += std::string(",") + name + ",d_" + name;
  out += ",note\n";
  for (const auto& s : doc["steps"])
    out += csv_line(s["step"].get<std::string>(), s["label"].get<std::string>(), s["ran"].get<bool>(),
                    s["metrics"], s["delta"], s["note"].get<std::string>());
  out += csv_line("realistic", doc["realistic"]["label"].get<std::string>(), true,
                  doc["realistic"]["metrics"], doc["gap"], "d_* = realistic - ideal, the sum of the steps");
  return out;
}

std::string attribution_text(const nlohmann::json& doc) {
  struct Column {
    const char* title;
    size_t width;
    bool right;
  };
  const std::vector<Column> columns = {{"step", 14, false},
                                       {"total return", 13, true},
                                       {"step (pp)", 10, true},
                                       {"annual", 9, true},
                                       {"step (pp)", 10, true},
                                       {"Sharpe", 7, true},
                                       {"fees (CNY)", 13, true},
                                       {"slippage", 12, true},
                                       {"fills", 7, true},
                                       {"blocked", 8, true},
                                       {"", 0, false}};
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      out += padded(cells[i], columns[i].width, columns[i].right);
      if (i + 1 < cells.size()) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  auto row = [&](const std::string& name, const nlohmann::json& m, const nlohmann::json& d,
                 const std::string& note) {
    const bool has_delta = !d.is_null();
    return line({name, attribution_percent(m["total_return"].get<double>(), 2),
                 has_delta ? attribution_points(d["total_return"].get<double>(), 2) : "",
                 attribution_percent(m["annual_return"].get<double>(), 2),
                 has_delta ? attribution_points(d["annual_return"].get<double>(), 3) : "",
                 format_fixed(m["sharpe"].get<double>(), 3), grouped(m["fees"].get<double>()),
                 grouped(m["slippage"].get<double>()), std::to_string(m["fills"].get<int64_t>()),
                 std::to_string(m["blocked"].get<int64_t>()), note});
  };
  std::vector<std::string> titles;
  for (const Column& c : columns) titles.emplace_back(c.title);
  std::string out = line(titles);
  for (const auto& s : doc["steps"]) {
    const std::string note = s["ran"].get<bool>() ? s["label"].get<std::string>()
                                                  : std::string("no change: ") + s["note"].get<std::string>();
    out += row(s["step"].get<std::string>(), s["metrics"], s["delta"], note);
  }
  out += row("realistic", doc["realistic"]["metrics"], doc["gap"], "the whole gap: realistic - ideal");
  const double gap = doc["gap"]["total_return"].get<double>();
  const double sum = doc["sum_of_steps"]["total_return"].get<double>();
  out += std::string("the steps add up to the gap: ") + attribution_points(sum, 4) +
         " pp of total return = realistic - ideal " + attribution_points(gap, 4) +
         " pp; the last step equals the realistic run (same trades)\n";
  return out;
}

}  // namespace abt
