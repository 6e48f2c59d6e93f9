// Binary dataset (.abtd) round trip, zero-copy mapping, corruption detection and atomic writes.
#include "data_adapters/binary/dataset_file.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include "data_adapters/binary/dataset_layout.hpp"
#include "data_adapters/binary/mapped_file.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
using test::TinyBar;

MarketData tiny_market() {
  const std::vector<std::string> days = {"2024-01-02", "2024-01-03", "2024-01-04"};
  std::vector<std::vector<TinyBar>> hourly = {{{10, 10.5, 9.9, 10.2, 100},
                                               {10.2, 10.3, 10.1, 10.1, 50},
                                               {10.1, 10.2, 10, 10.2, 60},
                                               {10.2, 10.4, 10.2, 10.3, 90}},
                                              {{10.3, 10.6, 10.3, 10.5, 80},
                                               {10.5, 10.5, 10.4, 10.4, 20},
                                               {10.4, 10.7, 10.4, 10.7, 30},
                                               {10.7, 10.8, 10.6, 10.8, 70}},
                                              {{10.8, 10.9, 10.5, 10.6, 40},
                                               {10.6, 10.6, 10.2, 10.3, 60},
                                               {10.3, 10.4, 10.1, 10.2, 50},
                                               {10.2, 10.3, 10.0, 10.1, 90}}};
  MarketData md =
      test::TinyMarketBuilder(days)
          .stock("600519.SH",
                 {{10, 10.5, 9.9, 10.3, 300}, {10.3, 10.8, 10.3, 10.8, 200}, {10.8, 10.9, 10.0, 10.1, 240}},
                 {1, 1, 1.1}, {1e9, 1e9, 1e9})
          .stock("300750.SZ", {{}, {20, 21, 19, 20.5, 1000}, {20.5, 20.5, 20, 20.2, 0}})
          .index("SH000300", {3500, 3510.5, 3490.25})
          .hourly("600519.SH", hourly)
          .series("yield", {2.5, 2.51, test::kNaN})
          .build();
  md.daily.extra["total_mv"] =
      md.adopt({1e10f, test::kNaN, 3.5f, 1e10f, 2e9f, test::kNaN, 1.1e10f, 2.1e9f, 0.f}, 3, 3);
  md.hourly->extra["turnover"] = md.adopt(std::vector<float>(12 * 3, 0.25f), 12, 3);
  md.instruments[0].name = "贵州茅台";
  md.fingerprint = compute_fingerprint(md);
  return md;
}

bool same_bits(const Panel& a, const Panel& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols() || a.empty() != b.empty()) return false;
  return a.empty() || std::memcmp(a.data(), b.data(), 4 * static_cast<size_t>(a.rows()) * a.cols()) == 0;
}

void expect_same_bars(const BarData& a, const BarData& b) {
  EXPECT_EQ(a.frequency, b.frequency);
  EXPECT_EQ(a.stamps, b.stamps);
  EXPECT_EQ(a.day_begin, b.day_begin);
  for (int f = 0; f < kFieldCount; ++f) EXPECT_TRUE(same_bits(a.fields[f], b.fields[f])) << "field " << f;
  ASSERT_EQ(a.extra.size(), b.extra.size());
  for (const auto& [name, p] : a.extra) {
    ASSERT_TRUE(b.extra.count(name)) << name;
    EXPECT_TRUE(same_bits(p, b.extra.at(name))) << name;
  }
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Absolute file offset of the block `label` (e.g. "1d/close").
uint64_t block_offset(const fs::path& file, const std::string& label) {
  const std::string bytes = read_bytes(file);
  const auto pre = dataset::decode_preamble(reinterpret_cast<const unsigned char*>(bytes.data()));
  const auto header =
      dataset::decode_header(std::string_view(bytes).substr(dataset::kPreambleSize, pre.header_bytes), file);
  for (const auto& b : header.blocks)
    if (b.label() == label) return dataset::align_up(dataset::kPreambleSize + pre.header_bytes) + b.offset;
  ADD_FAILURE() << "no block " << label;
  return 0;
}

std::string error_of(const fs::path& p) {
  try {
    read_dataset(p);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(DatasetFile, RoundTripIsIdenticalAndZeroCopy) {
  const MarketData original = tiny_market();
  const fs::path dir = test::make_temp_dir("abtd_roundtrip");
  write_dataset(original, dir / "market.abtd");
  const MarketData loaded = read_dataset(dir);  // a directory holding market.abtd is accepted

  EXPECT_EQ(loaded.fingerprint, original.fingerprint);
  EXPECT_EQ(compute_fingerprint(loaded), original.fingerprint);
  EXPECT_EQ(loaded.source, original.source);
  EXPECT_EQ(loaded.calendar.days(), original.calendar.days());
  ASSERT_EQ(loaded.instrument_count(), original.instrument_count());
  for (int i = 0; i < original.instrument_count(); ++i) {
    const Instrument &a = original.instruments[i], &b = loaded.instruments[i];
    EXPECT_EQ(a.symbol, b.symbol);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.board, b.board);
    EXPECT_EQ(a.list_date, b.list_date);
    EXPECT_EQ(a.delist_date, b.delist_date);
  }
  EXPECT_EQ(loaded.find("300750.SZ"), std::optional<InstrumentId>(1));
  expect_same_bars(original.daily, loaded.daily);
  ASSERT_TRUE(loaded.hourly.has_value());
  expect_same_bars(*original.hourly, *loaded.hourly);
  ASSERT_EQ(loaded.series.size(), 1u);
  EXPECT_TRUE(same_bits(original.series.at("yield"), loaded.series.at("yield")));

  // Zero copy: every panel starts on a page boundary of the map, at the distance the file layout says.
  const Panel& open = loaded.daily.field(Field::Open);
  const Panel& close = loaded.daily.field(Field::Close);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(open.data()) % 4096, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(close.data()) % 4096, 0u);
  const fs::path file = dir / "market.abtd";
  EXPECT_EQ(reinterpret_cast<const char*>(close.data()) - reinterpret_cast<const char*>(open.data()),
            static_cast<ptrdiff_t>(block_offset(file, "1d/close") - block_offset(file, "1d/open")));

  // The mapping outlives the file name and the original MarketData copy.
  const MarketData copy = loaded;
  fs::remove_all(dir);
  EXPECT_FLOAT_EQ(copy.daily.field(Field::Close)(1, 2), 3510.5f);
}

TEST(DatasetFile, WithoutHourlyOrSeries) {
  const MarketData md = test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                            .stock("000001.SZ", {{10, 11, 9, 10.5, 1}, {10.5, 10.6, 10.4, 10.5, 0}})
                            .build();
  const fs::path file = test::make_temp_dir("abtd_plain") / "x.abtd";
  write_dataset(md, file);
  const MarketData loaded = read_dataset(file, false);
  EXPECT_FALSE(loaded.hourly.has_value());
  EXPECT_TRUE(loaded.series.empty());
  EXPECT_EQ(compute_fingerprint(loaded), md.fingerprint);
}

TEST(DatasetFile, ExplicitRowLayoutRoundTrips) {
  // Hourly bars with only two rows per day (11:30 and 15:00): not the standard layout, stored as stamps.
  MarketData md = test::TinyMarketBuilder({"2024-01-02", "2024-01-03"})
                      .stock("600000.SH", {{10, 11, 9, 10.5, 1}, {10.5, 10.6, 10.4, 10.5, 0}})
                      .build();
  BarData h;
  h.frequency = Frequency::Min60;
  for (Date d : md.calendar.days()) {
    h.day_begin.push_back(h.rows());
    h.stamps.push_back(Timestamp::of(d, 11, 30));
    h.stamps.push_back(Timestamp::of(d, 15, 0));
  }
  h.day_begin.push_back(h.rows());
  for (Field f : {Field::Open, Field::High, Field::Low, Field::Close})
    h.fields[static_cast<int>(f)] = md.adopt({10.f, 10.5f, 10.5f, 10.5f}, 4, 1);
  md.hourly = std::move(h);
  md.fingerprint = compute_fingerprint(md);
  const fs::path file = test::make_temp_dir("abtd_explicit") / "market.abtd";
  write_dataset(md, file);
  const MarketData loaded = read_dataset(file);
  ASSERT_TRUE(loaded.hourly.has_value());
  EXPECT_EQ(loaded.hourly->stamps, md.hourly->stamps);
  EXPECT_EQ(loaded.hourly->day_begin, md.hourly->day_begin);
  EXPECT_EQ(loaded.fingerprint, md.fingerprint);
}

TEST(DatasetFile, FlippedByteInBlockNamesTheBlock) {
  const fs::path file = test::make_temp_dir("abtd_flip") / "market.abtd";
  write_dataset(tiny_market(), file);
  std::string bytes = read_bytes(file);
  bytes[block_offset(file, "1d/close") + 5] ^= 0x10;
  write_bytes(file, bytes);
  const std::string msg = error_of(file);
  EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("block 1d/close: checksum mismatch"), std::string::npos) << msg;
  // Skipping verification loads the (corrupt) data: the caller asked for it.
  EXPECT_NO_THROW(read_dataset(file, false));

  write_dataset(tiny_market(), file);
  bytes = read_bytes(file);
  bytes[block_offset(file, "60m/extra turnover")] ^= 0x01;
  write_bytes(file, bytes);
  EXPECT_NE(error_of(file).find("block 60m/extra turnover: checksum mismatch"), std::string::npos);
}

TEST(DatasetFile, AVerifiedFileIsNotHashedAgainUntilItChanges) {
  const fs::path dir = test::make_temp_dir("abtd_verified");
  const fs::path file = dir / "market.abtd";
  write_dataset(tiny_market(), file);
  const VerifiedFiles verified(dir / "verified", /*settle_seconds=*/0);
  const auto identity = [&] { return map_file_readonly(file, false)->identity; };
  const std::string bytes = read_bytes(file);
  const auto header_checksum =
      dataset::decode_preamble(reinterpret_cast<const unsigned char*>(bytes.data())).header_checksum;

  // First read: every block hashed, the file version recorded.
  EXPECT_FALSE(verified.contains(identity(), header_checksum));
  read_dataset(file, true, &verified);
  EXPECT_TRUE(verified.contains(identity(), header_checksum));
  EXPECT_FALSE(verified.contains(identity(), header_checksum + 1));

  // Changed in place: another mtime/ctime, so verified again and the corruption found.
  std::string corrupt = bytes;
  corrupt[block_offset(file, "1d/close") + 5] ^= 0x10;
  write_bytes(file, corrupt);
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::seconds(3));
  EXPECT_FALSE(verified.contains(identity(), header_checksum));
  EXPECT_THROW(read_dataset(file, true, &verified), DataError);
  EXPECT_FALSE(verified.contains(identity(), header_checksum));  // a failed verification is not recorded

  // Only the record decides: recorded as verified, the (now corrupt) blocks are not hashed (structure and
  // header still are checked). This is the skip that makes every later `abt run` cheap.
  verified.remember(identity(), header_checksum);
  EXPECT_NO_THROW(read_dataset(file, true, &verified));

  // Replaced by a new file (another inode): verified again.
  write_dataset(tiny_market(), file);
  EXPECT_FALSE(verified.contains(identity(), header_checksum));
  EXPECT_NO_THROW(read_dataset(file, true, &verified));

  // A file changed within the settle time is never recorded (its times may hide a later change).
  const fs::path fresh_dir = test::make_temp_dir("abtd_verified_fresh");
  write_dataset(tiny_market(), fresh_dir / "market.abtd");
  const VerifiedFiles cautious(fresh_dir / "verified");
  read_dataset(fresh_dir / "market.abtd", true, &cautious);
  EXPECT_FALSE(fs::exists(fresh_dir / "verified"));
}

TEST(DatasetFile, CorruptHeaderIsDetected) {
  const fs::path file = test::make_temp_dir("abtd_header") / "market.abtd";
  write_dataset(tiny_market(), file);
  std::string bytes = read_bytes(file);
  bytes[dataset::kPreambleSize + 20] ^= 0x02;
  write_bytes(file, bytes);
  EXPECT_NE(error_of(file).find("header checksum mismatch"), std::string::npos) << error_of(file);
}

TEST(DatasetFile, TruncatedFileGivesExpectedAndActualSize) {
  const fs::path file = test::make_temp_dir("abtd_trunc") / "market.abtd";
  write_dataset(tiny_market(), file);
  const auto size = fs::file_size(file);
  fs::resize_file(file, size - 100);
  const std::string msg = error_of(file);
  EXPECT_NE(msg.find("truncated"), std::string::npos) << msg;
  EXPECT_NE(msg.find("expected " + std::to_string(size) + " bytes"), std::string::npos) << msg;
  EXPECT_NE(msg.find("has " + std::to_string(size - 100)), std::string::npos) << msg;

  fs::resize_file(file, 20);
  EXPECT_NE(error_of(file).find("truncated"), std::string::npos) << error_of(file);
}

TEST(DatasetFile, WrongMagicAndVersionAreRefused) {
  const fs::path dir = test::make_temp_dir("abtd_magic");
  const fs::path file = dir / "market.abtd";
  write_dataset(tiny_market(), file);
  std::string bytes = read_bytes(file);
  std::string bad = bytes;
  bad[1] = 'X';
  write_bytes(file, bad);
  EXPECT_NE(error_of(file).find("not an abt dataset"), std::string::npos) << error_of(file);

  bad = bytes;
  const uint32_t version = 99;
  std::memcpy(bad.data() + 8, &version, 4);
  write_bytes(file, bad);
  const std::string msg = error_of(file);
  EXPECT_NE(msg.find("unsupported abt dataset format version 99 (expected version 1)"), std::string::npos)
      << msg;

  write_bytes(dir / "notes.csv", "date,close\n2024-01-02,1\n");
  EXPECT_NE(error_of(dir / "notes.csv").find("not an abt dataset"), std::string::npos);
}

TEST(DatasetFile, MissingFileNamesThePath) {
  const fs::path dir = test::make_temp_dir("abtd_missing");
  const std::string msg = error_of(dir);
  EXPECT_NE(msg.find((dir / "market.abtd").string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("no such file"), std::string::npos) << msg;
}

TEST(DatasetFile, FailedWriteLeavesTheOldFileIntact) {
  const fs::path dir = test::make_temp_dir("abtd_atomic");
  const fs::path file = dir / "market.abtd";
  const MarketData old_data =
      test::TinyMarketBuilder({"2024-01-02"}).stock("600000.SH", {{5, 5, 5, 5, 1}}).build();
  write_dataset(old_data, file);
  const MarketData bigger = tiny_market();

  // A write that fails half-way (file size limit hit mid-write; works even as root).
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old_limit;
  small.rlim_cur = 6000;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string msg;
  try {
    write_dataset(bigger, file);
  } catch (const DataError& e) {
    msg = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("write failed"), std::string::npos) << msg;
  EXPECT_EQ(read_dataset(file).fingerprint, old_data.fingerprint);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1) << "the temp file must be removed";

  // A read-only directory (only meaningful when not running as root).
  if (::geteuid() != 0) {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(write_dataset(bigger, file), DataError);
    fs::permissions(dir, fs::perms::owner_all);
    EXPECT_EQ(read_dataset(file).fingerprint, old_data.fingerprint);
  }
  write_dataset(bigger, file);  // and a successful overwrite replaces it
  EXPECT_EQ(read_dataset(file).fingerprint, bigger.fingerprint);
}

TEST(DatasetFile, RefusesToWriteInvalidData) {
  MarketData md = tiny_market();
  md.daily.fields[static_cast<int>(Field::Close)] = Panel();
  const fs::path file = test::make_temp_dir("abtd_invalid") / "market.abtd";
  EXPECT_THROW(write_dataset(md, file), DataError);
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
}  // namespace abt
