#pragma once
// Structured warnings of a run: result.json "warnings", the console summary and the report. Each says what
// kind of problem it is, what it is about, one sentence for people, how often and when it happened.
//   - events (a drawdown stop, a delisted holding liquidated): one entry per event, count 1;
//   - declared warnings (data honesty: stale share capital, a stale external series, ...): declared once at
//     setup with their sentence, then counted per occurrence by handle (no string work on the per-bar path);
//     an entry that was never counted is not reported;
//   - whole-data notes (survivorship): one entry with a count and no dates.
// Entries keep their order of declaration; everything is deterministic.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/time.hpp"

namespace abt {

struct RunWarning {
  std::string kind;     // machine-readable class, e.g. "stale_share_capital", "delisted", "drawdown_stop"
  std::string subject;  // what it is about: a series, a symbol, a universe ("" when nothing specific)
  std::string message;  // one sentence
  int64_t count = 0;    // occurrences (days, instruments, events)
  Date first = Date::max(), last = Date::min();  // simulated days of the first / last occurrence, if any
  std::map<int, int64_t> by_year;                // occurrences per calendar year (counted warnings)
  bool dated() const { return first != Date::max(); }
};

using WarningHandle = int32_t;

class WarningLog {
 public:
  /// Declares a counted warning; the same (kind, subject) declared twice shares one entry (the first message
  /// is kept).
  WarningHandle declare(std::string kind, std::string subject, std::string message) {
    for (size_t k = 0; k < entries_.size(); ++k)
      if (entries_[k].kind == kind && entries_[k].subject == subject) return static_cast<WarningHandle>(k);
    entries_.push_back(
        RunWarning{std::move(kind), std::move(subject), std::move(message), 0, Date::max(), Date::min(), {}});
    return static_cast<WarningHandle>(entries_.size() - 1);
  }
  /// n occurrences of a declared warning on `day`. Negative handles are ignored.
  void count(WarningHandle h, Date day, int64_t n = 1) {
    if (h < 0 || static_cast<size_t>(h) >= entries_.size() || n <= 0) return;
    RunWarning& w = entries_[static_cast<size_t>(h)];
    w.count += n;
    if (day < w.first) w.first = day;
    if (w.last < day) w.last = day;
    w.by_year[day.year()] += n;
  }
  /// An event of its own (count 1, on `day`).
  void event(std::string kind, std::string subject, std::string message, Date day) {
    count(push(std::move(kind), std::move(subject), std::move(message)), day);
  }
  /// A whole-data warning without dates.
  void note(std::string kind, std::string subject, std::string message, int64_t count) {
    entries_[static_cast<size_t>(push(std::move(kind), std::move(subject), std::move(message)))].count =
        count;
  }

  /// Appends the reported entries of `other` (after this log's own).
  void append(const WarningLog& other) {
    for (const RunWarning& w : other.entries_)
      if (w.count > 0) entries_.push_back(w);
  }

  /// The reported entries (count > 0), in order.
  std::vector<RunWarning> entries() const {
    std::vector<RunWarning> out;
    for (const RunWarning& w : entries_)
      if (w.count > 0) out.push_back(w);
    return out;
  }
  size_t size() const { return entries().size(); }

 private:
  WarningHandle push(std::string kind, std::string subject, std::string message) {
    entries_.push_back(
        RunWarning{std::move(kind), std::move(subject), std::move(message), 0, Date::max(), Date::min(), {}});
    return static_cast<WarningHandle>(entries_.size() - 1);
  }

  std::vector<RunWarning> entries_;
};

}  // namespace abt
