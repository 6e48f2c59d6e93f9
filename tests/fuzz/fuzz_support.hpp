#pragma once
// Shared pieces of the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp, built with -DABT_FUZZ=ON, run by
// scripts/fuzz). The contract every harness checks: a parser given any bytes either succeeds or throws an
// abt::UserError (bad input, exit code 2 in the CLI); any other exception escapes the harness and aborts
// (libFuzzer reports it as a crash with the input), and AddressSanitizer / UndefinedBehaviorSanitizer abort
// on memory errors, leaks and undefined behaviour.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "engine/core/error.hpp"

namespace abt::fuzz {

/// A scratch directory of this process (created once, reused by every input).
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("abt-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

/// Writes `bytes` to `name` in the scratch directory (creating parent directories) and returns its path.
inline std::filesystem::path write_file(const std::string& name, std::string_view bytes) {
  const auto path = scratch_dir() / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

/// Splits an input into named files: every line "=== NAME" starts the file NAME (a relative path without
/// ".."); bytes before the first marker go to `first_name`. The newline that ends the line before a marker
/// belongs to the marker, so a binary file may be followed by another one. Seeds of multi-file harnesses use
/// this layout.
inline std::map<std::string, std::string> split_files(std::string_view data, const std::string& first_name) {
  std::map<std::string, std::string> files;
  std::map<std::string, bool> started;
  std::string current = first_name;
  size_t pos = 0;
  while (true) {
    const size_t end = std::min(data.find('\n', pos), data.size());
    const std::string_view line = data.substr(pos, end - pos);
    if (line.starts_with("=== ") && line.size() > 4 && line.find("..") == std::string_view::npos &&
        line[4] != '/') {
      current = std::string(line.substr(4));
    } else {
      if (started[current]) files[current] += '\n';
      files[current].append(line);
      started[current] = true;
    }
    if (end >= data.size()) break;
    pos = end + 1;
  }
  return files;
}

/// Writes every file of split_files() under `dir` (a scratch subdirectory, emptied first); false when the
/// names cannot be laid out (a name used both as a file and as a directory): the harness skips that input.
inline bool write_files(const std::string& dir, const std::map<std::string, std::string>& files,
                        const std::string& suffix = "") {
  try {
    std::filesystem::remove_all(scratch_dir() / dir);
    std::filesystem::create_directories(scratch_dir() / dir);
    for (const auto& [name, bytes] : files)
      write_file(dir + "/" + name + (name.ends_with(suffix) ? "" : suffix), bytes);
    return true;
  } catch (const std::filesystem::filesystem_error&) {
    return false;
  }
}

/// Runs `parse`; bad input (UserError) is an expected outcome, anything else escapes.
template <class F>
void expect_user_errors_only(F&& parse) {
  try {
    parse();
  } catch (const UserError&) {
  }
}

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace abt::fuzz
