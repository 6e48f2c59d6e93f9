#pragma once
// Exchange boards, derived from the security code (market-rules.md, "Boards").
#include <cstdint>
#include <string_view>

namespace abt {

enum class Board : uint8_t {
  ShanghaiMain,  // SH 600 601 603 605
  Star,          // SH 688 689
  ShenzhenMain,  // SZ 000 001 002 003 (incl. former SME board)
  ChiNext,       // SZ 300 301
  Beijing,       // BJ 8xxxxx 43xxxx 920xxx
  Index,         // an index or other non-stock series traded as a synthetic asset
  Other,
};

std::string_view board_name(Board b);
/// Board of a symbol "CODE.EX" (e.g. "600519.SH", "300750.SZ", "830799.BJ"); also accepts "SH600519".
/// Unknown prefixes give Board::Other.
Board board_from_symbol(std::string_view symbol);

}  // namespace abt
