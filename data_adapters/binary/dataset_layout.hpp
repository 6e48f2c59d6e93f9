#pragma once
// On-disk layout of the abt binary dataset (".abtd", format version 1). See docs/data-formats.md.
//
//   offset 0   preamble, 40 bytes, little-endian:
//                magic[8] = 89 41 42 54 44 0D 0A 1A  ("\x89ABTD\r\n\x1a")
//                u32 format version, u32 preamble size (40),
//                u64 header length in bytes, u64 header checksum, u64 total file size
//   offset 40  UTF-8 JSON header (calendar, instruments, frequencies, block table, series, fingerprint,
//   source) data start = first multiple of 4096 after the header; every block offset (relative to data start)
//   is a
//                multiple of 4096; a block is rows x cols little-endian float32, row-major; zero padding
//                between blocks; the file ends right after the last block.
// The header checksum is ContentHash(header bytes, then the u64 file size); a block checksum is
// ContentHash(block bytes).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt::dataset {

inline constexpr std::array<unsigned char, 8> kMagic = {0x89, 'A', 'B', 'T', 'D', '\r', '\n', 0x1A};
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kPreambleSize = 40;
inline constexpr uint64_t kBlockAlignment = 4096;

inline constexpr uint64_t align_up(uint64_t n) {
  return (n + kBlockAlignment - 1) / kBlockAlignment * kBlockAlignment;
}

struct Preamble {
  uint32_t version = kFormatVersion;
  uint32_t preamble_size = kPreambleSize;
  uint64_t header_bytes = 0;
  uint64_t header_checksum = 0;
  uint64_t file_size = 0;
};

/// Writes magic + fields into out[0..kPreambleSize).
void encode_preamble(const Preamble& p, unsigned char* out);
/// Reads the fields after the magic (the caller has checked the magic and the size).
Preamble decode_preamble(const unsigned char* in);
uint64_t header_checksum(std::string_view header_json, uint64_t file_size);

/// What a data block holds.
enum class BlockKind : uint8_t { Standard, Extra, Series };

/// One data block: a rows x cols float32 panel.
struct BlockEntry {
  BlockKind kind = BlockKind::Standard;
  Frequency frequency = Frequency::Daily;  // unused for series
  std::string name;                        // field name, extra column name or series name
  uint64_t offset = 0;                     // bytes from the data start; a multiple of kBlockAlignment
  int32_t rows = 0;
  int32_t cols = 0;
  uint64_t checksum = 0;
  const float* source = nullptr;  // writer only: the panel's memory

  uint64_t bytes() const { return uint64_t{4} * static_cast<uint64_t>(rows) * static_cast<uint64_t>(cols); }
  /// Human-readable block name used in error messages: "1d/close", "60m/extra total_mv", "series yield".
  std::string label() const;
};

/// Serializes everything except panel values (which live in blocks) into the JSON header; `fingerprint`
/// replaces data.fingerprint (the writer stores a freshly computed one).
std::string encode_header(const MarketData& data, const std::vector<BlockEntry>& blocks,
                          const std::string& fingerprint);

/// Header decoded into a MarketData skeleton (calendar, instruments, bar layouts, fingerprint, source; no
/// panels yet) and the block table. Throws DataError prefixed with `file` on malformed content.
struct DecodedHeader {
  MarketData skeleton;
  std::vector<BlockEntry> blocks;
};
DecodedHeader decode_header(std::string_view header_json, const std::filesystem::path& file);

}  // namespace abt::dataset
