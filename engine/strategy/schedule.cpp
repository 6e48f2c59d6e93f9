#include "engine/strategy/schedule.hpp"

#include <charconv>

namespace abt {

std::optional<Schedule> parse_schedule(std::string_view text) {
  if (text == "daily") return Schedule::every_n_days(1);
  if (text == "weekly") return Schedule::weekly(1);
  if (text == "biweekly") return Schedule::weekly(2);
  if (text == "month_start") return Schedule::month_start();
  if (text == "month_end") return Schedule::month_end();
  if (text.starts_with("every:")) {
    int n = 0;
    const auto digits = text.substr(6);
    const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && p == digits.data() + digits.size() && n >= 1) return Schedule::every_n_days(n);
  }
  return std::nullopt;
}

std::string schedule_name(const Schedule& s) {
  switch (s.kind) {
    case Schedule::Kind::EveryNDays:
      return s.n == 1 ? "daily" : "every:" + std::to_string(s.n);
    case Schedule::Kind::Weekly:
      return s.n == 1 ? "weekly" : s.n == 2 ? "biweekly" : "weeks:" + std::to_string(s.n);
    case Schedule::Kind::MonthStart:
      return "month_start";
    case Schedule::Kind::MonthEnd:
      return "month_end";
  }
  return "?";
}

}  // namespace abt
