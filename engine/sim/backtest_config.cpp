#include "engine/sim/backtest_config.hpp"

namespace abt {

std::string_view fill_mode_name(FillMode m) {
  return m == FillMode::NextOpen ? "next_open" : "close";
}

std::optional<FillMode> parse_fill_mode(std::string_view s) {
  if (s == "next_open") return FillMode::NextOpen;
  if (s == "close") return FillMode::Close;
  return std::nullopt;
}

}  // namespace abt
