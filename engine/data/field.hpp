#pragma once
// Standard panel fields. Prices are UNADJUSTED CNY on the 0.01 tick; adjusted ("hfq") price = price x
// adj_factor. Volumes are shares, amounts CNY, share counts shares. IsST is a status code. NaN = no value
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
  IsST,         // status code: 0 normal, 1 ST or *ST, 2 delisting arrangement (退市整理期); see below
  Count
};
inline constexpr int kFieldCount = static_cast<int>(Field::Count);

/// Values of the IsST status field (point-in-time, market-rules.md "Corporate events"). A
/// delisting-arrangement stock trades within its board's normal daily limit [D] and is excluded from the
/// micro-cap universe.
inline constexpr float kStatusNormal = 0.0f;
inline constexpr float kStatusSt = 1.0f;
inline constexpr float kStatusDelistingArrangement = 2.0f;

/// Lower-case name: "open", "high", ..., "adj_factor", "pre_close", "total_shares", "float_shares", "is_st".
std::string_view field_name(Field f);
std::optional<Field> parse_field(std::string_view name);

}  // namespace abt
