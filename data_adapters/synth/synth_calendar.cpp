#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/synth_calendar.hpp"

#include <array>
#include <vector>

namespace abt::synth {

namespace {

constexpr int kTableFirstYear = 2010;
constexpr int kTableYears = 21;  // 2010..2030
// Month*100+day of Spring Festival (lunar new year), Dragon Boat and Mid-Autumn for 2010..2030.
constexpr std::array<int, kTableYears> kSpringFestival = {
    214, 203, 123, 210, 131, 219, 208, 128, 216, 205, 125, 212, 201, 122, 210, 129, 217, 206, 126, 213, 203};
constexpr std::array<int, kTableYears> kDragonBoat = {616, 606, 623, 612, 602, 620, 609, 530, 618, 607, 625,
                                                      614, 603, 622, 610, 531, 619, 609, 528, 616, 605};
constexpr std::array<int, kTableYears> kMidAutumn = {922, 912, 930, 919, 908,  927, 915, 1004, 924, 913, 1001,
                                                     921, 910, 929, 917, 1006, 925, 915, 1003, 922, 912};

/// Lunar festival date in `year` from a table (Metonic mapping outside 2010-2030).
Date lunar_date(const std::array<int, kTableYears>& table, int year) {
  int y = year;
  while (y < kTableFirstYear) y += 19;
  while (y >= kTableFirstYear + kTableYears) y -= 19;
  const int md = table[y - kTableFirstYear];
  return Date::from_ymd(year, md / 100, md % 100);
}

/// A one-day holiday on a weekend moves to the adjacent weekday (Saturday -> Friday, Sunday -> Monday).
Date observed(Date d) {
  if (d.weekday() == 5) return d + (-1);
  if (d.weekday() == 6) return d + 1;
  return d;
}

bool in_range(Date d, Date first, int length) {
  return d >= first && d < first + length;
}

}  // namespace

bool is_exchange_holiday(Date d) {
  if (d.weekday() >= 5) return false;
  int year = 0, month = 0, day = 0;
  d.to_ymd(year, month, day);
  // Fixed-date holidays.
  if (d == observed(Date::from_ymd(year, 1, 1))) return true;
  if (month == 5 && day <= (year >= 2020 ? 5 : 3)) return true;  // Labour Day (a 5-day break from 2020)
  if (month == 10 && day <= 7) return true;                      // National Day week
  const int qingming_day = (year % 4 == 0 || year % 4 == 1) ? 4 : 5;
  if (d == observed(Date::from_ymd(year, 4, qingming_day))) return true;
  // Lunar holidays: Spring Festival eve through the 6th day, Dragon Boat, Mid-Autumn.
  if (in_range(d, lunar_date(kSpringFestival, year) + (-1), 7)) return true;
  if (d == observed(lunar_date(kDragonBoat, year))) return true;
  if (d == observed(lunar_date(kMidAutumn, year))) return true;
  return false;
}

TradingCalendar make_exchange_calendar(Date start, Date end) {
  std::vector<Date> days;
  for (Date d = start; d <= end; d = d + 1)
    if (d.weekday() < 5 && !is_exchange_holiday(d)) days.push_back(d);
  return TradingCalendar(std::move(days));
}

}  // namespace abt::synth
