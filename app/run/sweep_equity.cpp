#include "app/run/sweep_equity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "app/run/number_format.hpp"
#include "engine/core/error.hpp"

namespace abt {
VariantCurve variant_curve(const RunOutput& output, int64_t index, const std::string& id) {
  VariantCurve curve;
  curve.index = index;
  curve.id = id;
  const auto& daily = output.result.daily;
  curve.dates.reserve(daily.size());
  curve.nav.reserve(daily.size());
  for (const DailyRecord& d : daily) {
    curve.dates.push_back(d.date);
    curve.nav.push_back(d.nav);
  }
  if (output.benchmark.size() == daily.size() + 1)
    curve.benchmark.assign(output.benchmark.begin() + 1, output.benchmark.end());
  return curve;
}

std::string sweep_equity_csv(const std::vector<VariantCurve>& all, unsigned threads) {
  std::vector<const VariantCurve*> curves;  // by variant index
  curves.reserve(all.size());
  for (const VariantCurve& c : all) curves.push_back(&c);
  std::sort(curves.begin(), curves.end(),
            [](const VariantCurve* a, const VariantCurve* b) { return a->index < b->index; });
  // The union of the dates; most sweeps share one calendar, so each curve is usually aligned to it.
  std::vector<Date> dates;
  for (const VariantCurve* c : curves)
    if (c->dates != dates) {
      std::vector<Date> merged;
      std::set_union(dates.begin(), dates.end(), c->dates.begin(), c->dates.end(),
                     std::back_inserter(merged));
      dates = std::move(merged);
    }
  const bool with_benchmark = !curves.empty() && !curves.front()->benchmark.empty();
  std::string out = "date";
  if (with_benchmark) out += ",benchmark";
  for (const VariantCurve* c : curves) out.append(",").append(c->id);
  out += '\n';
  // Rows [begin, end) of the table; blocks of rows are formatted on `threads` threads and joined in order.
  auto rows = [&](size_t begin, size_t end) {
    // Written through a pointer into `text` (grown as needed): most cells are put_fixed_fast's.
    std::string text((end - begin) * (12 + curves.size() * 12), '\0');
    size_t used = 0;
    const auto room = [&](size_t n) {
      if (text.size() - used < n) text.resize(std::max(2 * text.size(), used + n));
      return text.data() + used;
    };
    const auto put_text = [&](const std::string& s) {
      std::copy(s.begin(), s.end(), room(s.size()));
      used += s.size();
    };
    const auto put_cell = [&](bool present, double value, int decimals) {  // ",value" or ","
      char* p = room(kFastFixedChars + 1);
      *p++ = ',';
      ++used;
      if (!present) return;
      if (const char* e = put_fixed_fast(p, value, decimals)) {
        used = static_cast<size_t>(e - text.data());
      } else {
        std::string slow;
        append_fixed(slow, value, decimals);
        put_text(slow);
      }
    };
    std::vector<size_t> cursor(curves.size());
    for (size_t k = 0; k < curves.size(); ++k)
      cursor[k] = std::lower_bound(curves[k]->dates.begin(), curves[k]->dates.end(), dates[begin]) -
                  curves[k]->dates.begin();
    // A tile of kTile rows is gathered curve by curve (consecutive values of one curve, instead of one value
    // of each of the curves per row: the cache misses were most of the time), then written row by row.
    constexpr size_t kTile = 16;
    const size_t n = curves.size();
    std::vector<double> values(kTile * n), levels(kTile);
    std::vector<char> present(kTile * n), level_present(kTile);
    for (size_t r0 = begin; r0 < end; r0 += kTile) {
      const size_t r1 = std::min(end, r0 + kTile);
      for (size_t k = 0; k < n; ++k) {
        const VariantCurve& c = *curves[k];
        size_t at = cursor[k];
        for (size_t r = r0; r < r1; ++r) {
          const size_t cell = (r - r0) * n + k;
          const bool here = at < c.dates.size() && c.dates[at] == dates[r];
          present[cell] = here;
          if (k == 0) {  // the benchmark: the first curve's level where it has a record
            level_present[r - r0] = here && with_benchmark;
            levels[r - r0] = here && with_benchmark ? c.benchmark[at] : 0.0;
          }
          values[cell] = here ? c.nav[at++] : 0.0;
        }
        cursor[k] = at;
      }
      for (size_t r = r0; r < r1; ++r) {
        put_text(dates[r].to_string());  // 10 characters: no allocation
        if (with_benchmark) put_cell(level_present[r - r0], levels[r - r0], 4);
        const size_t row = (r - r0) * n;
        for (size_t k = 0; k < n; ++k) put_cell(present[row + k], values[row + k], 2);
        *room(1) = '\n';
        ++used;
      }
    }
    text.resize(used);
    return text;
  };
  const size_t blocks = std::max<size_t>(1, std::min<size_t>(threads, dates.size() / 64));
  std::vector<std::string> parts(blocks);
  {
    std::vector<std::thread> pool;
    for (size_t b = 0; b < blocks; ++b) {
      const size_t begin = dates.size() * b / blocks, end = dates.size() * (b + 1) / blocks;
      if (b + 1 == blocks)
        parts[b] = begin < end ? rows(begin, end) : std::string();
      else
        pool.emplace_back([&, b, begin, end] { parts[b] = rows(begin, end); });
    }
    for (std::thread& t : pool) t.join();
  }
  for (const std::string& part : parts) out += part;
  return out;
}

std::vector<VariantCurve> read_sweep_equity(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw ConfigError(file.string() + ": cannot read (a sweep_equity.csv written by abt sweep expected)");
  std::string line;
  auto fail = [&file](size_t row, const std::string& what) {
    throw ConfigError(
        std::string(file.string()).append(": row ").append(std::to_string(row)).append(": ").append(what));
  };
  if (!std::getline(in, line)) fail(1, "empty file, expected the header date[,benchmark],<variant ids>");
  std::vector<std::string> header;
  {
    std::stringstream fields(line);
    std::string f;
    while (std::getline(fields, f, ',')) header.push_back(f);
  }
  if (header.empty() || header[0] != "date") fail(1, "expected the header date[,benchmark],<variant ids>");
  const bool with_benchmark = header.size() > 1 && header[1] == "benchmark";
  const size_t first_variant = with_benchmark ? 2 : 1;
  std::vector<VariantCurve> curves;
  for (size_t k = first_variant; k < header.size(); ++k) {
    const std::string& id = header[k];
    int64_t index = 0;
    const auto parsed = std::from_chars(id.data() + (id.empty() ? 0 : 1), id.data() + id.size(), index);
    if (id.size() < 2 || id[0] != 'v' || parsed.ec != std::errc() || parsed.ptr != id.data() + id.size())
      fail(1, "column '" + id + "': expected a variant id v<index>");
    VariantCurve c;
    c.index = index;
    c.id = id;
    curves.push_back(std::move(c));
  }
  if (with_benchmark && curves.empty()) fail(1, "a benchmark column without variants");
  size_t row = 1;
  while (std::getline(in, line)) {
    ++row;
    size_t pos = 0, column = 0;
    Date date;
    for (;;) {
      const size_t end = std::min(line.find(',', pos), line.size());
      const std::string_view cell(line.data() + pos, end - pos);
      if (column == 0) {
        if (!Date::try_parse(cell, date))
          fail(row, "expected a date YYYY-MM-DD, got '" + std::string(cell) + "'");
      } else if (column >= header.size()) {
        fail(row, "more cells than header columns");
      } else if (!cell.empty()) {
        double value = 0;
        const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), value);
        if (r.ec != std::errc() || r.ptr != cell.data() + cell.size() || !std::isfinite(value))
          fail(row, "column " + header[column] + ": expected a number, got '" + std::string(cell) + "'");
        if (with_benchmark && column == 1) {
          curves.front().benchmark.push_back(value);
        } else {
          VariantCurve& c = curves[column - first_variant];
          c.dates.push_back(date);
          c.nav.push_back(value);
        }
      }
      ++column;
      if (end >= line.size()) break;
      pos = end + 1;
    }
    if (column != header.size()) fail(row, "expected " + std::to_string(header.size()) + " cells");
  }
  if (with_benchmark && curves.front().benchmark.size() != curves.front().dates.size())
    fail(row, "the benchmark column must have a value exactly where " + curves.front().id + " has one");
  return curves;
}

}  // namespace abt
