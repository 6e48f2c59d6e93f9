#include "engine/execution/execution_settings.hpp"

namespace abt {

std::string_view fill_mode_name(FillMode m) {
  switch (m) {
    case FillMode::NextOpen:
      return "next_open";
    case FillMode::Close:
      return "close";
    case FillMode::NextClose:
      return "next_close";
    case FillMode::NextBarVwap:
      return "next_bar_vwap";
  }
  return "next_open";
}

std::optional<FillMode> parse_fill_mode(std::string_view s) {
  if (s == "next_open") return FillMode::NextOpen;
  if (s == "close") return FillMode::Close;
  if (s == "next_close") return FillMode::NextClose;
  if (s == "next_bar_vwap") return FillMode::NextBarVwap;
  return std::nullopt;
}

}  // namespace abt
