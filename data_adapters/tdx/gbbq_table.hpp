#pragma once
// The TDX "gbbq" corporate-action table, decoded to CSV `market,code,date,category,f1,f2,f3,f4`
// (market SH/SZ/BJ, code 6 digits, date YYYYMMDD):
//   category 1            ex-rights / ex-dividend day: f1 cash dividend per 10 shares (CNY), f2 rights issue
//                         price, f3 bonus + transferred shares per 10, f4 rights shares per 10;
//   categories 2,3,4,5,7,8,9,10   share-capital change: f1 float shares before, f2 total before, f3 float
//                         after, f4 total after, all in 10,000 shares.
// Other categories are ignored (counted in ignored_records()).
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/core/time.hpp"

namespace abt {

struct GbbqEvent {
  Date date;
  int category = 0;
  double f1 = 0, f2 = 0, f3 = 0, f4 = 0;  // >= 0 (read() refuses negative and non-finite values)
  std::string origin;                     // "FILE:LINE" of the record, for errors
};

/// Per-day columns derived for one instrument (one entry per bar date, NaN where unknown).
struct GbbqAdjustment {
  std::vector<float> adj_factor;    // cumulative back-adjustment factor, 1.0 on the first bar
  std::vector<float> total_shares;  // shares (not 10,000s)
  std::vector<float> float_shares;  // shares
};

class GbbqTable {
 public:
  /// Reads the CSV; keeps only `symbols` ("600519.SH") when non-empty. Throws DataError naming FILE:LINE for
  /// a missing column, an unparsable date or number, a date outside the market-date range, a category that
  /// is not an integer in [0, 255], or an f1..f4 that is negative or not finite (f3 = -10 would divide by
  /// zero in the factor below).
  static GbbqTable read(const std::filesystem::path& path, const std::set<std::string>& symbols = {});

  /// Events of `symbol` sorted by date (stable within a date); empty when it has none.
  const std::vector<GbbqEvent>& events(const std::string& symbol) const;
  size_t ignored_records() const { return ignored_; }
  /// The latest date of any record in the file (every symbol, every category): the end of its coverage.
  Date last_record_date() const { return last_date_; }

  /// Adjustment columns for bars on `dates` (strictly increasing) with unadjusted closes `close`:
  ///  - a category-1 event applies on the first bar on or after its date (events before the first bar are
  ///    ignored); reference price p' = (p - f1/10 + f2*f4/10) / (1 + f3/10 + f4/10) with p the previous
  ///    close (applied in turn when several events fall on the same bar); factor *= p / p'; a p' <= 0 (a
  ///    dividend at least the price) throws DataError naming the event's origin;
  ///  - shares on a day = "after" values of the latest change on or before that day, "before" values of the
  ///    first change before it; zero values count as unknown (the previous value is kept).
  static GbbqAdjustment derive(const std::vector<Date>& dates, const std::vector<double>& close,
                               const std::vector<GbbqEvent>& events);
  /// The share-capital part of derive(): total and float shares on each of `dates` (NaN before any change).
  static void share_capital(const std::vector<Date>& dates, const std::vector<GbbqEvent>& events,
                            std::vector<float>& total_shares, std::vector<float>& float_shares);

 private:
  std::map<std::string, std::vector<GbbqEvent>> events_;
  size_t ignored_ = 0;
  Date last_date_ = Date::min();
};

}  // namespace abt
