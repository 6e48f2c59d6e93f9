#pragma once
// Atomic output files: content is written to a temporary file in the destination directory, flushed to disk
// and renamed over the destination, so readers see either the old file or the complete new one.
#include <filesystem>
#include <string_view>

namespace abt {

/// Writes `content` to `path` atomically, creating parent directories. Throws UserError naming the path when
/// the directory cannot be created or the file cannot be written (the destination is then untouched).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace abt
