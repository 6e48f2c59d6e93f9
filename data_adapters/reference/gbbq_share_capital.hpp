#pragma once
// Share capital from a TDX gbbq corporate-action table (gbbq_table.hpp) for data of any source: qlib,
// Tushare, plain CSV (the TDX adapter reads the table itself, for its adjustment factors too).
//
//   - TotalShares / FloatShares on each bar day = the share-change records (categories 2,3,4,5,7,8,9,10:
//     "after" values from their date, the first record's "before" values earlier; GbbqTable::share_capital);
//   - after the table's last record (its coverage end: 2020-11-09 for the shared sample) nothing is observed.
//     The counts are then rolled forward by the data's own adjustment factor: on a bar day whose factor jumps
//     by r = adj_factor / adj_factor of the previous bar >= kBonusFactorJump, both counts are multiplied by r
//     (bonus and transferred shares, 送股/转增, are what make such jumps); smaller jumps are cash dividends
//     and leave the counts unchanged. Known errors of the rule: a mixed event (10转3 plus cash) overstates
//     the shares by the cash yield (typically 0.5-2 %), a bonus under ~1 share per 10 is missed, a cash yield
//     above ~9 % is taken as a bonus, and new issues, placements and buybacks after the coverage end are not
//     seen at all (the run's stale_share_capital warning says so);
//   - the panels of the instruments the table names are replaced (others keep theirs); instruments with a bar
//     but no share record are counted in a note; provenance.shares_observed_through = the coverage end.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

/// Factor ratio from which an ex-date is read as bonus / transferred shares (just under 10送1).
inline constexpr double kBonusFactorJump = 1.095;

struct GbbqShareCapitalStats {
  int64_t instruments = 0;      // stocks given share capital
  int64_t without_records = 0;  // stocks with bars but no share-change record
  int64_t rolled_events = 0;    // factor jumps after the coverage end taken as bonus shares
};

GbbqShareCapitalStats apply_gbbq_share_capital(MarketData& md, const std::filesystem::path& gbbq,
                                               std::vector<std::string>& notes);

}  // namespace abt
