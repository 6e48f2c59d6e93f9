#include "data_adapters/assembly/symbol_code.hpp"

#include <cctype>

namespace abt {
namespace {

bool six_digits(std::string_view s) {
  if (s.size() != 6) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::optional<std::string> exchange_of(std::string_view ex) {
  if (ex.size() != 2) return std::nullopt;
  std::string up;
  for (char c : ex) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up == "SH" || up == "SZ" || up == "BJ") return up;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> normalize_symbol(std::string_view code) {
  if (code.size() == 9 && code[6] == '.' && six_digits(code.substr(0, 6)))
    if (auto ex = exchange_of(code.substr(7))) return std::string(code.substr(0, 6)) + "." + *ex;
  if (code.size() == 8 && six_digits(code.substr(2)))
    if (auto ex = exchange_of(code.substr(0, 2))) return std::string(code.substr(2)) + "." + *ex;
  return std::nullopt;
}

}  // namespace abt

namespace abt {

std::optional<std::string> symbol_from_code(std::string_view code) {
  if (code.size() != 6) return normalize_symbol(code);
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const std::string s(code);
  if (s.starts_with("920") || s[0] == '4' || s[0] == '8') return s + ".BJ";
  if (s[0] == '6' || s[0] == '9') return s + ".SH";
  if (s[0] == '0' || s[0] == '2' || s[0] == '3') return s + ".SZ";
  return std::nullopt;
}

}  // namespace abt
