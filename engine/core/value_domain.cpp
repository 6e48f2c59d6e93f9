#include "engine/core/value_domain.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace abt {
namespace {

bool is_price_column(std::string_view c) {
  return c == "open" || c == "high" || c == "low" || c == "close" || c == "vwap" || c == "pre_close";
}

std::string quoted(std::string_view s) {
  std::string out(1, '\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

}  // namespace

ValueDomain domain_of_column(std::string_view c) {
  if (is_price_column(c) || c == "adj_factor") return ValueDomain::Positive;
  if (c == "volume" || c == "amount" || c == "total_shares" || c == "float_shares" || c == "free_shares" ||
      c == "total_mv" || c == "circ_mv" || c == "turnover_rate")
    return ValueDomain::NonNegative;
  if (c == "is_st") return ValueDomain::Status;
  if (c.starts_with("member_")) return ValueDomain::Flag;
  return ValueDomain::Finite;
}

bool in_domain(double v, ValueDomain d) {
  if (!std::isfinite(v)) return false;
  switch (d) {
    case ValueDomain::Finite:
      return true;
    case ValueDomain::Positive:
      return v > 0;
    case ValueDomain::NonNegative:
      return v >= 0;
    case ValueDomain::Status:
      return v == 0 || v == 1 || v == 2;
    case ValueDomain::Flag:
      return v == 0 || v == 1;
  }
  return false;
}

std::string expected_value(ValueDomain d, std::string_view column) {
  switch (d) {
    case ValueDomain::Finite:
      return "a finite number";
    case ValueDomain::Positive:
      return is_price_column(column)  ? "a positive price"
             : column == "adj_factor" ? "a positive adjustment factor"
                                      : "a positive number";
    case ValueDomain::NonNegative:
      return "a non-negative number";
    case ValueDomain::Status:
      return "a status 0, 1 or 2";
    case ValueDomain::Flag:
      return "0 or 1";
  }
  return "a number";
}

ValueRead read_value(std::string_view text, ValueDomain d, double& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  // from_chars also reads "inf", "nan" and "infinity"; a number starts with a digit or '.' after its sign.
  const size_t first = !text.empty() && text.front() == '-' ? 1 : 0;
  if (first >= text.size() || !((text[first] >= '0' && text[first] <= '9') || text[first] == '.'))
    return ValueRead::NotANumber;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (end != text.data() + text.size()) return ValueRead::NotANumber;
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves v untouched: strtod tells overflow (HUGE_VAL) from underflow (1e-400: zero).
    v = std::strtod(std::string(text).c_str(), nullptr);
    if (std::fabs(v) > 1) return ValueRead::NotFinite;
    v = 0;
  } else if (ec != std::errc()) {
    return ValueRead::NotANumber;
  }
  if (!std::isfinite(v)) return ValueRead::NotFinite;
  if (!in_domain(v, d)) return ValueRead::OutOfDomain;
  out = v;
  return ValueRead::Ok;
}

ValueRead read_value(std::string_view text, ValueDomain d, float& out) {
  double v = 0;
  const ValueRead r = read_value(text, d, v);
  if (r != ValueRead::Ok) return r;
  if (std::fabs(v) > std::numeric_limits<float>::max()) return ValueRead::NotFinite;
  const auto f = static_cast<float>(v);
  if (!in_domain(f, d)) return ValueRead::OutOfDomain;  // 1e-50 > 0 but rounds to 0.0f
  out = f;
  return ValueRead::Ok;
}

std::string value_error(ValueRead r, ValueDomain d, std::string_view column, std::string_view text) {
  switch (r) {
    case ValueRead::Ok:
      return {};
    case ValueRead::NotANumber:
      return "expected a number, got " + quoted(text);
    case ValueRead::NotFinite:
      return "expected a finite number within float32 range (|x| < 3.4e38), got " + quoted(text);
    case ValueRead::OutOfDomain:
      return "expected " + expected_value(d, column) + ", got " + quoted(text);
  }
  return {};
}

std::optional<std::string> binary_value_problem(double v, ValueDomain d, std::string_view column) {
  if (std::isnan(v) || in_domain(v, d)) return std::nullopt;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return "expected " + expected_value(d, column) + " or NaN (no value), got " + buf;
}

Date first_market_date() {
  return Date::from_ymd(1990, 12, 19);
}

Date last_market_date() {
  return Date::from_ymd(2100, 12, 31);
}

Date first_reference_date() {
  return Date::from_ymd(1980, 1, 1);
}

std::optional<std::string> reference_date_problem(Date d) {
  if (d < first_reference_date() || d > last_market_date())
    return d.to_string() + " is outside the reference-date range " + first_reference_date().to_string() +
           " .. " + last_market_date().to_string();
  return std::nullopt;
}

std::optional<std::string> market_date_problem(Date d) {
  if (d < first_market_date() || d > last_market_date())
    return d.to_string() + " is outside the market-date range " + first_market_date().to_string() + " .. " +
           last_market_date().to_string();
  const int w = d.weekday();
  if (w >= 5)
    return d.to_string() + " is a " + (w == 5 ? "Saturday" : "Sunday") +
           " (A-shares never trade on weekends)";
  return std::nullopt;
}

}  // namespace abt
