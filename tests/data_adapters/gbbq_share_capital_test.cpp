// Share capital from a gbbq table for a non-TDX source (qlib): observed records, the roll-forward by the
// factor's bonus-share jumps after the table's end, and the provenance kept in the dataset.
#include "data_adapters/reference/gbbq_share_capital.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/import/source_import.hpp"
#include "data_adapters/qlib/qlib_bin.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

using test::write_text;

/// Six days around the end of the gbbq table (2020-11-09). 600001.SH: unadjusted close 10 every day;
/// factor 1 -> 1.2 on 11-06 (before the end: the table has the shares), -> 1.56 on 11-10 (x1.3: a
/// 10转3 bonus after the end), -> 1.5912 on 11-12 (x1.02: a cash dividend). 600002.SH has no gbbq record.
struct Fixture {
  fs::path qlib, gbbq;
};

Fixture make_fixture() {
  const fs::path root = test::make_temp_dir("gbbq_shares");
  write_text(root / "qlib" / "calendars" / "day.txt",
             "2020-11-05\n2020-11-06\n2020-11-09\n2020-11-10\n2020-11-11\n2020-11-12\n");
  const std::vector<float> factor = {1, 1.2f, 1.2f, 1.56f, 1.56f, 1.5912f};
  for (const char* code : {"SH600001", "SH600002"}) {
    const fs::path dir = root / "qlib" / "features" / code;
    fs::create_directories(dir);
    std::vector<float> adjusted;
    for (float f : factor) adjusted.push_back(10.0f * f);
    for (const char* field : {"open", "high", "low", "close"})
      write_qlib_bin(dir / (std::string(field) + ".day.bin"), 0, adjusted);
    write_qlib_bin(dir / "volume.day.bin", 0, {100, 100, 100, 100, 100, 100});
    write_qlib_bin(dir / "factor.day.bin", 0, factor);
  }
  write_text(root / "gbbq.csv",
             "market,code,date,category,f1,f2,f3,f4\n"
             "SH,600001,20201105,5,0,0,5000,10000\n"
             "SH,600001,20201106,1,1,0,2,0\n"
             "SZ,000009,20201109,5,0,0,100,200\n");  // another stock's record: the table ends 2020-11-09
  return {root / "qlib", root / "gbbq.csv"};
}

TEST(GbbqShareCapital, ObservedThenRolledForwardByBonusJumpsOnly) {
  const Fixture f = make_fixture();
  SourceSpec spec;
  spec.format = "qlib";
  spec.paths = {f.qlib};
  spec.gbbq = f.gbbq;
  std::vector<std::string> notes;
  const MarketData md = import_source(spec, &notes);
  const InstrumentId a = *md.find("600001.SH"), b = *md.find("600002.SH");
  const Panel& total = md.daily.field(Field::TotalShares);
  const Panel& floating = md.daily.field(Field::FloatShares);
  // Observed 1e8 / 5e7 up to 11-09 (the 11-06 factor jump is inside the table: not a roll-forward).
  for (int32_t d = 0; d < 3; ++d) EXPECT_FLOAT_EQ(total(d, a), 1e8f) << d;
  // 11-10: x1.3 (bonus); 11-12: x1.02 is a cash dividend, no change.
  for (int32_t d = 3; d < 6; ++d) {
    EXPECT_NEAR(total(d, a), 1.3e8, 1e2) << d;
    EXPECT_NEAR(floating(d, a), 6.5e7, 1e2) << d;
  }
  EXPECT_TRUE(std::isnan(total(0, b)));
  // Market cap follows: 10 CNY x shares.
  EXPECT_NEAR(md.daily.extra.at("total_mv")(4, a), 1.3e9, 1e3);
  EXPECT_EQ(md.provenance.shares_observed_through, Date::from_ymd(2020, 11, 9));
  EXPECT_EQ(md.provenance.shares_source, "gbbq " + f.gbbq.string());
  bool said_rolled = false, said_missing = false;
  for (const auto& n : notes) {
    said_rolled = said_rolled ||
                  n.find("observed through 2020-11-09; after that rolled forward by 1") != std::string::npos;
    said_missing =
        said_missing || n.find("1 stocks have bars but no share-capital record") != std::string::npos;
  }
  EXPECT_TRUE(said_rolled);
  EXPECT_TRUE(said_missing);

  // The provenance survives the dataset round trip.
  const fs::path file = test::make_temp_dir("gbbq_ds") / "market.abtd";
  write_dataset(md, file);
  const MarketData back = read_dataset(file);
  EXPECT_EQ(back.provenance, md.provenance);
  EXPECT_EQ(back.fingerprint, md.fingerprint);
}

TEST(GbbqShareCapital, ConfigSourceTakesGbbqForEveryFormat) {
  const Fixture f = make_fixture();
  const SourceSpec spec =
      parse_source_spec("qlib", {{"path", f.qlib.string()}, {"gbbq", f.gbbq.string()}}, "data.qlib", ".");
  ASSERT_TRUE(spec.gbbq.has_value());
  EXPECT_EQ(source_spec_json(spec)["qlib"]["gbbq"], f.gbbq.string());
}

}  // namespace
}  // namespace abt
