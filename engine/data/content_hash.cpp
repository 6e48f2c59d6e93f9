#include "engine/data/content_hash.hpp"

#include <cstdio>
#include <cstring>

namespace abt {
namespace {
constexpr uint64_t kMul = 0xff51afd7ed558ccdull;

inline uint64_t mix(uint64_t h, uint64_t word) {
  h ^= word * 0xc4ceb9fe1a85ec53ull;
  h = (h << 31) | (h >> 33);
  return h * kMul + 0x94d049bb133111ebull;
}
}  // namespace

void ContentHash::add_bytes(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  length_ += size;
  size_t i = 0;
  // Four independent lanes would be faster still; one lane already runs at memory speed for our sizes.
  for (; i + 8 <= size; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    state_ = mix(state_, w);
  }
  if (i < size) {
    uint64_t w = 0;
    std::memcpy(&w, p + i, size - i);
    state_ = mix(state_, w ^ (uint64_t{size - i} << 56));
  }
}

uint64_t ContentHash::value() const {
  uint64_t h = mix(state_, length_);
  h ^= h >> 33;
  h *= kMul;
  h ^= h >> 33;
  return h;
}

std::string ContentHash::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value()));
  return buf;
}

}  // namespace abt
