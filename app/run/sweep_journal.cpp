#include "app/run/sweep_journal.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"

namespace abt {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::string out((size + 2) / 3 * 4, '=');
  char* o = out.data();
  size_t i = 0;
  for (; i + 3 <= size; i += 3, o += 4) {
    const uint32_t v = uint32_t{p[i]} << 16 | uint32_t{p[i + 1]} << 8 | p[i + 2];
    o[0] = kAlphabet[v >> 18];
    o[1] = kAlphabet[v >> 12 & 63];
    o[2] = kAlphabet[v >> 6 & 63];
    o[3] = kAlphabet[v & 63];
  }
  if (i < size) {
    const uint32_t v = uint32_t{p[i]} << 16 | (i + 1 < size ? uint32_t{p[i + 1]} << 8 : 0);
    o[0] = kAlphabet[v >> 18];
    o[1] = kAlphabet[v >> 12 & 63];
    if (i + 1 < size) o[2] = kAlphabet[v >> 6 & 63];
  }
  return out;
}

/// Decodes base64 into `size` bytes at `data`; false when the text is not exactly that.
bool unbase64(const std::string& text, void* data, size_t size) {
  if (text.size() != (size + 2) / 3 * 4) return false;
  auto value = [](char c) -> int {
    const char* at = std::strchr(kAlphabet, c);
    return c != '\0' && at ? static_cast<int>(at - kAlphabet) : -1;
  };
  auto* out = static_cast<unsigned char*>(data);
  size_t n = 0;
  for (size_t i = 0; i < text.size(); i += 4) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      const int d = c == '=' ? 0 : value(c);
      if (d < 0) return false;
      v = v << 6 | static_cast<uint32_t>(d);
    }
    for (int shift = 16; shift >= 0 && n < size; shift -= 8)
      out[n++] = static_cast<unsigned char>(v >> shift);
  }
  return n == size;
}

template <class T>
std::string encode(const std::vector<T>& values) {
  return base64(values.data(), values.size() * sizeof(T));
}

template <class T>
bool decode(const nlohmann::json& text, std::vector<T>& values) {
  if (!text.is_string()) return false;
  const std::string& s = text.get_ref<const std::string&>();
  const size_t bytes = s.size() / 4 * 3 - (s.size() >= 1 && s.back() == '=' ? 1 : 0) -
                       (s.size() >= 2 && s[s.size() - 2] == '=' ? 1 : 0);
  if (s.size() % 4 != 0 || bytes % sizeof(T) != 0) return false;
  values.resize(bytes / sizeof(T));
  return unbase64(s, values.data(), bytes);
}

nlohmann::json header_line(const SweepHeader& h) {
  nlohmann::json shards = nlohmann::json::array();
  for (const auto& s : h.shards) shards.push_back({s.index, s.count});
  return {{"journal", 1},
          {"abt_version", ABT_VERSION},
          {"config", h.base_config},
          {"plan", h.plan},
          {"shards", shards}};
}

nlohmann::json row_json(const SweepRow& row) {
  nlohmann::json j = {{"id", row.variant.id},   {"overrides", row.variant.overrides},
                      {"status", row.status},   {"error", row.error},
                      {"metrics", row.metrics}, {"trades_hash", row.trades_hash}};
  return j;
}

/// The parts of an entry's line that do not depend on the line before it (formatted outside the lock).
struct LineParts {
  std::string head;  // {"index":..,"key":..,"row":{..}  without the closing brace
  std::vector<int32_t> days;
  std::string nav;  // base64 of the NAVs
};

LineParts line_parts(const JournalEntry& e) {
  LineParts parts;
  parts.days.reserve(e.curve.dates.size());
  for (const Date d : e.curve.dates) parts.days.push_back(d.days);
  // Base64 needs no JSON escaping: appended as they are (the curve is most of the line).
  nlohmann::json head = {{"index", e.row.variant.index}, {"key", e.key}, {"row", row_json(e.row)}};
  parts.head = head.dump();
  parts.head.pop_back();  // the closing brace
  parts.nav = encode(e.curve.nav);
  return parts;
}

/// The line of an entry. `dates` and `benchmark` are left out when they equal the previous line's
/// (`last_days`, `last_benchmark`, updated here): most sweeps share one calendar and benchmark.
std::string entry_line(LineParts parts, const std::vector<double>& benchmark, std::vector<int32_t>& last_days,
                       std::vector<double>& last_benchmark) {
  std::string line = std::move(parts.head);
  if (parts.days != last_days) {
    line.append(",\"dates\":\"").append(encode(parts.days)).append("\"");
    last_days = std::move(parts.days);
  }
  if (benchmark != last_benchmark) {
    line.append(",\"benchmark\":\"").append(encode(benchmark)).append("\"");
    last_benchmark = benchmark;
  }
  line.append(",\"nav\":\"").append(parts.nav).append("\"}\n");
  return line;
}

}  // namespace

std::string variant_run_key(const nlohmann::json& variant_config, const std::string& data_fingerprint,
                            const nlohmann::json& plugins) {
  std::string text = variant_config.dump();
  text.append("\n").append(data_fingerprint).append("\n");
  for (const auto& p : plugins) text.append(p.value("sha256", std::string())).append(" ");
  text.append("\n").append(ABT_VERSION);
  return sha256_hex(text);
}

std::filesystem::path SweepJournal::file_in(const std::filesystem::path& sweep_dir) {
  return sweep_dir / "sweep.journal";
}

std::map<int64_t, JournalEntry> SweepJournal::read(const std::filesystem::path& sweep_dir,
                                                   const SweepHeader& header) {
  std::map<int64_t, JournalEntry> entries;
  std::ifstream in(file_in(sweep_dir), std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) return entries;
  const nlohmann::json first = nlohmann::json::parse(line, nullptr, false);
  if (first.is_discarded() || first != header_line(header)) return entries;  // another sweep's journal
  std::vector<int32_t> days;  // of the previous line, when a line leaves them out
  std::vector<double> benchmark;
  bool have_days = false;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // no newline: a torn last line
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) break;
    try {
      JournalEntry e;
      e.key = j.at("key").get<std::string>();
      const auto& r = j.at("row");
      e.row.variant.index = j.at("index").get<int64_t>();
      e.row.variant.id = r.at("id").get<std::string>();
      e.row.variant.overrides = r.at("overrides");
      e.row.status = r.at("status").get<std::string>();
      e.row.error = r.at("error").get<std::string>();
      e.row.metrics = r.at("metrics");
      e.row.trades_hash = r.at("trades_hash").get<std::string>();
      if (j.contains("dates")) {
        if (!decode(j["dates"], days)) break;
        have_days = true;
      }
      if (j.contains("benchmark") && !decode(j["benchmark"], benchmark)) break;
      e.curve.benchmark = benchmark;
      if (!have_days || !decode(j.at("nav"), e.curve.nav) || e.curve.nav.size() != days.size() ||
          (!e.curve.benchmark.empty() && e.curve.benchmark.size() != days.size()))
        break;
      for (const int32_t d : days) e.curve.dates.push_back(Date{d});
      e.curve.index = e.row.variant.index;
      e.curve.id = e.row.variant.id;
      entries[e.row.variant.index] = std::move(e);
    } catch (const nlohmann::json::exception&) {
      break;
    }
  }
  return entries;
}

SweepJournal::SweepJournal(const std::filesystem::path& sweep_dir, const SweepHeader& header,
                           const std::map<int64_t, JournalEntry>& kept)
    : file_(file_in(sweep_dir)) {
  const auto staging = std::filesystem::path(file_.string() + ".new");
  out_ = std::fopen(staging.c_str(), "wb");
  if (!out_) throw UserError(file_.string() + ": cannot write: " + std::strerror(errno));
  write_line(header_line(header).dump() + "\n");
  for (const auto& [index, e] : kept)
    write_line(entry_line(line_parts(e), e.curve.benchmark, last_days_, last_benchmark_));
  std::error_code ec;
  std::filesystem::rename(staging, file_, ec);
  if (ec) throw UserError(file_.string() + ": cannot write: " + ec.message());
}

SweepJournal::~SweepJournal() {
  if (out_) std::fclose(out_);
}

void SweepJournal::write_line(const std::string& line) {
  if (std::fwrite(line.data(), 1, line.size(), out_) != line.size() || std::fflush(out_) != 0)
    throw UserError(file_.string() + ": cannot write: " + std::strerror(errno));
}

void SweepJournal::append(const JournalEntry& entry) {
  LineParts parts = line_parts(entry);  // outside the lock: the other threads' variants go on
  std::lock_guard lock(mutex_);         // lines depend on the previous one
  if (out_) write_line(entry_line(std::move(parts), entry.curve.benchmark, last_days_, last_benchmark_));
}

void SweepJournal::remove() {
  std::lock_guard lock(mutex_);
  if (out_) std::fclose(out_);
  out_ = nullptr;
  std::error_code ec;
  std::filesystem::remove(file_, ec);
}

}  // namespace abt
