#include "engine/core/frequency.hpp"

namespace abt {

std::string_view frequency_name(Frequency f) {
  return f == Frequency::Daily ? "1d" : "60m";
}

std::optional<Frequency> parse_frequency(std::string_view text) {
  if (text == "1d" || text == "daily" || text == "day") return Frequency::Daily;
  if (text == "60m" || text == "60min" || text == "hourly" || text == "1h") return Frequency::Min60;
  return std::nullopt;
}

int hourly_slot_of(int minute_of_day) {
  for (int i = 0; i < kHourlyBarsPerDay; ++i)
    if (kHourlyBarEnd[i] == minute_of_day) return i;
  return -1;
}

}  // namespace abt
