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

namespace abt {

/// A bare 6-digit code with the exchange inferred from its prefix (SH: 6xxxxx, 9xxxxx except 920;
/// SZ: 0xxxxx, 2xxxxx, 3xxxxx; BJ: 4xxxxx, 8xxxxx, 920xxx), or normalize_symbol() for anything else.
/// Bare index codes are ambiguous (000300 is SH, 399006 SZ) and must carry their exchange.
std::optional<std::string> symbol_from_code(std::string_view code);

}  // namespace abt
