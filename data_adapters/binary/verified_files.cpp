#include "data_adapters/binary/verified_files.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/core/atomic_file.hpp"

namespace abt {
namespace {

/// The record's text: every identity field and the header checksum, in decimal, on one line.
std::string record_text(const FileIdentity& id, uint64_t header_checksum) {
  std::ostringstream out;
  out << "abt-verified-v2 " << id.device << ' ' << id.inode << ' ' << id.size << ' ' << id.mtime_ns << ' '
      << id.ctime_ns << ' ' << header_checksum << '\n';
  return out.str();
}

}  // namespace

VerifiedFiles::VerifiedFiles(std::filesystem::path directory, double settle_seconds)
    : directory_(std::move(directory)), settle_ns_(static_cast<int64_t>(settle_seconds * 1e9)) {}

std::filesystem::path VerifiedFiles::record_file(const FileIdentity& id) const {
  char name[64];
  std::snprintf(name, sizeof name, "%llx-%llx", static_cast<unsigned long long>(id.device),
                static_cast<unsigned long long>(id.inode));
  return directory_ / name;
}

bool VerifiedFiles::contains(const FileIdentity& identity, uint64_t header_checksum) const {
  std::ifstream in(record_file(identity), std::ios::binary);
  if (!in) return false;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text == record_text(identity, header_checksum);
}

void VerifiedFiles::remember(const FileIdentity& identity, uint64_t header_checksum) const noexcept {
  // File times have the kernel's coarse clock granularity (milliseconds): a write in the same tick as the
  // last one would leave mtime and ctime unchanged. Like git's "racily clean" rule, a file changed in the
  // last settle_ns_ (2 s by default) is not recorded, so the next read verifies it again.
  const int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  if (now_ns - identity.ctime_ns < settle_ns_ || now_ns - identity.mtime_ns < settle_ns_) return;
  try {
    write_file_atomically(record_file(identity), record_text(identity, header_checksum));
  } catch (...) {
    // A cache only: the next read verifies again.
  }
}

}  // namespace abt
