// `abt data validate` checks on a hand-made market: OHLC, non-positive prices, limit moves, gaps, quarantine.
#include "data_adapters/validate/data_validator.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace abt {
namespace {

using test::TinyBar;

TEST(DataValidator, FindsEachKindOfBadBarAndQuarantinesThem) {
  std::vector<std::string> days;
  for (int d = 2; d <= 12; ++d)
    days.push_back("2024-01-" + std::string(d < 10 ? "0" : "") + std::to_string(d));
  std::vector<TinyBar> good(days.size(), TinyBar{10, 10.2, 9.9, 10, 1e6});
  std::vector<TinyBar> a = good;
  a[6] = {10, 10.5, 9.9, 11.2, 1e6};  // high below close -> ohlc
  a[7] = {10, 11.0, 9.9, 11.0, 1e6};  // +10 % from 10.00: exactly the limit, fine
  a[8] = {11, 12.2, 11, 12.2, 1e6};   // +10.9 % from 11.00 -> limit
  a[9] = a[10] = {12.2, 12.3, 12.0, 12.2, 1e6};
  std::vector<TinyBar> b = good;
  b[3] = TinyBar{};  // a listed day without a bar -> gap
  const MarketData md = test::TinyMarketBuilder(days).stock("600000.SH", a).stock("000002.SZ", b).build();
  const ValidationReport r = validate_market_data(md);
  EXPECT_EQ(r.counts.at("ohlc"), 1);
  EXPECT_EQ(r.counts.at("limit"), 1);
  EXPECT_EQ(r.counts.at("non_positive"), 0);
  EXPECT_EQ(r.counts.at("gap"), 1);
  ASSERT_EQ(r.bad_bars.size(), 2u);
  EXPECT_EQ(r.bad_bars[1].check, "limit");
  EXPECT_EQ(r.bad_bars[1].day, 8);
  EXPECT_NE(r.bad_bars[1].detail.find("[9.90, 12.10]"), std::string::npos) << r.bad_bars[1].detail;
  const MarketData clean = quarantine(md, r.bad_bars);
  const auto id = *clean.find("600000.SH");
  EXPECT_TRUE(std::isnan(clean.daily.field(Field::Close)(6, id)));
  EXPECT_TRUE(std::isnan(clean.daily.field(Field::Volume)(8, id)));
  EXPECT_FLOAT_EQ(clean.daily.field(Field::Close)(7, id), 11.0f);
  EXPECT_NE(clean.fingerprint, md.fingerprint);
  EXPECT_EQ(validate_market_data(clean).bad_bars.size(), 0u);
}

TEST(DataValidator, ChecksSignsFactorsAndSharesAndReportsFactorDrops) {
  const std::vector<std::string> days = {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"};
  const TinyBar bar{10, 10.2, 9.9, 10, 1e6};
  std::vector<TinyBar> negative_volume(4, bar);
  negative_volume[2].volume = -5;
  MarketData md =
      test::TinyMarketBuilder(days)
          .stock("600000.SH", {bar, bar, bar, bar}, {119.96, 119.96, 99.79, 99.79}, {1e9, 1e9, 1e9, 1e9})
          .stock("600001.SH", negative_volume, {0, 1, 1, 1})
          .build();
  // Float shares above total shares on the first day of 600000.SH.
  md.daily.fields[static_cast<int>(Field::FloatShares)] =
      md.adopt({2e9f, test::kNaN, 1e9f, test::kNaN, 1e9f, test::kNaN, 1e9f, test::kNaN}, 4, 2);
  const ValidationReport r = validate_market_data(md);
  EXPECT_EQ(r.counts.at("negative"), 1);
  EXPECT_EQ(r.counts.at("factor"), 1);
  EXPECT_EQ(r.counts.at("factor_drop"), 1);
  EXPECT_EQ(r.counts.at("shares"), 1);
  EXPECT_EQ(r.counts.at("non_finite"), 0);
  // Bad bars: the factor drop also moves the ex-rights reference (12.02): a limit violation on that day.
  ASSERT_EQ(r.bad_bars.size(), 3u);
  EXPECT_EQ(r.bad_bars[0].check, "limit");
  EXPECT_EQ(r.bad_bars[0].day, 2);
  EXPECT_EQ(r.bad_bars[1].check, "factor");
  EXPECT_EQ(r.bad_bars[1].day, 0);
  EXPECT_EQ(r.bad_bars[1].detail, "adj_factor 0 (expected > 0)");
  EXPECT_EQ(r.bad_bars[2].check, "negative");
  EXPECT_EQ(r.bad_bars[2].detail, "volume -5, amount -50");
  ASSERT_EQ(r.notices.size(), 2u);
  EXPECT_EQ(r.notices[0].check, "shares");
  EXPECT_EQ(r.notices[1].check, "factor_drop");
  EXPECT_EQ(r.notices[1].day, 2);
  EXPECT_EQ(r.notices[1].detail, "adj_factor 99.79 after 119.96 (x0.831861)");
}

}  // namespace
}  // namespace abt
