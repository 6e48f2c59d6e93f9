#include "data_adapters/csv/csv_text.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "data_adapters/csv/text_decoding.hpp"
#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"

namespace abt::csv {

namespace fs = std::filesystem;

CsvText CsvText::read(const fs::path& path) {
  CsvText csv;
  csv.path_ = path.string();
  DecodedText decoded = decode_text(read_input_file<DataError>(path, "a CSV file"), csv.path_);
  csv.text_ = std::move(decoded.text);
  csv.from_gb18030_ = decoded.from_gb18030;
  return csv;
}

bool CsvText::next_line(std::string_view& line) {
  while (pos_ < text_.size()) {
    const size_t end = std::min(text_.find('\n', pos_), text_.size());
    line = std::string_view(text_).substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) return true;
  }
  return false;
}

void split_line(std::string_view line, std::vector<std::string_view>& cells) {
  cells.clear();
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    std::string_view cell =
        line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
    cells.push_back(cell);
    if (comma == std::string_view::npos) return;
    start = comma + 1;
  }
}

CellRule column_rule(std::string_view label, std::string_view field, bool required, double scale) {
  return {label, field, domain_of_column(field), required, scale};
}

namespace {

std::string in_quotes(std::string_view s) {
  std::string out(1, '\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

/// The checked, scaled value of a non-empty cell, or a thrown DataError.
double checked_value(const CsvText& csv, std::string_view cell, const CellRule& rule, bool as_float) {
  double v = 0;
  ValueRead r = read_value(cell, rule.domain, v);
  if (r == ValueRead::Ok) {
    v *= rule.scale;
    if (!std::isfinite(v) || (as_float && std::fabs(v) > std::numeric_limits<float>::max()))
      r = ValueRead::NotFinite;
    else if (!in_domain(as_float ? static_cast<double>(static_cast<float>(v)) : v, rule.domain))
      r = ValueRead::OutOfDomain;
  }
  if (r != ValueRead::Ok)
    throw DataError(csv.where() + ": column " + in_quotes(rule.label) + ": " +
                    value_error(r, rule.domain, rule.field, cell));
  return v;
}

}  // namespace

float read_cell(const CsvText& csv, std::string_view cell, const CellRule& rule) {
  if (cell.empty()) {
    if (rule.required)
      throw DataError(csv.where() + ": expected a number in required column " + in_quotes(rule.label) +
                      ", got ''");
    return std::numeric_limits<float>::quiet_NaN();
  }
  return static_cast<float>(checked_value(csv, cell, rule, true));
}

double read_cell_double(const CsvText& csv, std::string_view cell, const CellRule& rule) {
  if (cell.empty()) {
    if (rule.required)
      throw DataError(csv.where() + ": expected a number in required column " + in_quotes(rule.label) +
                      ", got ''");
    return std::numeric_limits<double>::quiet_NaN();
  }
  return checked_value(csv, cell, rule, false);
}

std::string to_lower(std::string_view text) {
  std::string s(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<fs::path> expand_inputs(const std::vector<fs::path>& inputs) {
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    const std::string pattern = input.filename().string();
    std::error_code ec;
    if (pattern.find_first_of("*?") != std::string::npos) {
      const fs::path dir = input.has_parent_path() ? input.parent_path() : fs::path(".");
      std::vector<fs::path> matched;
      if (fs::is_directory(dir, ec))
        for (const auto& entry : fs::directory_iterator(dir))
          if (entry.is_regular_file() && ::fnmatch(pattern.c_str(), entry.path().filename().c_str(), 0) == 0)
            matched.push_back(entry.path());
      if (matched.empty())
        throw DataError(input.string() + ": expected the pattern to match CSV files, it matches none");
      std::sort(matched.begin(), matched.end());
      files.insert(files.end(), matched.begin(), matched.end());
    } else if (fs::is_directory(input, ec)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(input))
        if (entry.is_regular_file() && to_lower(entry.path().extension().string()) == ".csv")
          found.push_back(entry.path());
      if (found.empty())
        throw DataError(input.string() + ": expected a directory of *.csv files, found none");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      throw DataError(input.string() + ": no such file or directory");
    }
  }
  return files;
}

}  // namespace abt::csv
