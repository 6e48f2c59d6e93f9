// 1-minute -> 60-minute -> daily resampling on generated bars (always) and the real SSE sample.
#include "data_adapters/resample/minute_bars.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>

#include "data_adapters/csv/csv_text.hpp"
#include "data_adapters/import/source_import.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

TEST(MinuteResample, LooseTimestampsAndSlots) {
  Timestamp t;
  ASSERT_TRUE(parse_loose_timestamp("2017-3-3 13:22:0", t));
  EXPECT_EQ(t, Timestamp::of(Date::from_ymd(2017, 3, 3), 13, 22));
  ASSERT_TRUE(parse_loose_timestamp("2017-03-03 09:31", t));
  EXPECT_FALSE(parse_loose_timestamp("2017-3-3 13:22:30", t));
  EXPECT_FALSE(parse_loose_timestamp("2017-2-30 13:22:0", t));
  EXPECT_EQ(hour_slot_of_minute(9 * 60 + 31), 0);
  EXPECT_EQ(hour_slot_of_minute(10 * 60 + 30), 0);
  EXPECT_EQ(hour_slot_of_minute(10 * 60 + 31), 1);
  EXPECT_EQ(hour_slot_of_minute(11 * 60 + 30), 1);
  EXPECT_EQ(hour_slot_of_minute(13 * 60), 2);
  EXPECT_EQ(hour_slot_of_minute(14 * 60 + 1), 3);
  EXPECT_EQ(hour_slot_of_minute(12 * 60), -1);
  EXPECT_EQ(hour_slot_of_minute(15 * 60 + 1), -1);
}

TEST(MinuteResample, AggregatesExactly) {
  const fs::path f = test::make_temp_dir("minutes") / "600000.SH.csv";
  std::ofstream(f) << "date, open, high, low, close, amount, count\n"
                      "2024-1-2 9:31:0, 10.00, 10.10, 9.90, 10.05, 100, 10\n"
                      "2024-1-2 10:30:0, 10.05, 10.20, 10.00, 10.10, 200, 20\n"
                      "2024-1-2 10:31:0, 10.10, 10.15, 10.05, 10.12, 300, 30\n"
                      "2024-1-2 13:0:0, 10.12, 10.30, 10.11, 10.25, 400, 40\n"
                      "2024-1-2 14:0:0, 10.25, 10.26, 10.20, 10.21, 500, 50\n"
                      "2024-1-2 15:0:0, 10.21, 10.22, 9.80, 9.95, 600, 60\n";
  SourceSpec spec;
  spec.format = "minute";
  spec.paths = {f};
  const MarketData md = import_source(spec);
  ASSERT_TRUE(md.hourly.has_value());
  ASSERT_EQ(md.hourly->rows(), 4);
  const auto id = *md.find("600000.SH");
  const Panel& hc = md.hourly->field(Field::Close);
  EXPECT_FLOAT_EQ(hc(0, id), 10.10f);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::High)(0, id), 10.20f);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Volume)(0, id), 30.0f);
  EXPECT_FLOAT_EQ(hc(1, id), 10.12f);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Open)(2, id), 10.12f);  // the 13:00 print opens the 14:00 bar
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Volume)(2, id), 90.0f);
  EXPECT_EQ(md.hourly->stamps[3], Timestamp::of(Date::from_ymd(2024, 1, 2), 15, 0));
  EXPECT_FLOAT_EQ(md.daily.field(Field::Open)(0, id), 10.00f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::High)(0, id), 10.30f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Low)(0, id), 9.80f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(0, id), 9.95f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Volume)(0, id), 210.0f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Amount)(0, id), 2100.0f);
}

TEST(MinuteResample, BadRowsNameFileAndLine) {
  const fs::path dir = test::make_temp_dir("minutes_bad");
  std::ofstream(dir / "a.csv")
      << "date,open,high,low,close\n2024-1-2 9:31:0,1,1,1,1\n2024-1-2 12:10:0,1,1,1,1\n";
  std::ofstream(dir / "b.csv") << "date,open,high,low\n2024-1-2 9:31:0,1,1,1\n";
  std::ofstream(dir / "c.csv")
      << "date,open,high,low,close\n2024-1-2 9:31:0,1,1,1,1\n2024-1-2 9:x:0,1,1,1,1\n";
  std::ofstream(dir / "d.csv")
      << "date,open,high,low,close\n2024-1-2 9:32:0,1,1,1,1\n2024-1-2 9:31:0,1,1,1,1\n";
  const std::pair<const char*, const char*> cases[] = {{"a.csv:3", "inside the session"},
                                                       {"b.csv:1", "missing required column 'close'"},
                                                       {"c.csv:3", "expected a minute bar end time"},
                                                       {"d.csv:3", "increasing"}};
  for (const auto& [where, what] : cases) {
    const std::string file = std::string(where).substr(0, 5);
    try {
      read_minute_csv(dir / file);
      ADD_FAILURE() << "expected DataError for " << file;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  }
}

TEST(MinuteResample, RealSseSampleGivesFourBarsPerDayMatchingTheDailyClose) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const fs::path sample = test::shared_dir() / "data" / "real-sample";
  SourceSpec spec;
  spec.format = "minute";
  spec.paths = {sample / "intraday" / "sse_composite_1min_2017.csv"};
  spec.symbols = {"000001.SH"};
  const MarketData md = import_source(spec);
  ASSERT_TRUE(md.hourly.has_value());
  EXPECT_EQ(md.calendar.size(), 101);
  EXPECT_EQ(md.hourly->rows(), 4 * md.calendar.size());
  const Panel& hc = md.hourly->field(Field::Close);
  for (int32_t r = 0; r < md.hourly->rows(); ++r) {
    EXPECT_EQ(md.hourly->stamps[static_cast<size_t>(r)].minute_of_day(),
              kHourlyBarEnd[static_cast<size_t>(r % 4)]);
    if (r / 4 > 0) {  // the first day (2017-03-03) starts at 13:22
      EXPECT_FALSE(std::isnan(hc(r, 0))) << r;
    }
  }
  // Daily closes from the minutes agree with the exchange's daily closes of SH000001.
  std::map<Date, float> official;
  csv::CsvText text = csv::CsvText::read(sample / "index_daily_2010_2026.csv");
  std::string_view line;
  std::vector<std::string_view> cells;
  text.next_line(line);
  while (text.next_line(line)) {
    csv::split_line(line, cells);
    Date d;
    float close = 0;
    if (cells[1] == "SH000001" && Date::try_parse(cells[0], d) &&
        read_value(cells[5], ValueDomain::Positive, close) == ValueRead::Ok)
      official[d] = close;
  }
  int compared = 0;
  for (int32_t t = 0; t < md.calendar.size(); ++t) {
    const auto it = official.find(md.calendar.day(t));
    if (it == official.end()) continue;
    EXPECT_NEAR(md.daily.field(Field::Close)(t, 0), it->second, 0.011) << md.calendar.day(t).to_string();
    ++compared;
  }
  EXPECT_EQ(compared, 101);
}

}  // namespace
}  // namespace abt
