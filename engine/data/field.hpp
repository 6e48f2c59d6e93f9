#pragma once
// Standard panel fields. Prices are UNADJUSTED CNY on the 0.01 tick; adjusted ("hfq") price = price x
// adj_factor. Volumes are shares, amounts CNY, share counts shares. Flags are 0/1. NaN = no value
// (not listed, or no bar). A suspended listed stock has volume 0 and open/high/low/close = last close.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace abt {

enum class Field : uint8_t {
  Open = 0,
  High,
  Low,
  Close,
  Volume,       // shares
  Amount,       // CNY
  AdjFactor,    // cumulative back-adjustment factor (1.0 at listing, grows with dividends/splits)
  PreClose,     // exchange reference price for the limit (ex-rights previous close), unadjusted
  TotalShares,  // shares outstanding
  FloatShares,  // tradable shares
  IsST,         // 1 while ST / *ST, else 0
  Count
};
inline constexpr int kFieldCount = static_cast<int>(Field::Count);

/// Lower-case name: "open", "high", ..., "adj_factor", "pre_close", "total_shares", "float_shares", "is_st".
std::string_view field_name(Field f);
std::optional<Field> parse_field(std::string_view name);

}  // namespace abt
