// New listings in real data without an issue price (issue 10): five real IPO histories extracted from the
// public qlib dump (tests/data/real_ipo/README.md), checked against the days worked out by hand there.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "data_adapters/import/source_import.hpp"
#include "data_adapters/qlib/qlib_source.hpp"
#include "data_adapters/validate/data_validator.hpp"
#include "strategies/universe/microcap_index.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

std::filesystem::path real_ipo_dir() {
  return test::repo_root() / "tests" / "data" / "real_ipo" / "qlib";
}

MarketData real_ipos() {
  return read_qlib(real_ipo_dir(), {});
}

/// The slice imported with an IPO table `rows` (symbol,list_date,issue_price lines).
MarketData with_ipo_table(const std::string& rows) {
  const auto dir = test::make_temp_dir("ipo_table");
  std::ofstream(dir / "ipo.csv") << "symbol,list_date,issue_price\n" << rows;
  SourceSpec spec;
  spec.format = "qlib";
  spec.paths = {real_ipo_dir()};
  spec.ipo = dir / "ipo.csv";
  return import_source(spec);
}

/// The first day on which `symbol`'s IPO run counts as broken (Date::max() when never).
Date first_broken_day(const MarketData& md, const std::string& symbol) {
  const InstrumentId id = *md.find(symbol);
  MicrocapIndex index(md.instruments, md.calendar, MicrocapIndexParams{}, /*track_level=*/false);
  for (int32_t d = 0; d < md.calendar.size(); ++d) {
    index.advance(d, day_rows(md.daily, d), d > 0 ? day_rows(md.daily, d - 1) : DayRows{});
    if (index.ipo_broken(id)) return md.calendar.day(d);
  }
  return Date::max();
}

TEST(RealIpos, ListingDayHasNoInventedReferencePrice) {
  const MarketData md = real_ipos();
  ASSERT_EQ(md.instrument_count(), 5);
  const InstrumentId id = *md.find("002853.SZ");
  const int32_t day = *md.calendar.index_of(Date::from_ymd(2017, 3, 10));
  EXPECT_EQ(md.instruments[static_cast<size_t>(id)].list_date, Date::from_ymd(2017, 3, 10));
  EXPECT_TRUE(std::isnan(md.daily.field(Field::PreClose)(day, id)));      // no issue price in qlib
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(day + 1, id), 44.68f);  // day 2: day 1's close
}

TEST(RealIpos, FirstEligibleDayOfEachListing) {
  // 002853.SZ (main board, 2017): sealed +44 % on day 1, one-price +10 % bars to 03-28, suspended 03-29 ..
  //   04-05 (volume 0, the close repeated: not a close that breaks the run), 04-06 closes 126.23 < 154.29.
  // 300500.SZ (ChiNext, 2016, 10 % then): sealed to 02-25; 02-26 closes 75.50 < 85.90.
  // 001286.SZ (main board, registration IPO 2023-04-10): no limit on days 1-5 -> eligible on day 1.
  // 300860.SZ (ChiNext, registration IPO 2020-08-24): the same.
  // 603288.SH (main board, 2014-02-11, before the day-1 band of 2014-06-13): no day-1 limit -> day 1.
  const MarketData md = real_ipos();
  std::map<std::string, Date> first_broken;
  for (const char* symbol : {"002853.SZ", "300500.SZ", "001286.SZ", "300860.SZ", "603288.SH"})
    first_broken[symbol] = first_broken_day(md, symbol);
  EXPECT_EQ(first_broken.at("002853.SZ"), Date::from_ymd(2017, 4, 6));
  EXPECT_EQ(first_broken.at("300500.SZ"), Date::from_ymd(2016, 2, 26));
  EXPECT_EQ(first_broken.at("001286.SZ"), Date::from_ymd(2023, 4, 10));
  EXPECT_EQ(first_broken.at("300860.SZ"), Date::from_ymd(2020, 8, 24));
  EXPECT_EQ(first_broken.at("603288.SH"), Date::from_ymd(2014, 2, 11));
}

TEST(RealIpos, ValidatorChecksEveryKnownLimitAndCountsTheUnknownOnes) {
  const ValidationReport r = validate_market_data(real_ipos());
  EXPECT_EQ(r.counts.at("limit"), 0);
  // The two older-rule listing days after 2014-06-13 (002853.SZ, 300500.SZ) have a day-1 limit but no
  // issue price; the registration IPOs and the 2014-02 listing have no day-1 limit.
  EXPECT_EQ(r.counts.at("limit_unchecked"), 2);
}

TEST(RealIpos, IpoTableGivesTheExactListingDayLimit) {
  // 300500.SZ listed 2016-02-04 at an issue price of 20.91: day 1 closed at 30.11 = 20.91 x 1.44, sealed
  // (it opened at 27.60, so the old open-as-issue-price proxy put the limit at 39.74 and broke the run on
  // day 1). With the table the day-1 limit is exact and checked; a wrong issue price of 23.00 (limit 33.12)
  // would break the run on day 1, which shows the table is what decides.
  const MarketData md = with_ipo_table("300500.SZ,2016-02-04,20.91\n");
  const InstrumentId id = *md.find("300500.SZ");
  const int32_t day = *md.calendar.index_of(Date::from_ymd(2016, 2, 4));
  EXPECT_FLOAT_EQ(md.daily.field(Field::PreClose)(day, id), 20.91f);
  EXPECT_EQ(first_broken_day(md, "300500.SZ"), Date::from_ymd(2016, 2, 26));
  const ValidationReport r = validate_market_data(md);
  EXPECT_EQ(r.counts.at("limit"), 0);
  EXPECT_EQ(r.counts.at("limit_unchecked"), 1);  // 002853.SZ only
  EXPECT_EQ(first_broken_day(with_ipo_table("300500.SZ,2016-02-04,23.00\n"), "300500.SZ"),
            Date::from_ymd(2016, 2, 4));
}

TEST(RealIpos, IpoTableErrorsNameTheRow) {
  try {
    with_ipo_table("300500.SZ,2016-02-04,20.91\n002853.SZ,2017-03-10,-1\n");
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("ipo.csv:3: expected a positive issue price"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace abt
