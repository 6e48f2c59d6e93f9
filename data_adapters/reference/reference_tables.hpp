#pragma once
// Reference tables applied to an already built MarketData (after any adapter), docs/data-formats.md
// "Reference tables". Every function recomputes the fingerprint and reports rows naming instruments that
// are not in the data as one sentence in `notes` (never silently).
//   share capital   `date,symbol,total_shares,float_shares` (shares; a change effective from `date`):
//                   TotalShares/FloatShares = the latest change on or before each day, forward-filled over
//                   the days the instrument has a bar, NaN before its first change (replaces those panels
//                   for the instruments the table names);
//   ST intervals    `symbol,start,end` (end empty = still ST): IsST = 1 on bar days inside an interval, 0 on
//                   other bar days (the whole IsST panel is rebuilt);
//   listing dates   `symbol,list_date[,delist_date]`: sets Instrument::list_date / delist_date;
//   IPOs            `symbol,list_date,issue_price` (CNY, > 0): sets list_date and, when the data has a bar on
//                   that day, the day's PreClose = the issue price on the 0.01 tick (the reference of the
//                   day-1 limit; docs/data-formats.md "New listings"); other rows are counted in a note;
//   index membership `index,symbol,start,end` (end empty = still a member): one extra daily panel per index,
//                   `member_<index>` (e.g. member_000300.SH), 1 on bar days inside an interval, 0 on other
//                   bar days, NaN without a bar.
// Symbols: any spelling symbol_from_code() accepts. Dates YYYY-MM-DD or YYYYMMDD.
// derive_market_cap(): when the daily bars have no `total_mv` extra but TotalShares, adds total_mv =
// unadjusted close x TotalShares (CNY), and likewise circ_mv from FloatShares.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

void apply_share_capital(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes);
void apply_st_intervals(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes);
void apply_listing_dates(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes);
void apply_ipo_table(MarketData& md, const std::filesystem::path& file, std::vector<std::string>& notes);
void apply_index_membership(MarketData& md, const std::filesystem::path& file,
                            std::vector<std::string>& notes);
/// Returns true when it added total_mv (and circ_mv when FloatShares exist).
bool derive_market_cap(MarketData& md);

}  // namespace abt
