#include "engine/data/field.hpp"

namespace abt {
namespace {
constexpr std::array<std::string_view, kFieldCount> kNames = {
    "open",       "high",      "low",          "close",        "volume", "amount",
    "adj_factor", "pre_close", "total_shares", "float_shares", "is_st"};
}

std::string_view field_name(Field f) {
  return kNames[static_cast<int>(f)];
}

std::optional<Field> parse_field(std::string_view name) {
  for (int i = 0; i < kFieldCount; ++i)
    if (kNames[i] == name) return static_cast<Field>(i);
  return std::nullopt;
}

}  // namespace abt
