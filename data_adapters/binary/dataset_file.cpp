#include "data_adapters/binary/dataset_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "data_adapters/binary/dataset_layout.hpp"
#include "data_adapters/binary/mapped_file.hpp"
#include "engine/core/error.hpp"
#include "engine/core/value_domain.hpp"
#include "engine/data/content_hash.hpp"

namespace abt {
namespace {

static_assert(std::endian::native == std::endian::little, "the abt dataset format is little-endian");

namespace fs = std::filesystem;
using dataset::BlockEntry;
using dataset::BlockKind;

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

/// A block's bytes and the domain its float32 values must lie in (NaN = no value is always accepted).
struct Region {
  const void* data = nullptr;
  uint64_t bytes = 0;
  ValueDomain domain = ValueDomain::Finite;
};

/// What scanning a region found: its ContentHash and the first value outside its domain (index -1: none).
struct RegionScan {
  uint64_t checksum = 0;
  int64_t bad_index = -1;
  float bad_value = 0;
};

/// True when some value of v[0..n) is neither NaN nor in `d`. Comparisons that are false for NaN, cast to
/// integers and combined bitwise into an integer (a bool accumulator defeats GCC's vectoriser), so every
/// loop runs on SIMD registers: about 28 GB/s on data in cache.
bool any_outside(const float* v, size_t n, ValueDomain d) {
  constexpr float kMax = std::numeric_limits<float>::max();
  const auto u = [](bool b) { return static_cast<uint32_t>(b); };
  uint32_t bad = 0;
  switch (d) {
    case ValueDomain::Positive:
      for (size_t i = 0; i < n; ++i) bad |= u(v[i] <= 0.0f) | u(v[i] > kMax);
      break;
    case ValueDomain::NonNegative:
      for (size_t i = 0; i < n; ++i) bad |= u(v[i] < 0.0f) | u(v[i] > kMax);
      break;
    case ValueDomain::Finite:
      for (size_t i = 0; i < n; ++i) bad |= u(v[i] < -kMax) | u(v[i] > kMax);
      break;
    case ValueDomain::Status:
      for (size_t i = 0; i < n; ++i)
        bad |= u(v[i] == v[i]) & u(v[i] != 0.0f) & u(v[i] != 1.0f) & u(v[i] != 2.0f);
      break;
    case ValueDomain::Flag:
      for (size_t i = 0; i < n; ++i) bad |= u(v[i] == v[i]) & u(v[i] != 0.0f) & u(v[i] != 1.0f);
      break;
  }
  return bad != 0;
}

/// Checksums every region and checks its values, a few threads at a time (regions are independent, so the
/// result does not depend on the thread count). Each region is processed in 64 KiB chunks, hashed and
/// checked while the chunk is in cache: the scan is memory-bound, and two threads roughly double it.
std::vector<RegionScan> scan_regions(const std::vector<Region>& regions) {
  constexpr size_t kChunkFloats = 16384;  // a multiple of 2 floats: chunked hashing equals one pass
  std::vector<RegionScan> scans(regions.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t r = next++; r < regions.size(); r = next++) {
      const Region& region = regions[r];
      const auto* values = static_cast<const float*>(region.data);
      const size_t count = region.bytes / sizeof(float);
      ContentHash h;
      for (size_t first = 0; first < count; first += kChunkFloats) {
        const size_t n = std::min(kChunkFloats, count - first);
        h.add_bytes(values + first, n * sizeof(float));
        if (scans[r].bad_index >= 0 || !any_outside(values + first, n, region.domain)) continue;
        for (size_t i = first; i < first + n; ++i)
          if (!std::isnan(values[i]) && !in_domain(values[i], region.domain)) {
            scans[r].bad_index = static_cast<int64_t>(i);
            scans[r].bad_value = values[i];
            break;
          }
      }
      scans[r].checksum = h.value();
    }
  };
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min<size_t>({hw, 4, regions.size()});
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  return scans;
}

/// The domain of a block's values: its field's (engine/core/value_domain.hpp); series are any number.
ValueDomain block_domain(const BlockEntry& b) {
  return b.kind == BlockKind::Series ? ValueDomain::Finite : domain_of_column(b.name);
}

/// "FILE: block 1d/close: row 3 (2024-01-05 15:00), column 2 (600519.SH): expected ..., got -1".
std::string bad_value_message(const std::string& file, const BlockEntry& b, const RegionScan& scan,
                              const MarketData& md) {
  const int64_t cols = std::max<int64_t>(1, b.cols);
  const int64_t row = scan.bad_index / cols, col = scan.bad_index % cols;
  std::string where =
      (file.empty() ? "" : file + ": ") + "block " + b.label() + ": row " + std::to_string(row);
  const BarData* bars = b.kind == BlockKind::Series ? nullptr : md.bars(b.frequency);
  if (bars && row < bars->rows()) where += " (" + bars->stamps[static_cast<size_t>(row)].to_string() + ")";
  if (b.kind == BlockKind::Series && row < md.calendar.size())
    where += " (" + md.calendar.day(static_cast<int32_t>(row)).to_string() + ")";
  where += ", column " + std::to_string(col);
  if (b.kind != BlockKind::Series && col < md.instrument_count())
    where += " (" + md.instruments[static_cast<size_t>(col)].symbol + ")";
  return where + ": " + binary_value_problem(scan.bad_value, block_domain(b), b.name).value_or("bad value");
}

/// The blocks of `data` in file order with offsets (relative to the data start) and checksums.
std::vector<BlockEntry> plan_blocks(const MarketData& data) {
  std::vector<BlockEntry> blocks;
  auto add = [&](BlockKind kind, Frequency f, std::string name, const Panel& p) {
    BlockEntry b;
    b.kind = kind;
    b.frequency = f;
    b.name = std::move(name);
    b.rows = p.rows();
    b.cols = p.cols();
    b.source = p.data();
    blocks.push_back(std::move(b));
  };
  for (const BarData* bars : {&data.daily, data.hourly ? &*data.hourly : nullptr}) {
    if (!bars) continue;
    for (int f = 0; f < kFieldCount; ++f)
      if (!bars->fields[f].empty())
        add(BlockKind::Standard, bars->frequency, std::string(field_name(static_cast<Field>(f))),
            bars->fields[f]);
    for (const auto& [name, p] : bars->extra) add(BlockKind::Extra, bars->frequency, name, p);
  }
  for (const auto& [name, p] : data.series) add(BlockKind::Series, Frequency::Daily, name, p);

  std::vector<Region> regions;
  uint64_t offset = 0;
  for (BlockEntry& b : blocks) {
    b.offset = offset;
    offset = dataset::align_up(offset + b.bytes());
    regions.push_back({b.source, b.bytes(), block_domain(b)});
  }
  const auto scans = scan_regions(regions);
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (scans[i].bad_index >= 0) throw DataError(bad_value_message("", blocks[i], scans[i], data));
    blocks[i].checksum = scans[i].checksum;
  }
  return blocks;
}

/// Sequential writer on a file descriptor; every failure throws DataError naming `path`.
class FdWriter {
 public:
  FdWriter(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  void write(const void* data, uint64_t size) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
      const ssize_t n = ::write(fd_, p, std::min<uint64_t>(size, uint64_t{1} << 30));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw DataError(path_ + ": write failed: " + std::strerror(n < 0 ? errno : EIO));
      p += n;
      size -= static_cast<uint64_t>(n);
      position_ += static_cast<uint64_t>(n);
    }
  }
  void pad_to(uint64_t position) {
    static const char zeros[dataset::kBlockAlignment] = {};
    while (position_ < position) write(zeros, std::min<uint64_t>(position - position_, sizeof zeros));
  }
  uint64_t position() const { return position_; }

 private:
  int fd_;
  std::string path_;
  uint64_t position_ = 0;
};

fs::path dataset_path(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? path / kDatasetFileName : path;
}

void write_file_contents(int fd, const std::string& shown_path, const std::string& header,
                         const std::vector<BlockEntry>& blocks, const dataset::Preamble& preamble) {
  FdWriter out(fd, shown_path);
  unsigned char pre[dataset::kPreambleSize];
  dataset::encode_preamble(preamble, pre);
  out.write(pre, sizeof pre);
  out.write(header.data(), header.size());
  const uint64_t data_start = dataset::align_up(out.position());
  for (const BlockEntry& b : blocks) {
    out.pad_to(data_start + b.offset);
    out.write(b.source, b.bytes());
  }
  ensure(out.position() == preamble.file_size, "dataset writer: file size differs from the plan");
  if (::fsync(fd) != 0) throw DataError(shown_path + ": fsync failed: " + std::strerror(errno));
}

void fsync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // durability of the rename is best effort; the data itself is already synced
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_dataset(const MarketData& data, const fs::path& path_in) {
  // Blocks are written from contiguous panels: flatten derived instruments added beside the stored columns.
  if (data.has_appended_columns()) return write_dataset(with_contiguous_panels(data), path_in);
  const fs::path path = dataset_path(path_in);
  try {
    data.validate();
  } catch (const DataError& e) {
    throw DataError(path.string() + ": refusing to write invalid market data: " + e.what());
  }
  std::vector<BlockEntry> blocks;
  try {
    blocks = plan_blocks(data);
  } catch (const DataError& e) {
    throw DataError(path.string() + ": refusing to write invalid market data: " + e.what());
  }
  const std::string header = dataset::encode_header(data, blocks, compute_fingerprint(data));

  dataset::Preamble preamble;
  preamble.header_bytes = header.size();
  const uint64_t data_start = dataset::align_up(dataset::kPreambleSize + header.size());
  preamble.file_size = blocks.empty() ? dataset::kPreambleSize + header.size()
                                      : data_start + blocks.back().offset + blocks.back().bytes();
  preamble.header_checksum = dataset::header_checksum(header, preamble.file_size);

  // Atomic replace: write a uniquely named temp file beside the destination, fsync, rename over it.
  if (path.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw DataError(path.string() + ": cannot create the directory: " + ec.message());
  }
  static std::atomic<unsigned> counter{0};
  std::string temp_name = path.filename().string();
  temp_name.insert(0, 1, '.');
  temp_name.append(".tmp-").append(std::to_string(::getpid())).append("-").append(std::to_string(counter++));
  const fs::path temp = path.parent_path() / temp_name;
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    throw DataError(path.string() + ": cannot write dataset (creating temp file " + temp.string() +
                    " failed: " + std::strerror(errno) + ")");
  try {
    write_file_contents(fd, path.string(), header, blocks, preamble);
    if (::close(fd) != 0) {
      ::unlink(temp.c_str());
      throw DataError(path.string() + ": close failed: " + std::strerror(errno));
    }
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw DataError(path.string() + ": cannot replace the dataset: " + std::strerror(err));
  }
  fsync_directory(path.parent_path());
}

MarketData read_dataset(const fs::path& path_in, bool verify_checksums, const VerifiedFiles* verified) {
  const fs::path path = dataset_path(path_in);
  const std::string file = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw DataError(file +
                    ": no such file (expected an abt dataset: a .abtd file or a directory containing " +
                    kDatasetFileName + ")");
  const auto map = map_file_readonly(path, /*prefault=*/false);
  const uint64_t actual = map->size;
  if (actual < dataset::kMagic.size() ||
      std::memcmp(map->data, dataset::kMagic.data(), dataset::kMagic.size()) != 0)
    throw DataError(file +
                    ": not an abt dataset (expected the magic bytes 89 41 42 54 44 0d 0a 1a at offset 0)");
  if (actual < dataset::kPreambleSize)
    throw DataError(file + ": truncated: expected at least " + std::to_string(dataset::kPreambleSize) +
                    " bytes, the file has " + std::to_string(actual));
  const dataset::Preamble pre = dataset::decode_preamble(map->data);
  if (pre.version != dataset::kFormatVersion)
    throw DataError(file + ": unsupported abt dataset format version " + std::to_string(pre.version) +
                    " (expected version " + std::to_string(dataset::kFormatVersion) + ")");
  if (pre.preamble_size != dataset::kPreambleSize)
    throw DataError(file + ": preamble size " + std::to_string(pre.preamble_size) + ", expected " +
                    std::to_string(dataset::kPreambleSize));
  if (actual < pre.file_size)
    throw DataError(file + ": truncated: expected " + std::to_string(pre.file_size) +
                    " bytes, the file has " + std::to_string(actual));
  if (actual > pre.file_size)
    throw DataError(file + ": expected " + std::to_string(pre.file_size) + " bytes, the file has " +
                    std::to_string(actual) + " (trailing bytes)");
  if (pre.header_bytes > pre.file_size - dataset::kPreambleSize)
    throw DataError(file + ": header length " + std::to_string(pre.header_bytes) + " exceeds the file size");

  const std::string_view header(reinterpret_cast<const char*>(map->data) + dataset::kPreambleSize,
                                pre.header_bytes);
  const uint64_t header_sum = dataset::header_checksum(header, pre.file_size);
  if (header_sum != pre.header_checksum)
    throw DataError(file + ": header checksum mismatch (expected " + hex64(pre.header_checksum) +
                    ", computed " + hex64(header_sum) + "): the header is corrupt");
  const bool verify_blocks =
      verify_checksums && !(verified && verified->contains(map->identity, pre.header_checksum));
  if (verify_blocks) populate_mapping(*map);  // every page is about to be read
  dataset::DecodedHeader decoded = dataset::decode_header(header, path);
  MarketData md = std::move(decoded.skeleton);
  const uint64_t data_start = dataset::align_up(dataset::kPreambleSize + pre.header_bytes);
  const int32_t n = md.instrument_count();

  std::vector<Region> regions;
  for (const BlockEntry& b : decoded.blocks) {
    const std::string where = file + ": block " + b.label();
    if (b.offset % dataset::kBlockAlignment != 0)
      throw DataError(where + ": offset " + std::to_string(b.offset) + " is not a multiple of 4096");
    // Compared by subtraction, each operand checked first: no sum of header values can wrap around.
    if (data_start > pre.file_size || b.offset > pre.file_size - data_start ||
        b.bytes() > pre.file_size - data_start - b.offset)
      throw DataError(where + ": extends past the end of the file (expected it within " +
                      std::to_string(pre.file_size) + " bytes)");
    const auto* values = reinterpret_cast<const float*>(map->data + data_start + b.offset);
    const Panel panel(values, b.rows, b.cols);
    auto expect_shape = [&](int32_t rows, int32_t cols) {
      if (b.rows != rows || b.cols != cols)
        throw DataError(where + ": shape " + std::to_string(b.rows) + "x" + std::to_string(b.cols) +
                        ", expected " + std::to_string(rows) + "x" + std::to_string(cols));
    };
    auto no_duplicate = [&](bool taken) {
      if (taken) throw DataError(where + ": appears twice in the block table");
    };
    if (b.kind == BlockKind::Series) {
      expect_shape(md.calendar.size(), 1);
      no_duplicate(md.series.count(b.name) > 0);
      md.series.emplace(b.name, panel);
    } else {
      BarData* bars = b.frequency == Frequency::Daily ? &md.daily : (md.hourly ? &*md.hourly : nullptr);
      if (!bars) throw DataError(where + ": frequency not declared in the header");
      expect_shape(bars->rows(), n);
      if (b.kind == BlockKind::Standard) {
        const auto f = parse_field(b.name);
        if (!f) throw DataError(where + ": unknown standard field '" + b.name + "'");
        no_duplicate(bars->has(*f));
        bars->fields[static_cast<int>(*f)] = panel;
      } else {
        no_duplicate(bars->extra.count(b.name) > 0);
        bars->extra.emplace(b.name, panel);
      }
    }
    regions.push_back({values, b.bytes(), block_domain(b)});
  }
  if (verify_blocks) {
    const auto scans = scan_regions(regions);
    for (size_t i = 0; i < scans.size(); ++i) {
      if (scans[i].checksum != decoded.blocks[i].checksum)
        throw DataError(file + ": block " + decoded.blocks[i].label() + ": checksum mismatch (expected " +
                        hex64(decoded.blocks[i].checksum) + ", computed " + hex64(scans[i].checksum) +
                        "): the data is corrupt");
      if (scans[i].bad_index >= 0) throw DataError(bad_value_message(file, decoded.blocks[i], scans[i], md));
    }
  }
  md.keep_alive(map);
  try {
    md.rebuild_symbol_index();
    md.validate();
  } catch (const DataError& e) {
    throw DataError(file + ": " + e.what());
  }
  if (verify_blocks && verified) verified->remember(map->identity, pre.header_checksum);
  return md;
}

}  // namespace abt
