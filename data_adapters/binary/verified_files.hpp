#pragma once
// Remembers which dataset files have had every block checksum verified, so that reading the same unchanged
// file again (the embedded synthetic market on every `abt run`, a cached import) does not hash its whole
// size again. A record is the file's FileIdentity (device, inode, size, mtime, ctime of the mapped
// descriptor) with its header checksum; any rewrite, replacement or in-place change of the file gives
// another identity, and the file is verified again. Records are one small file each under a directory
// (the data cache's "verified/"), written atomically; a directory that cannot be written only means every
// read verifies, never an error.
#include <cstdint>
#include <filesystem>

#include "data_adapters/binary/mapped_file.hpp"

namespace abt {

class VerifiedFiles {
 public:
  /// `settle_seconds`: a file changed more recently than this is not recorded (see remember()); tests that
  /// control file times pass 0.
  explicit VerifiedFiles(std::filesystem::path directory, double settle_seconds = 2.0);

  /// True when this very file version was verified before (same identity and header checksum).
  bool contains(const FileIdentity& identity, uint64_t header_checksum) const;
  /// Records a successful verification of every block, unless the file changed in the last settle_seconds
  /// (then its times may not tell a later change apart). Never throws (a failed write is forgotten).
  void remember(const FileIdentity& identity, uint64_t header_checksum) const noexcept;

 private:
  std::filesystem::path record_file(const FileIdentity& identity) const;
  std::filesystem::path directory_;
  int64_t settle_ns_;
};

}  // namespace abt
