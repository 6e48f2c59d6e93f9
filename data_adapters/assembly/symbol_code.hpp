#pragma once
// Security codes as the vendors write them, turned into abt symbols "CODE.EX" (e.g. "600519.SH").
#include <optional>
#include <string>
#include <string_view>

namespace abt {

/// "SH600519", "sh600519", "600519.SH", "600519.sh", "SZ399006" -> "600519.SH" / "399006.SZ"
/// (exchange SH, SZ or BJ; code = 6 digits). Returns nullopt for anything else.
std::optional<std::string> normalize_symbol(std::string_view code);

}  // namespace abt
