// Series CSV adapter and attaching series / index instruments to an existing MarketData.
#include "data_adapters/csv/series_csv.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "data_adapters/csv/panel_csv.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
using test::TinyBar;

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

MarketData three_days() {
  return test::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-05"})
      .stock("600000.SH", {{10, 11, 9, 10, 1}, {10, 11, 9, 10.5, 1}, {10.5, 11, 10, 10.8, 1}})
      .hourly("600000.SH",
              std::vector<std::vector<TinyBar>>(3, std::vector<TinyBar>(4, TinyBar{10, 10, 10, 10, 1})))
      .build();
}

TEST(SeriesCsv, ValueSeriesIsAlignedToTheCalendar) {
  const fs::path dir = test::make_temp_dir("series_value");
  const fs::path file =
      write_file(dir / "yield.csv", "date,yield_pct\n2024-01-02,2.5\n2024-01-04,2.6\n20240105,\n");
  const SeriesCsv s = read_series_csv(file);
  EXPECT_EQ(s.name, "yield");
  EXPECT_FALSE(s.is_ohlc);
  MarketData md = three_days();
  const std::string before = md.fingerprint;
  const SeriesAttachNote note = attach_series(md, s);
  EXPECT_EQ(note.ignored_off_calendar, 1u);  // 2024-01-04 is not a trading day
  EXPECT_EQ(note.missing_on_calendar, 1u);   // 2024-01-03 has no value
  EXPECT_NE(note.message.find("1 values on non-trading days ignored"), std::string::npos) << note.message;
  const Panel& p = md.series.at("yield");
  EXPECT_FLOAT_EQ(p(0, 0), 2.5f);
  EXPECT_TRUE(std::isnan(p(1, 0)));
  EXPECT_TRUE(std::isnan(p(2, 0)));  // empty cell = NaN
  EXPECT_NE(md.fingerprint, before);
  EXPECT_EQ(md.fingerprint, compute_fingerprint(md));
  EXPECT_THROW(attach_series(md, s), DataError);  // the name exists
}

TEST(SeriesCsv, OhlcSeriesBecomesAnIndexInstrument) {
  const fs::path dir = test::make_temp_dir("series_ohlc");
  const fs::path file =
      write_file(dir / "MOUTAI.IDX.csv",
                 "date,open,high,low,close\n2024-01-03,100,102,99,101\n2024-01-05,101,103,100,102\n");
  MarketData md = three_days();
  const float* stocks_close = md.daily.field(Field::Close).data();
  attach_series(md, read_series_csv(file));
  ASSERT_EQ(md.instrument_count(), 2);
  // Appended beside the market's block, which is not copied (engine/data/panel.hpp).
  EXPECT_EQ(md.daily.field(Field::Close).data(), stocks_close);
  EXPECT_EQ(md.daily.field(Field::Close).stored_cols(), 1);
  EXPECT_EQ(md.daily.field(Field::Close).appended_cols(), 1);
  const auto id = md.find("MOUTAI.IDX");
  ASSERT_EQ(id, std::optional<InstrumentId>(1));
  EXPECT_EQ(md.instruments[1].kind, InstrumentKind::Index);
  EXPECT_EQ(md.instruments[1].list_date, Date::from_ymd(2024, 1, 3));
  EXPECT_EQ(md.instruments[1].delist_date, Date::max());
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(2, 1), 102.f);
  EXPECT_TRUE(std::isnan(md.daily.field(Field::Close)(0, 1)));
  EXPECT_TRUE(std::isnan(md.daily.field(Field::Volume)(1, 1)));
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(1, 0), 10.5f);  // existing column unchanged
  EXPECT_EQ(md.hourly->field(Field::Close).cols(), 2);
  EXPECT_TRUE(std::isnan(md.hourly->field(Field::Close)(0, 1)));
  EXPECT_NO_THROW(md.validate());
  // A second index joins the appended block after the first.
  attach_series(md, read_series_csv(write_file(dir / "SECOND.IDX.csv",
                                               "date,open,high,low,close\n2024-01-02,7,7,7,7\n")));
  EXPECT_EQ(md.daily.field(Field::Close).appended_cols(), 2);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(2, 1), 102.f);
  EXPECT_FLOAT_EQ(md.daily.field(Field::Close)(0, 2), 7.f);
  EXPECT_EQ(md.fingerprint, compute_fingerprint(with_contiguous_panels(md)));
}

TEST(SeriesCsv, MalformedSeriesFiles) {
  const fs::path dir = test::make_temp_dir("series_bad");
  auto error_of = [](const fs::path& f) {
    try {
      read_series_csv(f);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const fs::path header = write_file(dir / "a.csv", "date,a,b\n2024-01-02,1,2\n");
  EXPECT_NE(error_of(header).find(header.string() + ":1: expected 'date,value'"), std::string::npos)
      << error_of(header);
  const fs::path dup = write_file(dir / "b.csv", "date,v\n2024-01-02,1\n2024-01-02,2\n");
  EXPECT_NE(error_of(dup).find(dup.string() + ":3: expected one row per date"), std::string::npos)
      << error_of(dup);
  const fs::path num = write_file(dir / "c.csv", "date,v\n2024-01-02,x\n");
  EXPECT_NE(error_of(num).find(num.string() + ":2: column 'v': expected a number, got 'x'"),
            std::string::npos);
  const fs::path date = write_file(dir / "d.csv", "date,v\n2024/01/02,1\n");
  EXPECT_NE(error_of(date).find(date.string() + ":2: expected a date"), std::string::npos);
}

TEST(SeriesCsv, RealTenYearYieldSample) {
  if (!test::shared_available()) GTEST_SKIP() << "../shared real samples not available";
  const fs::path sample = test::shared_dir() / "data/real-sample";
  MarketData md = load_panel_csv({sample / "index_daily_2010_2026.csv"});
  const SeriesCsv s = read_series_csv(sample / "macro/cn_gov_bond_10y_yield_2002_2024.csv", "cn10y");
  const SeriesAttachNote note = attach_series(md, s);
  EXPECT_GT(note.ignored_off_calendar, 0u);  // 2002..2009 precede the index calendar
  const auto row = md.calendar.index_of(Date::from_ymd(2022, 12, 30));
  ASSERT_TRUE(row.has_value());
  EXPECT_NEAR(md.series.at("cn10y")(*row, 0), 2.8353, 1e-4);
}

}  // namespace
}  // namespace abt
