#pragma once
// The synthetic exchange calendar: weekdays minus Chinese exchange holidays (New Year, Spring Festival week,
// Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day week). Lunar holidays come from a table of
// 2010-2030 dates; outside it a year is mapped into the table by multiples of 19 years (the Metonic cycle,
// after which lunar dates repeat within about a day). Gives 242-245 trading days a year.
#include "engine/core/calendar.hpp"

namespace abt::synth {

/// True when the exchange is closed on weekday `d` for a holiday (weekends are not reported).
bool is_exchange_holiday(Date d);

/// Trading days in [start, end]; may be empty.
TradingCalendar make_exchange_calendar(Date start, Date end);

}  // namespace abt::synth
