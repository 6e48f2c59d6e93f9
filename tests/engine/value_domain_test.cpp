// The one set of rules for numeric market-data values: strict text numbers, domains per field, market dates.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

TEST(ValueDomain, FieldsHaveTheirDomains) {
  for (const char* price : {"open", "high", "low", "close", "vwap", "pre_close", "adj_factor"})
    EXPECT_EQ(domain_of_column(price), ValueDomain::Positive) << price;
  for (const char* count : {"volume", "amount", "total_shares", "float_shares", "total_mv", "circ_mv"})
    EXPECT_EQ(domain_of_column(count), ValueDomain::NonNegative) << count;
  EXPECT_EQ(domain_of_column("is_st"), ValueDomain::Status);
  EXPECT_EQ(domain_of_column("member_000300.SH"), ValueDomain::Flag);
  EXPECT_EQ(domain_of_column("pct_change"), ValueDomain::Finite);
}

TEST(ValueDomain, TextNumbersAreStrict) {
  double d = -1;
  EXPECT_EQ(read_value("1.5", ValueDomain::Positive, d), ValueRead::Ok);
  EXPECT_DOUBLE_EQ(d, 1.5);
  EXPECT_EQ(read_value("+4", ValueDomain::Positive, d), ValueRead::Ok);
  EXPECT_EQ(read_value("-2e3", ValueDomain::Finite, d), ValueRead::Ok);
  EXPECT_DOUBLE_EQ(d, -2000);
  EXPECT_EQ(read_value("-0", ValueDomain::NonNegative, d), ValueRead::Ok);
  for (const char* text :
       {"", "nan", "NaN", "inf", "-inf", "infinity", "0x10", " 1", "1 ", "1,5", "abc", "--1", "+"})
    EXPECT_EQ(read_value(text, ValueDomain::Finite, d), ValueRead::NotANumber) << "'" << text << "'";
  EXPECT_EQ(read_value("1e400", ValueDomain::Finite, d), ValueRead::NotFinite);
  EXPECT_EQ(read_value("1e-400", ValueDomain::NonNegative, d), ValueRead::Ok);  // underflow is 0
  EXPECT_EQ(d, 0.0);
  EXPECT_EQ(read_value("1e-400", ValueDomain::Positive, d), ValueRead::OutOfDomain);
  EXPECT_EQ(read_value("0", ValueDomain::Positive, d), ValueRead::OutOfDomain);
  EXPECT_EQ(read_value("-5", ValueDomain::NonNegative, d), ValueRead::OutOfDomain);
  EXPECT_EQ(read_value("3", ValueDomain::Status, d), ValueRead::OutOfDomain);
  EXPECT_EQ(read_value("2", ValueDomain::Status, d), ValueRead::Ok);
  float f = 0;
  EXPECT_EQ(read_value("1e39", ValueDomain::Finite, f), ValueRead::NotFinite);       // infinity in float32
  EXPECT_EQ(read_value("1e-50", ValueDomain::Positive, f), ValueRead::OutOfDomain);  // 0 in float32
  EXPECT_EQ(value_error(ValueRead::OutOfDomain, ValueDomain::Positive, "open", "0"),
            "expected a positive price, got '0'");
  EXPECT_EQ(value_error(ValueRead::OutOfDomain, ValueDomain::Positive, "adj_factor", "0"),
            "expected a positive adjustment factor, got '0'");
  EXPECT_EQ(value_error(ValueRead::NotFinite, ValueDomain::Finite, "x", "1e39"),
            "expected a finite number within float32 range (|x| < 3.4e38), got '1e39'");
}

TEST(ValueDomain, BinaryValuesAcceptNaNAsNoValue) {
  EXPECT_FALSE(binary_value_problem(std::nan(""), ValueDomain::Positive, "close"));
  EXPECT_FALSE(binary_value_problem(10.5, ValueDomain::Positive, "close"));
  EXPECT_EQ(binary_value_problem(0, ValueDomain::Positive, "adj_factor").value_or(""),
            "expected a positive adjustment factor or NaN (no value), got 0");
  EXPECT_EQ(binary_value_problem(-1.5, ValueDomain::NonNegative, "volume").value_or(""),
            "expected a non-negative number or NaN (no value), got -1.5");
  EXPECT_TRUE(binary_value_problem(std::numeric_limits<double>::infinity(), ValueDomain::Finite, "x"));
}

TEST(ValueDomain, MarketDatesAreWeekdaysInRange) {
  EXPECT_FALSE(market_date_problem(Date::from_ymd(2024, 1, 8)));  // a Monday
  EXPECT_EQ(market_date_problem(Date::from_ymd(2024, 1, 6)).value_or(""),
            "2024-01-06 is a Saturday (A-shares never trade on weekends)");
  EXPECT_EQ(market_date_problem(Date::from_ymd(2024, 1, 7)).value_or(""),
            "2024-01-07 is a Sunday (A-shares never trade on weekends)");
  EXPECT_EQ(market_date_problem(Date::from_ymd(1900, 1, 2)).value_or(""),
            "1900-01-02 is outside the market-date range 1990-12-19 .. 2100-12-31");
  EXPECT_FALSE(market_date_problem(Date::from_ymd(1990, 12, 19)));
  EXPECT_TRUE(market_date_problem(Date::from_ymd(1990, 12, 18)));
  // Reference dates: any day of the week, and records older than the exchanges.
  EXPECT_FALSE(reference_date_problem(Date::from_ymd(1990, 3, 1)));
  EXPECT_FALSE(reference_date_problem(Date::from_ymd(2024, 1, 6)));
  EXPECT_EQ(reference_date_problem(Date::from_ymd(1979, 12, 31)).value_or(""),
            "1979-12-31 is outside the reference-date range 1980-01-01 .. 2100-12-31");
}

}  // namespace
}  // namespace abt
