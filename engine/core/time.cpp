#include "engine/core/time.hpp"

#include <cstdio>

#include "engine/core/error.hpp"

namespace abt {
namespace {

// Howard Hinnant's days-from-civil algorithm (public domain description), re-derived here.
int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// In 64-bit arithmetic: every int32 day (Date::min() and Date::max() included) converts without overflow
// (z + 719468 overflowed int32 for Date::max(), which messages format).
void civil_from_days(int32_t days, int& y, int& m, int& d) {
  const int64_t z = int64_t{days} + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp + (mp < 10 ? 3 : -9));
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));  // |y| < 5.9 million
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Parses exactly `width` digits starting at text[pos]; returns -1 on a non-digit.
int digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
  return Date{days_from_civil(year, month, day)};
}

bool Date::try_parse(std::string_view text, Date& out) {
  int y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  } else if (text.size() == 8) {
    y = digits(text, 0, 4), m = digits(text, 4, 2), d = digits(text, 6, 2);
  } else {
    return false;
  }
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
  out = from_ymd(y, m, d);
  return true;
}

Date Date::parse(std::string_view text, std::string_view what) {
  Date d;
  if (!try_parse(text, d))
    throw ConfigError(std::string(what) + ": expected a date YYYY-MM-DD, got '" + std::string(text) + "'");
  return d;
}

void Date::to_ymd(int& year, int& month, int& day) const {
  civil_from_days(days, year, month, day);
}

int Date::year() const {
  int y, m, d;
  to_ymd(y, m, d);
  return y;
}

int Date::month() const {
  int y, m, d;
  to_ymd(y, m, d);
  return m;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (weekday 3).
  const int w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

std::string Date::to_string() const {
  int y, m, d;
  to_ymd(y, m, d);
  if (y >= 0 && y <= 9999) {  // what "%04d-%02d-%02d" writes, without snprintf (result files call this a lot)
    const char text[10] = {static_cast<char>('0' + y / 1000),
                           static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10),
                           static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),
                           static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + d / 10),
                           static_cast<char>('0' + d % 10)};
    return std::string(text, sizeof text);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int32_t Date::yyyymmdd() const {
  int y, m, d;
  to_ymd(y, m, d);
  // Years beyond 9999 (Date::max()) have no YYYYMMDD; clamp instead of overflowing int32.
  if (y > 9999) return 99991231;
  if (y < 0) return 0;
  return y * 10000 + m * 100 + d;
}

bool Timestamp::try_parse(std::string_view text, Timestamp& out) {
  Date d;
  if (text.size() == 10 || text.size() == 8) {
    if (!Date::try_parse(text, d)) return false;
    out = of(d, 15, 0);
    return true;
  }
  if (text.size() < 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return false;
  if (!Date::try_parse(text.substr(0, 10), d)) return false;
  const int hh = digits(text, 11, 2), mm = digits(text, 14, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return false;
  if (text.size() != 16) {
    if (text.size() != 19 || text[16] != ':' || digits(text, 17, 2) != 0) return false;
  }
  out = of(d, hh, mm);
  return true;
}

Timestamp Timestamp::parse(std::string_view text, std::string_view what) {
  Timestamp t;
  if (!try_parse(text, t))
    throw ConfigError(std::string(what) + ": expected 'YYYY-MM-DD HH:MM[:00]', got '" + std::string(text) +
                      "'");
  return t;
}

std::string Timestamp::to_string() const {
  const int mod = minute_of_day();
  std::string text = date().to_string();
  if (mod >= 0 && mod < 100 * 60) {  // " %02d:%02d" without snprintf
    const int h = mod / 60, m = mod % 60;
    const char hm[6] = {' ', static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10),
                        ':', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
    return text.append(hm, sizeof hm);
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, " %02d:%02d", mod / 60, mod % 60);
  return text.append(buf);
}

}  // namespace abt
