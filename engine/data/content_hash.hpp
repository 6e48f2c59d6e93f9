#pragma once
// A fast, deterministic, non-cryptographic 64-bit content hash used for data fingerprints and file block
// checksums. Stable across platforms of the same endianness (little-endian is assumed, as everywhere in abt).
// Processes 8 bytes per step (several GB/s), so checksumming a memory-mapped dataset costs little.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace abt {

class ContentHash {
 public:
  void add_bytes(const void* data, size_t size);
  void add_string(std::string_view s) {
    add_value(static_cast<uint64_t>(s.size()));
    add_bytes(s.data(), s.size());
  }
  template <class T>
  void add_value(const T& v) {
    add_bytes(&v, sizeof v);
  }
  uint64_t value() const;
  /// 16 lower-case hex digits.
  std::string hex() const;

 private:
  uint64_t state_ = 0x9E3779B97F4A7C15ull;
  uint64_t length_ = 0;
};

}  // namespace abt
