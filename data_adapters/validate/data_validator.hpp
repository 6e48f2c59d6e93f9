#pragma once
// Checks of loaded market data (`abt data validate`), per daily bar with a close:
//   ohlc          high < max(open, close, low) or low > min(open, close) by more than half a tick (0.005),
//                 or open/high/low missing
//   non_positive  a price <= 0
//   limit         a stock's close outside [limit_down, limit_up] of its pre_close: the day's rule of
//                 price_limit.hpp (board, date, ST status and listing day: an older-rule listing day is
//                 checked against +44 % / -36 % of its issue price, registration IPOs are not checked on
//                 days 1-5); pre_close = the PreClose field, else (after the listing day) the previous close
//   limit_unchecked  (a count, not a bad bar) a limited day whose reference price is unknown: a first bar
//                 without pre_close, e.g. a listing day without an issue price (docs/data-formats.md)
//   gap           a calendar day inside [list_date, delist_date] without a bar (counted per instrument;
//                 suspended days with a carried close are bars, not gaps)
//   non_finite    an infinite price, volume, amount, factor, pre_close or share count
//   negative      a negative volume, amount, total_shares or float_shares
//   factor        a stock's adj_factor <= 0 on a bar (prices cannot be adjusted: every later return would
//                 be wrong); a NaN factor counts as 1, as everywhere in abt
// Informational (counted with examples in `notices`, not bad bars: the bar's prices are fine):
//   factor_drop   a stock's adj_factor lower than on its previous bar by more than 1e-6 relative: a
//                 cumulative back-adjustment factor only grows (dividends, bonus and rights shares), so a
//                 fall is the vendor renormalising its series or a share consolidation; adjusted returns
//                 across that day are off by the ratio (the public qlib dump: 000001.SZ 119.96 -> 99.79 on
//                 2020-12-31)
//   shares        float_shares above total_shares (more tradable than existing shares)
// The readers already refuse non-finite and out-of-domain values (engine/core/value_domain.hpp), so
// non_finite, negative and factor find data built in memory (plugins, tests) or read by other tools.
// Duplicate or unsorted stamps cannot exist in MarketData: the adapters stop with DataError naming the file
// and row; validate reports that error. Bad bars (every check but gap) can be dropped: quarantine() returns a
// copy of the data with those bars set to NaN in every daily field.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

struct BadBar {
  std::string check;  // "ohlc", "non_positive", "limit", "non_finite", "negative", "factor" (or a notice)
  InstrumentId instrument = 0;
  int32_t day = 0;  // calendar index
  std::string detail;
};

struct ValidationReport {
  std::vector<BadBar> bad_bars;
  std::vector<BadBar> notices;            // informational findings (factor_drop, shares)
  std::map<std::string, int64_t> counts;  // per check, including "gap"
  std::map<InstrumentId, int64_t> gaps;   // per instrument
  int64_t bars_checked = 0;
};

ValidationReport validate_market_data(const MarketData& md);

/// `md` without the bad bars (NaN in every daily field of those cells); hourly bars of those days too.
MarketData quarantine(const MarketData& md, const std::vector<BadBar>& bad);

}  // namespace abt
