#pragma once
// Minimal fast CSV reading shared by the CSV adapters: whole-file reads, line iteration with 1-based line
// numbers, comma splitting, numeric cells checked against their field's domain
// (engine/core/value_domain.hpp), and expansion of input paths/globs. Supported dialect: comma separator,
// UTF-8 (optional BOM) or GB18030 / GBK text (decoded to UTF-8, text_decoding.hpp), LF or CRLF line ends,
// cells trimmed of spaces and tabs and of one pair of surrounding double quotes (quoted cells must not
// contain commas). Blank lines carry no row and are skipped.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/value_domain.hpp"

namespace abt::csv {

class CsvText {
 public:
  /// Reads and decodes the whole file; throws DataError naming the path when it is not a regular file,
  /// cannot be read, or is neither UTF-8 nor GB18030.
  static CsvText read(const std::filesystem::path& path);

  const std::string& path() const { return path_; }
  /// True when the file was GB18030 (GBK) and has been converted to UTF-8.
  bool from_gb18030() const { return from_gb18030_; }
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
  bool from_gb18030_ = false;
};

/// How one numeric cell is read.
struct CellRule {
  std::string_view label;  // the column as the file names it, for messages ("vol")
  std::string_view field;  // the abt field or column it fills ("volume"): wording of the expectation
  ValueDomain domain = ValueDomain::Finite;
  bool required = false;  // an empty cell is an error (else NaN)
  double scale = 1.0;     // stored value = cell value x scale (vendor units), checked after scaling
};
/// The rule for a column named like an abt field: the field's domain (domain_of_column).
CellRule column_rule(std::string_view label, std::string_view field, bool required, double scale = 1.0);

/// The value of `cell` under `rule`: NaN for an empty optional cell; throws DataError
/// "PATH:LINE: column 'open': expected a positive price, got '0'" (any value_error()) or
/// "PATH:LINE: expected a number in required column 'close', got ''".
float read_cell(const CsvText& csv, std::string_view cell, const CellRule& rule);
/// The same for a cell that is read as a double (reference tables, gbbq); never NaN unless optional.
double read_cell_double(const CsvText& csv, std::string_view cell, const CellRule& rule);

/// Splits `line` on commas into trimmed cells (reuses `cells`).
void split_line(std::string_view line, std::vector<std::string_view>& cells);
std::string to_lower(std::string_view text);

/// Expands CSV inputs: a file is taken as is; a directory gives every *.csv inside (sorted); a path whose
/// file-name part contains '*' or '?' is a glob over that directory (sorted). Throws DataError for a
/// missing path or a glob that matches nothing.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs);

}  // namespace abt::csv
