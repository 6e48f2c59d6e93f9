#include "data_adapters/csv/csv_text.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>

#include "engine/core/error.hpp"

namespace abt::csv {

namespace fs = std::filesystem;

CsvText CsvText::read(const fs::path& path) {
  CsvText csv;
  csv.path_ = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(csv.path_ + ": cannot open the file");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<size_t>(in.tellg());
  in.seekg(0);
  csv.text_.resize(size);
  if (size > 0 && !in.read(csv.text_.data(), static_cast<std::streamsize>(size)))
    throw DataError(csv.path_ + ": cannot read the file");
  if (csv.text_.rfind("\xEF\xBB\xBF", 0) == 0) csv.pos_ = 3;  // UTF-8 byte order mark
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

bool parse_float(std::string_view text, float& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
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
