// Reference tables (share capital, ST intervals, listing dates) and the derived market cap.
#include "data_adapters/reference/reference_tables.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
using test::TinyBar;

MarketData four_days() {
  return test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
      .stock("600000.SH", {{10, 10, 10, 10}, {11, 11, 11, 11}, {12, 12, 12, 12}, {13, 13, 13, 13}})
      .stock("000002.SZ", {{5, 5, 5, 5}, {5, 5, 5, 5}, {}, {6, 6, 6, 6}})
      .build();
}

fs::path write(const std::string& name, const std::string& text) {
  const fs::path f = test::make_temp_dir("reference") / name;
  std::ofstream(f) << text;
  return f;
}

TEST(ReferenceTables, ShareCapitalIsForwardFilledAndGivesMarketCap) {
  MarketData md = four_days();
  std::vector<std::string> notes;
  apply_share_capital(md,
                      write("shares.csv",
                            "date,symbol,total_shares,float_shares\n2024-01-03,SH600000,1000,400\n"
                            "2023-06-30,000002.SZ,500,500\n2024-01-05,600000.SH,2000,800\n"
                            "2024-01-01,600001.SH,1,1\n"),
                      notes);
  const Panel& total = md.daily.field(Field::TotalShares);
  const auto a = *md.find("600000.SH"), b = *md.find("000002.SZ");
  EXPECT_TRUE(std::isnan(total(0, a)));
  EXPECT_FLOAT_EQ(total(1, a), 1000.0f);
  EXPECT_FLOAT_EQ(total(2, a), 1000.0f);
  EXPECT_FLOAT_EQ(total(3, a), 2000.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::FloatShares)(3, a), 800.0f);
  EXPECT_FLOAT_EQ(total(0, b), 500.0f);
  EXPECT_TRUE(std::isnan(total(2, b)));  // no bar that day
  ASSERT_EQ(notes.size(), 1u);           // 600001.SH is not in the data
  ASSERT_TRUE(derive_market_cap(md));
  EXPECT_FLOAT_EQ((*md.daily.find_field("total_mv"))(3, a), 13.0f * 2000.0f);
  EXPECT_FLOAT_EQ((*md.daily.find_field("circ_mv"))(1, a), 11.0f * 400.0f);
  EXPECT_FALSE(derive_market_cap(md));  // already present
}

TEST(ReferenceTables, StIntervalsAndListingDates) {
  MarketData md = four_days();
  std::vector<std::string> notes;
  apply_st_intervals(
      md, write("st.csv", "symbol,start,end\n000002.SZ,20240103,\n600000.SH,2024-01-02,2024-01-02\n"), notes);
  const Panel& st = md.daily.field(Field::IsST);
  const auto a = *md.find("600000.SH"), b = *md.find("000002.SZ");
  EXPECT_FLOAT_EQ(st(0, a), 1.0f);
  EXPECT_FLOAT_EQ(st(1, a), 0.0f);
  EXPECT_FLOAT_EQ(st(0, b), 0.0f);
  EXPECT_FLOAT_EQ(st(1, b), 1.0f);
  EXPECT_TRUE(std::isnan(st(2, b)));
  EXPECT_FLOAT_EQ(st(3, b), 1.0f);
  apply_listing_dates(md, write("listing.csv", "symbol,list_date,delist_date\n600000.SH,19991110,\n"), notes);
  EXPECT_EQ(md.instruments[static_cast<size_t>(a)].list_date, Date::from_ymd(1999, 11, 10));
}

TEST(ReferenceTables, IndexMembershipBecomesAnExtraPanel) {
  MarketData md = four_days();
  std::vector<std::string> notes;
  apply_index_membership(md,
                         write("members.csv",
                               "index,symbol,start,end\nSH000300,600000.SH,2024-01-03,2024-01-04\n"
                               "SH000300,000002.SZ,2023-01-01,\n"),
                         notes);
  const Panel* m = md.daily.find_field("member_000300.SH");
  ASSERT_NE(m, nullptr);
  const auto a = *md.find("600000.SH"), b = *md.find("000002.SZ");
  EXPECT_FLOAT_EQ((*m)(0, a), 0.0f);
  EXPECT_FLOAT_EQ((*m)(1, a), 1.0f);
  EXPECT_FLOAT_EQ((*m)(2, a), 1.0f);
  EXPECT_FLOAT_EQ((*m)(3, a), 0.0f);
  EXPECT_FLOAT_EQ((*m)(0, b), 1.0f);
  EXPECT_TRUE(std::isnan((*m)(2, b)));
}

TEST(ReferenceTables, BadRowsNameFileAndLine) {
  MarketData md = four_days();
  std::vector<std::string> notes;
  try {
    apply_share_capital(md, write("bad.csv", "date,symbol,total_shares\n2024-01-02,600000.SH,1\n"), notes);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:1: missing required column 'float_shares'"),
              std::string::npos)
        << e.what();
  }
  try {
    apply_st_intervals(md, write("bad2.csv", "symbol,start,end\n600000.SH,2024/01/02,\n"), notes);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("bad2.csv:2: expected a date"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace abt
