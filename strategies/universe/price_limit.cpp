#include "strategies/universe/price_limit.hpp"

namespace abt {

int limit_percent(Board board, bool is_st, Date day) {
  static const Date kChiNextReform = Date::from_ymd(2020, 8, 24);
  static const Date kMainStReform = Date::from_ymd(2026, 7, 6);
  switch (board) {
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
      return is_st && day < kMainStReform ? 5 : 10;
    case Board::ChiNext:
      if (day >= kChiNextReform) return 20;
      return is_st ? 5 : 10;
    case Board::Star:
      return 20;
    case Board::Beijing:
      return 30;
    default:
      return 0;
  }
}

bool is_registration_ipo(Board board, Date list_date) {
  switch (board) {
    case Board::Star:
      return true;
    case Board::ChiNext:
      return list_date >= Date::from_ymd(2020, 8, 24);
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
      return list_date >= Date::from_ymd(2023, 4, 10);
    default:
      return false;
  }
}

int64_t limit_up_cents(Board board, bool is_st, Date day, Date list_date, int32_t days_listed,
                       float pre_close) {
  int percent = limit_percent(board, is_st, day);
  if (percent == 0) return -1;
  if (days_listed >= 0 && days_listed < 5 && is_registration_ipo(board, list_date)) return -1;
  if (days_listed == 0) percent = 44;
  if (std::isnan(pre_close) || pre_close <= 0) return -2;
  const int64_t pre = to_cents(pre_close);
  return (pre * (100 + percent) + 50) / 100;
}

}  // namespace abt
