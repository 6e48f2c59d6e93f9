#pragma once
// What a backtest produces; the run layer turns it into result.json, equity.csv, trades.csv, positions.csv.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/time.hpp"
#include "engine/core/warning_log.hpp"
#include "engine/execution/execution_log.hpp"
#include "engine/strategy/order.hpp"
#include "engine/strategy/signal_table.hpp"

namespace abt {

/// End-of-day state, valued at the day's closes (suspended holdings at their last close).
struct DailyRecord {
  Date date;
  double nav = 0;  // cash + holdings_value
  double cash = 0;
  double holdings_value = 0;  // sum of quantity x close
  double bought = 0;          // notional bought today (CNY)
  double sold = 0;            // notional sold today (CNY)
  double costs = 0;           // fees paid today (CNY)
  int32_t holdings = 0;       // number of instruments held
};

/// One end-of-day holding (only nonzero positions are recorded).
struct PositionRecord {
  Date date;
  InstrumentId instrument = -1;
  Quantity quantity = 0;
  double price = 0;  // close used for valuation
  double value = 0;
  double avg_cost = 0;        // average purchase price per share, fees excluded (CNY)
  double unrealized_pnl = 0;  // quantity x (price - avg_cost), CNY
  double realized_pnl =
      0;  // the instrument's sells so far: (sell price - avg_cost) x quantity, gross of fees
};

/// One holding liquidated because its instrument was delisted (or its prices stopped for good), at the
/// SessionOpen of `date`: `quantity` shares valued at `recovery_price` = ExecutionRules::delisting_recovery x
/// `last_close` (snapped to the fen for stocks) instead of the last close. `loss` = quantity x (last_close -
/// recovery_price) CNY is part of the realised P&L.
struct DelistingRecord {
  Date date;
  InstrumentId instrument = -1;
  std::string symbol;
  Quantity quantity = 0;
  double last_close = 0;
  double recovery_price = 0;
  double loss = 0;
};

/// The execution log (fills, rejections) and everything else a run records.
struct RunResult : ExecutionLog {
  std::vector<DailyRecord> daily;
  std::vector<PositionRecord> positions;
  /// Notable events (delisted holdings liquidated, drawdown stops) and data-honesty warnings
  /// (warning_log.hpp).
  WarningLog warnings;
  /// Values the strategy recorded per bar (Context::record), over the run's rows.
  SignalTable signals;
  /// Holdings liquidated at a delisting, in order (result.json "delistings").
  std::vector<DelistingRecord> delistings;
  /// P&L split at the end of the run, gross of fees (CNY): realised by every sell (including liquidations),
  /// and unrealised of the last day's holdings. realized + unrealized - fees = final NAV - initial cash.
  double realized_pnl = 0;
  double unrealized_pnl = 0;
  int64_t events = 0;  // events dispatched
  int64_t bars = 0;    // bar cells replayed: rows x instruments, summed over frequencies
};

}  // namespace abt
