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

int32_t PriceLimitCalculator::regular_percent(Board board, Date day, bool is_st) {
  switch (board) {
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
      if (day < kLimitsIntroduced) return 0;
      return is_st && day < kMainStTenPercent ? 5 : 10;
    case Board::ChiNext:
      if (day >= kChiNextReform) return 20;
      return is_st ? 5 : 10;
    case Board::Star:
      return day < kStarOpened ? 0 : 20;
    case Board::Beijing:
      return day < kBeijingOpened ? 0 : 30;
    case Board::Index:
    case Board::Other:
      return 0;
  }
  return 0;
}

bool PriceLimitCalculator::registration_ipo(Board board, Date list_date) {
  switch (board) {
    case Board::Star:
      return true;
    case Board::ChiNext:
      return list_date >= kChiNextReform;
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
      return list_date >= kMainRegistration;
    default:
      return false;
  }
}

LimitRule PriceLimitCalculator::rule(const Instrument& ins, Date day, int32_t listing_day, bool is_st) {
  if (ins.kind != InstrumentKind::Stock) return kNone;
  const int32_t pct = regular_percent(ins.board, day, is_st);
  if (pct == 0) return kNone;
  const bool first_days = listing_day >= 1 && listing_day <= kNoLimitListingDays;
  if (first_days && registration_ipo(ins.board, ins.list_date)) return kNone;
  const bool older_ipo_board =
      ins.board == Board::ShanghaiMain || ins.board == Board::ShenzhenMain || ins.board == Board::ChiNext;
  if (listing_day == 1 && older_ipo_board)
    return day >= kIpoBandIntroduced ? LimitRule{true, kIpoDayOneUpPct, kIpoDayOneDownPct} : kNone;
  return symmetric(pct);
}

int32_t PriceLimitCalculator::listing_index(const Instrument& instrument, const TradingCalendar& calendar) {
  if (calendar.empty() || instrument.list_date < calendar.day(0)) return kSeasoned;
  return calendar.lower_bound(instrument.list_date);
}

int64_t PriceLimitCalculator::limit_up_fen(const Instrument& instrument, Date day, int32_t listing_day,
                                           bool is_st, double reference) {
  const LimitRule r = rule(instrument, day, listing_day, is_st);
  if (!r.limited) return -1;
  if (!(reference > 0) || !std::isfinite(reference)) return -2;
  return up_fen(std::llround(reference * 100.0), r.up_pct);
}

LimitBand PriceLimitCalculator::band(const LimitRule& rule, double reference) {
  if (!rule.limited || !(reference > 0) || !std::isfinite(reference))
    return LimitBand{false, std::numeric_limits<double>::infinity(), 0.0};
  const int64_t fen = std::llround(reference * 100.0);
  const int64_t up = up_fen(fen, rule.up_pct);
  const int64_t down = down_fen(fen, rule.down_pct);
  return LimitBand{true, static_cast<double>(up) / 100.0, static_cast<double>(down) / 100.0};
}

LimitBand PriceLimitCalculator::band(const Instrument& instrument, Date day, int32_t listing_day, bool is_st,
                                     double reference) {
  return band(rule(instrument, day, listing_day, is_st), reference);
}

}  // namespace abt
