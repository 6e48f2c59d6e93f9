#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/price_limits.hpp"

namespace abt::synth {

int limit_percent(Board board, bool is_st, Date day) {
  switch (board) {
    case Board::Star:
      return 20;
    case Board::ChiNext:
      if (day >= Date::from_ymd(2020, 8, 24)) return 20;
      return is_st ? 5 : 10;
    case Board::Beijing:
      return 30;
    case Board::ShanghaiMain:
    case Board::ShenzhenMain:
    default:
      if (is_st && day < Date::from_ymd(2026, 7, 6)) return 5;
      return 10;
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

}  // namespace abt::synth
