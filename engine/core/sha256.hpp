#pragma once
// SHA-256 (FIPS 180-4) for file provenance: the hash of a plugin library recorded in result.json and the run
// store. Not used on any hot path; correctness over speed. Incremental: add() any number of times, then
// hex() (which finalizes; the object must not be reused afterwards).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace abt {

class Sha256 {
 public:
  Sha256();
  void add(const void* data, size_t size);
  void add(std::string_view text) { add(text.data(), text.size()); }
  /// The 32-byte digest; finalizes the hash.
  std::array<uint8_t, 32> digest();
  /// The digest as 64 lower-case hex digits; finalizes the hash.
  std::string hex();

 private:
  void compress(const uint8_t* block);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes added
};

/// SHA-256 of `text` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view text);
/// SHA-256 of a file's bytes as 64 lower-case hex digits. Throws UserError naming the file when unreadable.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace abt
