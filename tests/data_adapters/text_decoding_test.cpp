// Text inputs are UTF-8 or GB18030 / GBK (converted): a GBK `name` column becomes UTF-8 instead of an
// internal error when the dataset header is written; bytes of neither encoding stop with FILE:LINE.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "data_adapters/csv/panel_csv.hpp"
#include "data_adapters/csv/text_decoding.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

constexpr const char* kGbkZhongWen = "\xd6\xd0\xce\xc4";           // 中文 in GBK
constexpr const char* kUtf8ZhongWen = "\xe4\xb8\xad\xe6\x96\x87";  // 中文 in UTF-8

TEST(TextDecoding, Utf8IsKeptAndGbkIsConverted) {
  auto d = csv::decode_text("\xEF\xBB\xBFplain,\xe4\xb8\xad\n", "a.csv");
  EXPECT_FALSE(d.from_gb18030);
  EXPECT_EQ(d.text, "plain,\xe4\xb8\xad\n");  // the byte order mark is dropped
  d = csv::decode_text(std::string("name\n") + kGbkZhongWen + "\n", "a.csv");
  EXPECT_TRUE(d.from_gb18030);
  EXPECT_EQ(d.text, std::string("name\n") + kUtf8ZhongWen + "\n");
  // GB18030's byte order mark (84 31 95 33) is dropped like UTF-8's.
  d = csv::decode_text(std::string("\x84\x31\x95\x33name,") + kGbkZhongWen, "a.csv");
  EXPECT_EQ(d.text, std::string("name,") + kUtf8ZhongWen);
}

TEST(TextDecoding, BytesOfNeitherEncodingNameTheLineAndColumn) {
  try {
    csv::decode_text("date,name\n2024-01-02,ab\xff\n", "a.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "a.csv:2: expected UTF-8 or GB18030 (GBK) text, got the byte 0xff at column 14");
  }
}

TEST(TextDecoding, GbkNameColumnReachesTheDatasetAsUtf8) {
  const auto dir = test::make_temp_dir("gbk_csv");
  std::ofstream(dir / "d.csv", std::ios::binary)
      << "date,symbol,open,high,low,close,volume,name\n"
      << "2024-01-02,600519.SH,10,11,9,10.5,100," << kGbkZhongWen << "\n"
      << "2024-01-03,600519.SH,10.5,11,10,10.8,100," << kGbkZhongWen << "\n";
  const MarketData md = load_panel_csv({dir / "d.csv"});
  ASSERT_EQ(md.instrument_count(), 1);
  EXPECT_EQ(md.instruments[0].name, kUtf8ZhongWen);
  write_dataset(md, dir / "out");  // nlohmann refused the GBK bytes here before (an internal error)
  EXPECT_EQ(read_dataset(dir / "out").instruments[0].name, kUtf8ZhongWen);
  EXPECT_TRUE(csv::CsvText::read(dir / "d.csv").from_gb18030());
}

}  // namespace
}  // namespace abt
