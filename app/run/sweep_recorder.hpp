#pragma once
// Collects a sweep's finished variants and writes its outputs (docs/sweeps.md, "Outputs"); shared by
// `abt sweep` (app/cli/sweep_command.cpp) and abt.sweep (app/python/sweep_runner.cpp).
//
// Written into the sweep directory:
//   sweep.csv, sweep.json   every variant's row, ranked (sweep_table.hpp)
//   sweep_equity.csv        every variant's equity curve, one column each (sweep_equity.hpp)
//   sweep.html              the sweep report (sweep_report.hpp)
//   variants/<id>/          the files of `abt run` for the variants KeepPolicy keeps (default: the 10 best)
//   sweep.journal           while running: each finished variant (sweep_journal.hpp), for --resume
// begin() first rewrites sweep.json as an empty, incomplete sweep and removes the other tables of an earlier
// sweep, so a killed sweep never leaves an old "complete": true behind. Variants record from any thread in
// any order; finish() writes files that depend only on the set of finished variants (byte-identical for any
// thread count, and after a resume). Without a directory only the rows are collected.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "app/run/result_writer.hpp"
#include "app/run/sweep_equity.hpp"
#include "app/run/sweep_journal.hpp"
#include "app/run/sweep_keep.hpp"
#include "app/run/sweep_table.hpp"

namespace abt {

class SweepRecorder {
 public:
  /// `variants`: the variants this process runs (its shard), slot i = variants[i]. `out_dir` empty: no files.
  /// `threads`: how many threads finish() may use to format the tables.
  SweepRecorder(SweepHeader header, std::vector<SweepVariant> variants, std::filesystem::path out_dir,
                KeepPolicy keep, unsigned threads = 1);
  ~SweepRecorder();

  /// Before any variant runs. With `resume`, entries of the directory's journal whose key equals
  /// `keys[slot]` are kept as finished (returns how many); without, the journal starts empty. Then marks the
  /// directory's sweep incomplete and starts the new journal. Throws UserError when it cannot write.
  size_t begin(bool resume, const std::vector<std::string>& keys);
  /// true when slot's variant is finished (restored by a resume).
  bool finished(size_t slot) const { return rows_[slot].has_value(); }

  /// A variant that ran: its row and curve; its result files written (keep all), or the output held while it
  /// is among the K best so far (top:K; formatted only in finish, so only the K kept are ever formatted).
  /// `data` must outlive the recorder. Thread-safe. Throws UserError when a file cannot be written.
  void record_run(size_t slot, RunOutput output, const MarketData& data, const std::string& key);
  /// A variant that failed (row.status "error"). Thread-safe.
  void record_failure(size_t slot, SweepRow row, const std::string& key);

  /// The files of a kept variant that this process does not hold (it finished before a resume): runs it
  /// again.
  using Rerun = std::function<std::vector<OutputFile>(size_t slot)>;
  /// After the last variant: writes the kept variants' directories, sweep_equity.csv, sweep.html and
  /// sweep.csv (all at the same time on the recorder's threads), removes other variant directories, writes
  /// sweep.json (last) with `complete`, and removes the journal when complete. Returns the finished rows
  /// ranked best first (with dirs). Call once: the curves are moved into the files.
  /// `walk_forward`: the walk_forward.json document for sweep.html, or null.
  std::vector<SweepRow> finish(bool complete, const Rerun& rerun,
                               const nlohmann::json& walk_forward = nlohmann::json());

  /// The finished rows in slot order (dir set only after finish).
  std::vector<SweepRow> rows() const;
  const SweepHeader& header() const { return header_; }

 private:
  struct Held {
    SweepRow row;
    RunOutput output;
    const MarketData* data;
  };
  void hold(const SweepRow& row, RunOutput output, const MarketData& data);
  std::filesystem::path variant_dir(const SweepVariant& v) const;

  SweepHeader header_;
  std::vector<SweepVariant> variants_;
  std::filesystem::path out_dir_;
  KeepPolicy keep_;
  unsigned threads_;
  std::vector<std::optional<SweepRow>> rows_;
  std::vector<VariantCurve> curves_;  // per slot (empty for failed or unfinished variants)
  std::vector<bool> written_;         // a kept directory was written in this process (keep all)
  std::vector<Held> held_;            // top:K: the best so far, with their outputs
  std::unique_ptr<SweepJournal> journal_;
  mutable std::mutex mutex_;
};

/// Writes a sweep's tables: sweep_equity.csv (formatted on `threads` threads), sweep.html and sweep.csv at
/// the same time on up to `threads` threads, then sweep.json (last), each atomically.
void write_sweep_outputs(const std::filesystem::path& dir, const SweepHeader& header,
                         const std::vector<SweepRow>& ranked, const std::vector<VariantCurve>& curves,
                         const nlohmann::json& walk_forward = nlohmann::json(), unsigned threads = 1);

}  // namespace abt
