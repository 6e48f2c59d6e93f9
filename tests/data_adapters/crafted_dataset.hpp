#pragma once
// A written abt dataset opened for editing in tests: the header JSON and the raw bytes; save() recomputes
// the block checksums it touched and the header checksum, so a crafted file passes the integrity checks and
// reaches the checks behind them.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "data_adapters/binary/dataset_layout.hpp"
#include "engine/data/content_hash.hpp"

namespace abt::test {

/// A written dataset opened for editing: header JSON and raw bytes; save() recomputes every checksum.
class CraftedDataset {
 public:
  explicit CraftedDataset(const std::filesystem::path& file) : file_(file) {
    std::ifstream in(file, std::ios::binary);
    bytes_.assign(std::istreambuf_iterator<char>(in), {});
    uint64_t header_bytes = 0;
    std::memcpy(&header_bytes, bytes_.data() + 16, 8);
    header = nlohmann::json::parse(bytes_.substr(dataset::kPreambleSize, header_bytes));
    data_start_ = dataset::align_up(dataset::kPreambleSize + header_bytes);
  }
  /// Sets value `index` (row-major) of the block named `name` and its checksum.
  void set_value(const std::string& name, size_t index, float value) {
    for (nlohmann::json& b : header["blocks"]) {
      if (b["name"] != name) continue;
      const size_t at = data_start_ + b["offset"].get<size_t>();
      std::memcpy(bytes_.data() + at + 4 * index, &value, 4);
      ContentHash h;
      h.add_bytes(bytes_.data() + at, b["bytes"].get<size_t>());
      b["checksum"] = h.hex();
    }
  }
  /// Writes the file with `header` (it must keep the data start) and a valid header checksum.
  void save() const {
    const std::string text = header.dump();
    ASSERT_EQ(dataset::align_up(dataset::kPreambleSize + text.size()), data_start_)
        << "header grew past a page";
    std::string out = bytes_;
    const uint64_t header_bytes = text.size(), file_size = out.size();
    const uint64_t sum = dataset::header_checksum(text, file_size);
    std::memcpy(out.data() + 16, &header_bytes, 8);
    std::memcpy(out.data() + 24, &sum, 8);
    std::fill(out.begin() + dataset::kPreambleSize, out.begin() + static_cast<std::ptrdiff_t>(data_start_),
              '\0');
    std::memcpy(out.data() + dataset::kPreambleSize, text.data(), text.size());
    std::ofstream(file_, std::ios::binary | std::ios::trunc) << out;
  }
  nlohmann::json header;

 private:
  std::filesystem::path file_;
  std::string bytes_;
  uint64_t data_start_ = 0;
};

}  // namespace abt::test
