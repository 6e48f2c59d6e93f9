#pragma once
// The journal of a running sweep, DIR/sweep.journal (docs/sweeps.md, "Resuming"): one JSON line per finished
// variant, appended and flushed as each finishes, so that `abt sweep ... --resume` after a kill, a crash or
// Ctrl-C keeps what was done. The first line names the sweep ({"journal": 1, "abt_version", "config",
// "plan", "shards"}); each further line is {"index", "key", "row", "dates", "benchmark", "nav"}: the
// variant's table row (as in sweep.json), its run key and its equity curve, the curve as base64 of the
// little-endian int32 day numbers and float64 values (exact, so a resumed sweep writes the same bytes as an
// uninterrupted one); "dates" and "benchmark" are left out when they equal the previous line's. A torn last
// line (a kill while writing) is ignored. The journal is removed when the sweep completes.
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/sweep_equity.hpp"
#include "app/run/sweep_table.hpp"

namespace abt {

/// What a variant's result depends on, as a hash: its full config (the base with its overrides), the data's
/// fingerprint, the plugins it loads (their SHA-256s) and the abt version. A journal entry is reused only
/// when its key equals the key of the variant about to run.
std::string variant_run_key(const nlohmann::json& variant_config, const std::string& data_fingerprint,
                            const nlohmann::json& plugins);

struct JournalEntry {
  std::string key;
  SweepRow row;
  VariantCurve curve;  // empty for a failed variant
};

class SweepJournal {
 public:
  static std::filesystem::path file_in(const std::filesystem::path& sweep_dir);
  /// The entries of the journal in `sweep_dir` that belong to the sweep `header` describes (same config,
  /// plan and shards), by variant index; empty when there is no journal or it is another sweep's.
  static std::map<int64_t, JournalEntry> read(const std::filesystem::path& sweep_dir,
                                              const SweepHeader& header);

  /// Starts a new journal in `sweep_dir` (replacing any) with `kept` entries first (the resumed ones).
  /// Throws UserError naming the file when it cannot be written.
  SweepJournal(const std::filesystem::path& sweep_dir, const SweepHeader& header,
               const std::map<int64_t, JournalEntry>& kept);
  ~SweepJournal();
  SweepJournal(const SweepJournal&) = delete;
  SweepJournal& operator=(const SweepJournal&) = delete;

  /// Appends one finished variant and flushes it to the OS (thread-safe). Throws UserError on a write error.
  void append(const JournalEntry& entry);
  /// Closes and deletes the journal (the sweep completed).
  void remove();

 private:
  void write_line(const std::string& line);

  std::filesystem::path file_;
  std::FILE* out_ = nullptr;
  std::vector<int32_t> last_days_;  // of the last line written (lines leave out what repeats)
  std::vector<double> last_benchmark_;
  std::mutex mutex_;
};

}  // namespace abt
