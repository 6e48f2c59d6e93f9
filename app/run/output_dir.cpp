#include "app/run/output_dir.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "engine/core/error.hpp"

namespace abt {
namespace {

std::filesystem::path normalized(const std::filesystem::path& dir) {
  auto p = std::filesystem::absolute(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "out/run/" -> "out/run"
  return p;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

/// `name` is "<anything>.tmp.<digits>" (a temporary file of write_file_atomically).
bool is_temp_file_name(const std::string& name) {
  const auto at = name.rfind(".tmp.");
  if (at == std::string::npos || at + 5 >= name.size()) return false;
  for (size_t i = at + 5; i < name.size(); ++i)
    if (name[i] < '0' || name[i] > '9') return false;
  return true;
}

/// `name` is ".<x>.tmp-..." or ".<x>.old-..." (a staging directory or an old version).
bool is_staging_name(const std::string& name) {
  return name.size() > 1 && name[0] == '.' &&
         (name.find(".tmp-", 1) != std::string::npos || name.find(".old-", 1) != std::string::npos);
}

/// ".<name of dir><suffix>" (built by appending: GCC 12 warns falsely on "." + std::string chains).
std::string hidden_name(const std::filesystem::path& dir, std::string_view suffix) {
  std::string out = ".";
  out += dir.filename().string();
  out += suffix;
  return out;
}

[[noreturn]] void fail(const std::filesystem::path& what, const std::string& action, int error) {
  throw UserError(what.string() + ": " + action + ": " + std::strerror(error));
}

void fsync_path(const std::filesystem::path& path, int flags, const std::filesystem::path& named) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(named, "cannot open to flush", errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0 && error != EINVAL) fail(named, "cannot flush to disk", error);  // EINVAL: no fsync here
}

}  // namespace

OutputLock::OutputLock(const std::filesystem::path& dir) : dir_(normalized(dir)) {
  const auto parent = dir_.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) throw UserError(dir_.string() + ": cannot create " + parent.string() + ": " + ec.message());
  if (std::filesystem::exists(dir_, ec) && !std::filesystem::is_directory(dir_, ec))
    throw UserError(dir_.string() + ": exists and is not a directory");
  const auto lock_file = parent / hidden_name(dir_, ".lock");
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) fail(dir_, "cannot write here", errno);
  if (::access(parent.c_str(), W_OK) != 0 ||
      (std::filesystem::exists(dir_, ec) && ::access(dir_.c_str(), W_OK) != 0)) {
    const int error = errno;
    ::close(fd_);
    fail(dir_, "cannot write here", error);
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char buf[32] = {};
    const ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
    ::close(fd_);
    if (error != EWOULDBLOCK) fail(dir_, "cannot lock", error);
    std::string holder = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    throw UserError("another abt process" + (holder.empty() ? std::string() : " (pid " + holder + ")") +
                    " is writing " + dir_.string() + ": wait for it to finish or choose another --out");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
  remove_stale_outputs(dir_);
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

int remove_stale_outputs(const std::filesystem::path& dir_in) {
  const auto dir = normalized(dir_in);
  int removed = 0;
  std::error_code ec;
  const std::string staging = hidden_name(dir, ".tmp-"), old = hidden_name(dir, ".old-");
  for (const auto& entry : std::filesystem::directory_iterator(dir.parent_path(), ec)) {
    const std::string n = entry.path().filename().string();
    if (starts_with(n, staging) || starts_with(n, old)) {
      std::error_code rm;
      std::filesystem::remove_all(entry.path(), rm);
      removed += rm ? 0 : 1;
    }
  }
  if (!std::filesystem::is_directory(dir, ec)) return removed;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string n = entry.path().filename().string();
    if (is_temp_file_name(n) || is_staging_name(n)) {
      std::error_code rm;
      std::filesystem::remove_all(entry.path(), rm);
      removed += rm ? 0 : 1;
    }
  }
  return removed;
}

StagedDirectory::StagedDirectory(std::filesystem::path target) : target_(normalized(target)) {
  staging_ = target_.parent_path() / hidden_name(target_, ".tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  std::filesystem::remove_all(staging_, ec);  // a leftover of this very pid (reused after a kill)
  std::filesystem::create_directories(target_.parent_path(), ec);
  if (::mkdir(staging_.c_str(), 0755) != 0) fail(target_, "cannot create a staging directory", errno);
}

StagedDirectory::~StagedDirectory() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove_all(staging_, ec);
}

void StagedDirectory::write(const std::string& name, std::string_view content) const {
  const auto path = staging_ / name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(target_ / name, "cannot write", errno);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      fail(target_ / name, "write failed", error);
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) fail(target_ / name, "write failed", errno);
}

void StagedDirectory::commit() {
  if (committed_) throw InternalError("StagedDirectory::commit: committed twice");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(staging_, ec))
    if (entry.is_regular_file()) fsync_path(entry.path(), O_RDONLY, target_ / entry.path().filename());
  fsync_path(staging_, O_RDONLY | O_DIRECTORY, target_);
  const auto parent = target_.parent_path();
  if (::rename(staging_.c_str(), target_.c_str()) == 0) {
    // target did not exist (or was an empty directory): nothing old to remove
  } else if (errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR || errno == ENOTDIR) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) fail(target_, "cannot put the new version in place", errno);
      // No atomic exchange on this file system: move the old version aside first.
      const auto old = parent / hidden_name(target_, ".old-" + std::to_string(::getpid()));
      std::filesystem::remove_all(old, ec);
      if (::rename(target_.c_str(), old.c_str()) != 0) fail(target_, "cannot replace the old version", errno);
      if (::rename(staging_.c_str(), target_.c_str()) != 0) {
        const int error = errno;
        (void)!::rename(old.c_str(), target_.c_str());
        fail(target_, "cannot put the new version in place", error);
      }
      std::filesystem::remove_all(old, ec);
    } else {
      std::filesystem::remove_all(staging_, ec);  // now the old version
    }
  } else {
    fail(target_, "cannot put the new version in place", errno);
  }
  committed_ = true;
  fsync_path(parent, O_RDONLY | O_DIRECTORY, parent);
}

}  // namespace abt
