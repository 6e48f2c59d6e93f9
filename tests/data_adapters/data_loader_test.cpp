#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/data_loader.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

std::string config_error(const nlohmann::json& spec) {
  try {
    load_market_data(spec, {});
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(DataLoader, RejectsMalformedSpecsWithTheirPath) {
  EXPECT_NE(config_error({{"synthetic", {{"stocks", 5}}}}).find("data.synthetic.stocks: expected an integer"),
            std::string::npos);
  EXPECT_NE(config_error({{"synthetic", {{"stockz", 50}}}}).find("data.synthetic.stockz: unknown key"),
            std::string::npos);
  EXPECT_NE(config_error({{"synthetic", {{"start", "2020-13-01"}}}}).find("data.synthetic.start"),
            std::string::npos);
  EXPECT_NE(config_error({{"parquet", "x"}}).find("data.parquet: unknown data source"), std::string::npos);
  // Every value is type-checked (a number here threw nlohmann's type_error: an internal error).
  EXPECT_EQ(config_error({{"csv", {{"files", "x.csv"}, {"ignore_columns", {"note", 1}}}}}),
            "data.csv.ignore_columns[1]: expected a column name");
  // Bounds of synthetic markets.
  EXPECT_EQ(config_error({{"synthetic", {{"stocks", 4294967306LL}}}}),
            "data.synthetic.stocks: expected an integer in [10, 7000], got 4294967306");
  EXPECT_EQ(
      config_error({{"synthetic", {{"start", "1900-01-02"}, {"end", "1900-12-31"}}}}),
      "data.synthetic: expected start and end within 1990-12-19 .. 2100-12-31 and at most 30 years apart, "
      "got 1900-01-02 .. 1900-12-31");
  EXPECT_NE(config_error({{"dataset", 3}}).find("data.dataset: expected a path"), std::string::npos);
  EXPECT_NE(config_error({{"csv", {{"file", "x"}}}}).find("data.csv.file: unknown key"), std::string::npos);
  EXPECT_NE(config_error(nlohmann::json::array()).find("data: expected one of"), std::string::npos);
}

TEST(DataLoader, SyntheticMarketIsGeneratedOnceThenReadFromTheCache) {
  const auto cache = test::make_temp_dir("cache");
  ::setenv("ABT_CACHE_DIR", cache.c_str(), 1);
  const nlohmann::json spec = {
      {"synthetic", {{"stocks", 50}, {"start", "2020-01-02"}, {"end", "2020-06-30"}}}};
  const LoadedData first = load_market_data(spec, {});
  EXPECT_TRUE(first.generated);
  EXPECT_EQ(first.data.instrument_count(), 52);  // 50 stocks + BROAD.IDX + MAOTAI.IDX
  EXPECT_EQ(first.resolved_spec["synthetic"]["seed"], 42);
  EXPECT_EQ(first.resolved_spec["synthetic"]["hourly"], false);
  const LoadedData second = load_market_data(spec, {});
  EXPECT_FALSE(second.generated);
  EXPECT_EQ(second.data.fingerprint, first.data.fingerprint);
  EXPECT_EQ(default_cache_dir(), cache);
  std::filesystem::remove_all(cache);
}

TEST(DataLoader, DatasetAndCsvPathsResolveAgainstTheConfigDirectory) {
  const auto dir = test::make_temp_dir("loader");
  const MarketData tiny = test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                              .stock("600000.SH", {{10, 10.5, 9.9, 10.2}, {10.2, 10.4, 10.1, 10.3}})
                              .build();
  write_dataset(tiny, dir / "ds" / "market.abtd");
  const LoadedData ds = load_market_data({{"dataset", "ds"}}, dir);
  EXPECT_EQ(ds.data.fingerprint, tiny.fingerprint);

  std::ofstream(dir / "bars.csv") << "date,symbol,open,high,low,close,volume\n"
                                     "2024-01-02,600000.SH,10,10.5,9.9,10.2,1000\n"
                                     "2024-01-03,600000.SH,10.2,10.4,10.1,10.3,1200\n";
  std::ofstream(dir / "y10.csv") << "date,yield_pct\n2024-01-02,2.5\n2024-01-03,2.6\n2024-01-06,2.7\n";
  const LoadedData csv = load_market_data(
      {{"csv", {{"files", "bars.csv"}, {"series", {{{"name", "CN10Y"}, {"file", "y10.csv"}}}}}}}, dir);
  EXPECT_EQ(csv.data.instrument_count(), 1);
  ASSERT_TRUE(csv.data.series.count("CN10Y"));
  EXPECT_FLOAT_EQ(csv.data.series.at("CN10Y")(1, 0), 2.6f);
  ASSERT_EQ(csv.notes.size(), 1u);  // the value on 2024-01-06 (not a trading day) is reported, not hidden
  EXPECT_THROW(load_market_data({{"dataset", "missing"}}, dir), DataError);
  std::filesystem::remove_all(dir);
}

TEST(DataLoader, HourlyBarsGetTheirDaysAdjustmentFactor) {
  MarketData md =
      test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
          .stock("600000.SH", {{10, 10, 10, 10}, {5, 5, 5, 5}}, {1.0, 2.0})
          .hourly("600000.SH", {{{10, 10, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}},
                                {{5, 5, 5, 5}, {5, 5, 5, 5}, {5, 5, 5, 5}, {5, 5, 5, 5}}})
          .build();
  ASSERT_FALSE(md.hourly->has(Field::AdjFactor));
  derive_hourly_adjustment(md);
  ASSERT_TRUE(md.hourly->has(Field::AdjFactor));
  EXPECT_FLOAT_EQ(md.hourly->field(Field::AdjFactor)(3, 0), 1.0f);
  EXPECT_FLOAT_EQ(md.hourly->field(Field::AdjFactor)(4, 0), 2.0f);
  // Adjusted 60-minute closes are continuous across the ex-date: 10 x 1 == 5 x 2.
  EXPECT_FLOAT_EQ(md.hourly->field(Field::Close)(3, 0) * 1.0f, md.hourly->field(Field::Close)(4, 0) * 2.0f);
}

}  // namespace
}  // namespace abt
