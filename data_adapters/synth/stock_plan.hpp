#pragma once
// StockPlan: the static, per-stock part of the synthetic market, drawn before any price is simulated:
// code and board, listing (before the window or an IPO day inside it), initial size, and the persistent
// traits (volatility level, beta, blue-chip exposure, turnover level, dividend habit).
#include <cstdint>
#include <string>
#include <vector>

#include "data_adapters/synth/synth_config.hpp"
#include "engine/core/calendar.hpp"
#include "engine/data/board.hpp"

namespace abt::synth {

struct StockPlan {
  std::string symbol;  // "600519.SH"
  Board board = Board::Other;
  /// Calendar index of the IPO day, or -1 when listed before the window (then list_date < calendar start).
  int32_t ipo_day = -1;
  Date list_date;
  bool registration_ipo = false;  // no limit on days 1-5
  /// Pre-listed: unadjusted price at the window start. IPO: the issue price (PreClose of the first day). CNY.
  double first_price = 10.0;
  /// Shares outstanding at the window start / at the IPO.
  double total_shares = 1e8;
  /// Fraction of total shares that is tradable at the start (the rest is locked up).
  double float_fraction = 1.0;
  /// Cumulative adjustment factor at the window start (1.0 for IPOs).
  double initial_adj = 1.0;
  bool starts_st = false;       // pre-listed stock already ST at the window start
  double vol_multiplier = 1.0;  // persistent scale of idiosyncratic volatility
  double beta = 1.0;            // exposure to the market factor
  double blue_exposure = 0.0;   // exposure to the blue-chip factor (giants ~1)
  double turnover_multiplier = 1.0;
  double dividend_probability = 0.5;  // chance of a cash dividend in a given year
  bool blue_chip = false;
};

/// Plans `config.stocks` stocks for `calendar` (columns in the returned order: sorted by symbol).
std::vector<StockPlan> plan_stocks(const SynthConfig& config, const TradingCalendar& calendar);

}  // namespace abt::synth
