#include "data_adapters/binary/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "engine/core/error.hpp"

namespace abt {

std::shared_ptr<const MappedFile> map_file_readonly(const std::filesystem::path& path, bool prefault) {
  // Non-blocking: opening a FIFO must not wait for a writer (it is refused as not a regular file below).
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw DataError(path.string() + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw DataError(path.string() + ": cannot stat: " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw DataError(path.string() + (S_ISDIR(st.st_mode) ? ": is a directory" : ": is not a regular file") +
                    " (expected an abt dataset file)");
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return std::make_shared<const MappedFile>();
  }
  int flags = MAP_SHARED;
  if (prefault) flags |= MAP_POPULATE;
  void* addr = ::mmap(nullptr, size, PROT_READ, flags, fd, 0);
  const int err = errno;
  ::close(fd);  // the mapping keeps its own reference to the file
  if (addr == MAP_FAILED) throw DataError(path.string() + ": cannot memory-map: " + std::strerror(err));
  const FileIdentity identity{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
                              static_cast<uint64_t>(st.st_size),
                              int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec,
                              int64_t{st.st_ctim.tv_sec} * 1000000000 + st.st_ctim.tv_nsec};
  auto* mapped = new MappedFile{static_cast<const unsigned char*>(addr), size, identity};
  return std::shared_ptr<const MappedFile>(mapped, [](const MappedFile* m) {
    ::munmap(const_cast<unsigned char*>(m->data), m->size);
    delete m;
  });
}

void populate_mapping(const MappedFile& file) {
  if (file.size == 0) return;
  void* addr = const_cast<unsigned char*>(file.data);
#ifdef MADV_POPULATE_READ
  if (::madvise(addr, file.size, MADV_POPULATE_READ) == 0) return;
#endif
  ::madvise(addr, file.size, MADV_WILLNEED);
}

}  // namespace abt
