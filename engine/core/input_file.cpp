#include "engine/core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/core/error.hpp"

namespace abt {
namespace {

/// Closes the descriptor on every path out of read_input_file.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

template <class E>
[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw E(path.string() + ": " + what);
}

/// The type check of the header comment on an open descriptor; returns the file size.
template <class E>
uint64_t checked_size(int fd, const std::filesystem::path& path, const std::string& what) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail<E>(path, std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail<E>(path, "is a directory (expected " + what + ")");
  if (!S_ISREG(st.st_mode))
    fail<E>(path, "is not a regular file (a FIFO, socket or device; expected " + what + ")");
  return static_cast<uint64_t>(st.st_size);
}

template <class E>
int open_input(const std::filesystem::path& path, const std::string& what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0) return fd;
  const int err = errno;
  if (err == ENOENT || err == ENOTDIR) fail<E>(path, "no such file (expected " + what + ")");
  fail<E>(path, std::string("cannot read: ") + std::strerror(err));
}

}  // namespace

template <class E>
std::string read_input_file(const std::filesystem::path& path, const std::string& what, uint64_t max_bytes) {
  const Descriptor fd(open_input<E>(path, what));
  const uint64_t size = checked_size<E>(fd.get(), path, what);
  if (size > max_bytes)
    fail<E>(path, std::to_string(size) + " bytes is more than the limit of " + std::to_string(max_bytes) +
                      " bytes for " + what);
  std::string content;
  content.resize(static_cast<size_t>(size));
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail<E>(path, std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;  // the file shrank while it was read: take what is there
    done += static_cast<size_t>(n);
  }
  content.resize(done);
  return content;
}

template <class E>
void require_regular_file(const std::filesystem::path& path, const std::string& what) {
  const Descriptor fd(open_input<E>(path, what));
  checked_size<E>(fd.get(), path, what);
}

template std::string read_input_file<ConfigError>(const std::filesystem::path&, const std::string&, uint64_t);
template std::string read_input_file<DataError>(const std::filesystem::path&, const std::string&, uint64_t);
template void require_regular_file<ConfigError>(const std::filesystem::path&, const std::string&);
template void require_regular_file<DataError>(const std::filesystem::path&, const std::string&);

}  // namespace abt
