#pragma once
// A read-only POSIX memory map of a whole file. The mapping lives as long as the returned shared_ptr (its
// deleter calls munmap), so panels pointing into it stay valid while any owner keeps the pointer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace abt {

/// Which version of which file a mapping holds, from fstat of the descriptor that was mapped: a file
/// replaced by a rename has another inode, a file written in place another mtime and ctime (the kernel sets
/// ctime on every change; a user cannot set it back). Equal identities mean the same unchanged bytes.
struct FileIdentity {
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

struct MappedFile {
  const unsigned char* data = nullptr;  // nullptr for an empty file
  size_t size = 0;
  FileIdentity identity;
};

/// Maps `path` read-only (MAP_SHARED, PROT_READ). `prefault` asks the kernel to populate all pages up front
/// (MAP_POPULATE), which is much cheaper than faulting page by page when the whole file will be read.
/// Throws DataError naming the path when the file cannot be opened or mapped.
std::shared_ptr<const MappedFile> map_file_readonly(const std::filesystem::path& path, bool prefault);

/// Populates the pages of an existing mapping before the whole file is read (MADV_POPULATE_READ, or a
/// read-ahead hint on kernels without it). Only a speed hint: never fails.
void populate_mapping(const MappedFile& file);

}  // namespace abt
