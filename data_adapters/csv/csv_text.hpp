#pragma once
// Minimal fast CSV reading shared by the CSV adapters: whole-file reads, line iteration with 1-based line
// numbers, comma splitting, std::from_chars number parsing, and expansion of input paths/globs.
// Supported dialect: comma separator, optional UTF-8 BOM, LF or CRLF line ends, cells trimmed of spaces and
// tabs and of one pair of surrounding double quotes (quoted cells must not contain commas). Blank lines
// carry no row and are skipped.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace abt::csv {

class CsvText {
 public:
  /// Reads the whole file; throws DataError naming the path when it cannot be read.
  static CsvText read(const std::filesystem::path& path);

  const std::string& path() const { return path_; }
  /// Moves to the next non-blank line (line end and CR stripped); false at the end of the file.
  bool next_line(std::string_view& line);
  /// 1-based number of the line returned last.
  uint32_t line_number() const { return line_number_; }
  /// "PATH:LINE" of the line returned last.
  std::string where() const { return path_ + ":" + std::to_string(line_number_); }

 private:
  std::string path_;
  std::string text_;
  size_t pos_ = 0;
  uint32_t line_number_ = 0;
};

/// Splits `line` on commas into trimmed cells (reuses `cells`).
void split_line(std::string_view line, std::vector<std::string_view>& cells);
/// Parses a decimal or scientific float ("1.5", "-2e3", "+4", "nan"); false on anything else, including "".
bool parse_float(std::string_view text, float& out);
std::string to_lower(std::string_view text);

/// Expands CSV inputs: a file is taken as is; a directory gives every *.csv inside (sorted); a path whose
/// file-name part contains '*' or '?' is a glob over that directory (sorted). Throws DataError for a
/// missing path or a glob that matches nothing.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs);

}  // namespace abt::csv
