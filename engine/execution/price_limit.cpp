#include "engine/execution/price_limit.hpp"

#include <cmath>
#include <limits>

namespace abt {

namespace {
// Effective dates of the rules (market-rules.md).
const Date kLimitsIntroduced = Date::from_ymd(1996, 12, 16);
const Date kIpoBandIntroduced = Date::from_ymd(2014, 6, 13);
const Date kStarOpened = Date::from_ymd(2019, 7, 22);
const Date kChiNextReform = Date::from_ymd(2020, 8, 24);
const Date kBeijingOpened = Date::from_ymd(2021, 11, 15);
const Date kMainRegistration = Date::from_ymd(2023, 4, 10);
const Date kMainStTenPercent = Date::from_ymd(2026, 7, 6);
constexpr int32_t kNoLimitListingDays = 5;

constexpr LimitRule kNone{false, 0, 0};
constexpr LimitRule symmetric(int32_t pct) {
  return LimitRule{true, pct, pct};
}
}  // namespace

LimitRule PriceLimitCalculator::rule(const Instrument& ins, Date day, int32_t listing_day, bool is_st) {
  if (ins.kind != InstrumentKind::Stock) return kNone;
  const bool first_days = listing_day >= 1 && listing_day <= kNoLimitListingDays;
  switch (ins.board) {
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
      if (day < kLimitsIntroduced) return kNone;
      if (first_days && ins.list_date >= kMainRegistration) return kNone;
      if (listing_day == 1) return day >= kIpoBandIntroduced ? LimitRule{true, 44, 36} : kNone;
      if (is_st && day < kMainStTenPercent) return symmetric(5);
      return symmetric(10);
    case Board::ChiNext:
      if (first_days && ins.list_date >= kChiNextReform) return kNone;
      if (listing_day == 1) return day >= kIpoBandIntroduced ? LimitRule{true, 44, 36} : kNone;
      if (day >= kChiNextReform) return symmetric(20);
      return symmetric(is_st ? 5 : 10);
    case Board::Star:
      if (day < kStarOpened || first_days) return kNone;
      return symmetric(20);
    case Board::Beijing:
      if (day < kBeijingOpened) return kNone;
      return symmetric(30);
    case Board::Index:
    case Board::Other:
      return kNone;
  }
  return kNone;
}

LimitBand PriceLimitCalculator::band(const LimitRule& rule, double reference) {
  if (!rule.limited || !(reference > 0) || !std::isfinite(reference))
    return LimitBand{false, std::numeric_limits<double>::infinity(), 0.0};
  const int64_t fen = std::llround(reference * 100.0);
  const int64_t up = (fen * (100 + rule.up_pct) + 50) / 100;
  const int64_t down = (fen * (100 - rule.down_pct) + 50) / 100;
  return LimitBand{true, static_cast<double>(up) / 100.0, static_cast<double>(down) / 100.0};
}

LimitBand PriceLimitCalculator::band(const Instrument& instrument, Date day, int32_t listing_day, bool is_st,
                                     double reference) {
  return band(rule(instrument, day, listing_day, is_st), reference);
}

}  // namespace abt
