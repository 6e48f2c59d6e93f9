#pragma once
// A read-only POSIX memory map of a whole file. The mapping lives as long as the returned shared_ptr (its
// deleter calls munmap), so panels pointing into it stay valid while any owner keeps the pointer.
#include <cstddef>
#include <filesystem>
#include <memory>

namespace abt {

struct MappedFile {
  const unsigned char* data = nullptr;  // nullptr for an empty file
  size_t size = 0;
};

/// Maps `path` read-only (MAP_SHARED, PROT_READ). `prefault` asks the kernel to populate all pages up front
/// (MAP_POPULATE), which is much cheaper than faulting page by page when the whole file will be read.
/// Throws DataError naming the path when the file cannot be opened or mapped.
std::shared_ptr<const MappedFile> map_file_readonly(const std::filesystem::path& path, bool prefault);

}  // namespace abt
