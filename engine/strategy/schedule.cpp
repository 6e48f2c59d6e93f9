#include "engine/strategy/schedule.hpp"

#include <charconv>

namespace abt {

namespace {

/// A whole number in [minimum, kMaxScheduleCount] spanning all of `digits`, or nullopt.
std::optional<int32_t> parse_count(std::string_view digits, int32_t minimum) {
  int32_t n = 0;
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || p != digits.data() + digits.size() || n < minimum || n > kMaxScheduleCount)
    return std::nullopt;
  return n;
}

/// Splits "head:tail" at the first ':' (tail empty and has_tail false without one).
struct Split {
  std::string_view head, tail;
  bool has_tail = false;
};
Split split(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return {text, {}, false};
  return {text.substr(0, colon), text.substr(colon + 1), true};
}

/// Applies an optional ":K" phase suffix (`rest`, without the colon) to a schedule with a phase.
std::optional<Schedule> with_phase(Schedule s, const Split& rest) {
  if (!rest.has_tail) return s;
  const auto phase = parse_count(rest.tail, 0);
  if (!phase) return std::nullopt;
  s.offset = *phase;
  return s;
}

}  // namespace

std::optional<Schedule> parse_schedule(std::string_view text) {
  if (text == "month_start") return Schedule::month_start();
  if (text == "month_end") return Schedule::month_end();
  const Split first = split(text);
  if (first.head == "daily") return with_phase(Schedule::every_n_days(1), first);
  if (first.head == "weekly") return with_phase(Schedule::weekly(1), first);
  if (first.head == "biweekly") return with_phase(Schedule::weekly(2), first);
  if ((first.head == "every" || first.head == "weeks") && first.has_tail) {
    const Split second = split(first.tail);
    const auto n = parse_count(second.head, 1);
    if (!n) return std::nullopt;
    return with_phase(first.head == "every" ? Schedule::every_n_days(*n) : Schedule::weekly(*n), second);
  }
  return std::nullopt;
}

std::string schedule_name(const Schedule& s) {
  std::string name;
  switch (s.kind) {
    case Schedule::Kind::EveryNDays:
      name = s.n == 1 ? "daily" : "every:" + std::to_string(s.n);
      break;
    case Schedule::Kind::Weekly:
      name = s.n == 1 ? "weekly" : s.n == 2 ? "biweekly" : "weeks:" + std::to_string(s.n);
      break;
    case Schedule::Kind::MonthStart:
      return "month_start";
    case Schedule::Kind::MonthEnd:
      return "month_end";
  }
  if (s.offset != 0) {
    name += ':';
    name += std::to_string(s.offset);
  }
  return name;
}

}  // namespace abt
