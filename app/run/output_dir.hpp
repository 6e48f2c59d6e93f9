#pragma once
// All-or-nothing output directories (docs/configuration.md, "Outputs"; docs/sweeps.md, "Safe outputs").
//
// OutputLock: one writer per output directory. The lock is an flock(2) on a lock file beside the directory
// (`.<name>.lock` in its parent), so it is held by a process, not by a file: it goes away with the process,
// also on kill -9, and is never stale. The lock file is never removed (removing it would let a second writer
// lock a new file while the first still holds the old one). While it holds the lock, a writer removes what
// killed writers of the same directory left behind: staging directories `.<name>.tmp-*` and old versions
// `.<name>.old-*` beside it, and temporary files `*.tmp.<pid>` (engine/core/atomic_file.hpp) inside it.
//
// StagedDirectory: a new version of a directory, written completely beside it and then swapped in by one
// rename, so that a reader of the directory sees the complete old version or the complete new one, never a
// mix: commit() flushes every file to disk and exchanges the staging directory with the target atomically
// (renameat2 RENAME_EXCHANGE); only on a file system without that, the old version is first renamed aside,
// so a reader may for a moment find no directory at all (still never a mixed one). A staging directory that
// is not committed (an error, a kill) never becomes the target.
#include <filesystem>
#include <string>
#include <string_view>

namespace abt {

class OutputLock {
 public:
  /// Takes the lock of output directory `dir` (creating its parent). Throws UserError naming `dir` when
  /// another process holds it ("another abt process (pid N) is writing DIR") or when the parent cannot be
  /// created or written (a read-only directory or file system: the system's reason, e.g. "Permission
  /// denied").
  explicit OutputLock(const std::filesystem::path& dir);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  int fd_ = -1;
};

/// Removes leftovers of killed writers of `dir` (the caller holds its OutputLock): `.<name>.tmp-*` and
/// `.<name>.old-*` beside it, `*.tmp.<digits>` files inside it. Returns how many entries it removed.
int remove_stale_outputs(const std::filesystem::path& dir);

class StagedDirectory {
 public:
  /// Creates an empty staging directory `.<name>.tmp-<pid>-<n>` beside `target` (the caller holds target's
  /// OutputLock). Throws UserError naming target when it cannot.
  explicit StagedDirectory(std::filesystem::path target);
  /// Removes the staging directory unless committed.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  /// Where the new version's files go.
  const std::filesystem::path& path() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  /// Writes one file of the new version (plain write; commit() flushes it). Throws UserError naming the
  /// target's file on a write error (e.g. no space left).
  void write(const std::string& name, std::string_view content) const;
  /// Flushes the files and the staging directory, puts it in place of target, flushes the parent and removes
  /// the old version. Throws UserError (target untouched) when it cannot.
  void commit();

 private:
  std::filesystem::path target_, staging_;
  bool committed_ = false;
};

}  // namespace abt
