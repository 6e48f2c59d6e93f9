#include "engine/data/board.hpp"

#include <cctype>

namespace abt {

std::string_view board_name(Board b) {
  switch (b) {
    case Board::ShanghaiMain:
      return "sh_main";
    case Board::Star:
      return "star";
    case Board::ShenzhenMain:
      return "sz_main";
    case Board::ChiNext:
      return "chinext";
    case Board::Beijing:
      return "beijing";
    case Board::Index:
      return "index";
    case Board::Other:
      return "other";
  }
  return "other";
}

Board board_from_symbol(std::string_view symbol) {
  std::string_view code;
  char exchange_chars[2];
  if (symbol.size() == 9 && symbol[6] == '.') {
    code = symbol.substr(0, 6);
    exchange_chars[0] = symbol[7];
    exchange_chars[1] = symbol[8];
  } else if (symbol.size() == 8 && std::isalpha(static_cast<unsigned char>(symbol[0]))) {
    exchange_chars[0] = symbol[0];
    exchange_chars[1] = symbol[1];
    code = symbol.substr(2);
  } else {
    return Board::Other;
  }
  for (char& c : exchange_chars) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string_view exchange(exchange_chars, 2);
  const std::string_view p3 = code.substr(0, 3);
  if (exchange == "SH") {
    if (p3 == "600" || p3 == "601" || p3 == "603" || p3 == "605") return Board::ShanghaiMain;
    if (p3 == "688" || p3 == "689") return Board::Star;
    if (p3 == "000") return Board::Index;  // SH000xxx are indices
    return Board::Other;
  }
  if (exchange == "SZ") {
    if (p3 == "000" || p3 == "001" || p3 == "002" || p3 == "003") return Board::ShenzhenMain;
    if (p3 == "300" || p3 == "301") return Board::ChiNext;
    if (p3 == "399") return Board::Index;
    return Board::Other;
  }
  if (exchange == "BJ") {
    if (code[0] == '8' || code.substr(0, 2) == "43" || p3 == "920") return Board::Beijing;
    return Board::Other;
  }
  return Board::Other;
}

}  // namespace abt
