// The abt dataset reader on crafted files. Random bytes rarely pass the checksums, so the harness repairs
// them before reading: the preamble's file size and header checksum always, and each block checksum when
// the repaired header still fits in place. What remains to break is the structure: header JSON, block
// bounds and shapes, stamps, calendar, values.
#include <cstring>

#include <nlohmann/json.hpp>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/binary/dataset_layout.hpp"
#include "engine/data/content_hash.hpp"
#include "fuzz_support.hpp"

namespace {

/// Recomputes the block checksums named in the header (blocks inside the file only); false when the
/// repaired header no longer fits in the original header bytes.
bool repair_block_checksums(std::string& bytes, uint64_t header_bytes) {
  using nlohmann::json;
  json header = json::parse(bytes.substr(abt::dataset::kPreambleSize, header_bytes), nullptr, false);
  if (header.is_discarded() || !header.is_object() || !header.contains("blocks") ||
      !header["blocks"].is_array())
    return false;
  const uint64_t data_start = abt::dataset::align_up(abt::dataset::kPreambleSize + header_bytes);
  for (json& b : header["blocks"]) {
    if (!b.is_object() || !b.contains("offset") || !b.contains("bytes") ||
        !b["offset"].is_number_unsigned() || !b["bytes"].is_number_unsigned())
      continue;
    const uint64_t offset = b["offset"].get<uint64_t>(), n = b["bytes"].get<uint64_t>();
    if (data_start > bytes.size() || offset > bytes.size() - data_start ||
        n > bytes.size() - data_start - offset)
      continue;
    abt::ContentHash h;
    h.add_bytes(bytes.data() + data_start + offset, n);
    b["checksum"] = h.hex();
  }
  const std::string text = header.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > header_bytes) return false;
  std::memcpy(bytes.data() + abt::dataset::kPreambleSize, text.data(), text.size());
  std::memset(bytes.data() + abt::dataset::kPreambleSize + text.size(), ' ', header_bytes - text.size());
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  std::string bytes(fuzz::as_text(data, size));
  if (bytes.size() >= dataset::kPreambleSize &&
      std::memcmp(bytes.data(), dataset::kMagic.data(), dataset::kMagic.size()) == 0) {
    const uint64_t file_size = bytes.size();
    std::memcpy(bytes.data() + 32, &file_size, 8);
    uint64_t header_bytes = 0;
    std::memcpy(&header_bytes, bytes.data() + 16, 8);
    if (header_bytes <= file_size - dataset::kPreambleSize) {
      repair_block_checksums(bytes, header_bytes);
      const uint64_t sum = dataset::header_checksum(
          std::string_view(bytes).substr(dataset::kPreambleSize, header_bytes), file_size);
      std::memcpy(bytes.data() + 24, &sum, 8);
    }
  }
  const auto file = fuzz::write_file("market.abtd", bytes);
  for (const bool verify : {false, true}) fuzz::expect_user_errors_only([&] { read_dataset(file, verify); });
  return 0;
}
