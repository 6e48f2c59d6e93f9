#include "app/run/sweep_recorder.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <set>
#include <thread>

#include "app/run/backtest_runner.hpp"
#include "app/run/config_file.hpp"
#include "app/run/output_dir.hpp"
#include "app/run/sweep_report.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

void write_directory(const std::filesystem::path& dir, const std::vector<OutputFile>& files) {
  StagedDirectory staged(dir);
  for (const OutputFile& f : files) staged.write(f.name, f.content);
  staged.commit();
}

/// Runs `tasks` on up to `threads` threads (each task writes its own directory, so the files do not depend on
/// the order); rethrows the exception of the first failing task in list order after all have ended.
void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
  std::vector<std::exception_ptr> errors(tasks.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i]();
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    const size_t n = std::min<size_t>(std::max(threads, 1u), tasks.size());
    for (size_t t = 1; t < n; ++t) pool.emplace_back(work);
    work();
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

/// true when `dir` holds a complete result of a variant with `trades_hash` (written before a resume).
bool has_result(const std::filesystem::path& dir, const std::string& trades_hash) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / "result.json", ec)) return false;
  try {
    return read_json_file(dir / "result.json").value("trades_hash", std::string()) == trades_hash;
  } catch (const UserError&) {
    return false;
  }
}

/// "v0012" or a staging/old version of one (".v0012.tmp-1-2", ".v0012.old-1-2").
bool is_variant_entry(const std::string& name) {
  std::string_view s = name;
  if (!s.empty() && s[0] == '.') {
    const auto dot = s.find('.', 1);
    if (dot == std::string_view::npos) return false;
    const auto rest = s.substr(dot);
    if (rest.rfind(".tmp-", 0) != 0 && rest.rfind(".old-", 0) != 0) return false;
    s = s.substr(1, dot - 1);
  }
  return s.size() >= 2 && s[0] == 'v' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

namespace {

/// The tasks of write_sweep_outputs but sweep.json: each formats and writes one file.
std::vector<std::function<void()>> table_tasks(const std::filesystem::path& dir, const SweepHeader& header,
                                               const std::vector<SweepRow>& ranked,
                                               const std::vector<VariantCurve>& curves,
                                               const nlohmann::json& walk_forward, unsigned threads) {
  // The arguments outlive the tasks (run before the caller returns).
  const SweepHeader* h = &header;
  const std::vector<SweepRow>* r = &ranked;
  const std::vector<VariantCurve>* c = &curves;
  const nlohmann::json* w = &walk_forward;
  return {
      [=] { write_file_atomically(dir / "sweep_equity.csv", sweep_equity_csv(*c, threads)); },
      [=] { write_file_atomically(dir / "sweep.html", sweep_html(*h, *r, *c, *w)); },
      [=] { write_file_atomically(dir / "sweep.csv", sweep_csv(*h, *r)); },
  };
}

}  // namespace

void write_sweep_outputs(const std::filesystem::path& dir, const SweepHeader& header,
                         const std::vector<SweepRow>& ranked, const std::vector<VariantCurve>& curves,
                         const nlohmann::json& walk_forward, unsigned threads) {
  std::vector<std::function<void()>> tasks = table_tasks(dir, header, ranked, curves, walk_forward, threads);
  std::string json;  // formatted with the others, written last
  tasks.push_back([&] { json = sweep_json(header, ranked).dump(2) + "\n"; });
  run_tasks(tasks, threads);
  write_file_atomically(dir / "sweep.json", json);
}

SweepRecorder::SweepRecorder(SweepHeader header, std::vector<SweepVariant> variants,
                             std::filesystem::path out_dir, KeepPolicy keep, unsigned threads)
    : header_(std::move(header)),
      variants_(std::move(variants)),
      out_dir_(std::move(out_dir)),
      keep_(keep),
      threads_(std::max(1u, threads)),
      rows_(variants_.size()),
      curves_(variants_.size()),
      written_(variants_.size(), false) {
  header_.keep = keep_.to_string();
}

SweepRecorder::~SweepRecorder() = default;

std::filesystem::path SweepRecorder::variant_dir(const SweepVariant& v) const {
  return std::filesystem::path("variants") / v.id;
}

size_t SweepRecorder::begin(bool resume, const std::vector<std::string>& keys) {
  if (out_dir_.empty()) return 0;
  std::map<int64_t, JournalEntry> kept;
  if (resume) {
    std::map<int64_t, JournalEntry> entries = SweepJournal::read(out_dir_, header_);
    for (size_t slot = 0; slot < variants_.size(); ++slot) {
      auto it = entries.find(variants_[slot].index);
      if (it == entries.end() || slot >= keys.size() || it->second.key != keys[slot]) continue;
      if (it->second.row.error.rfind("internal error", 0) == 0) continue;  // abt's own failure: run again
      JournalEntry& e = it->second;
      e.row.variant = variants_[slot];  // the plan's own overrides and id
      e.curve.id = variants_[slot].id;
      rows_[slot] = e.row;
      curves_[slot] = e.curve;
      kept.emplace(it->first, std::move(e));
    }
  }
  // Mark the directory's sweep incomplete before anything is overwritten.
  std::filesystem::create_directories(out_dir_);
  SweepHeader empty = header_;
  empty.complete = false;
  write_file_atomically(out_dir_ / "sweep.json", sweep_json(empty, {}).dump(2) + "\n");
  for (const char* name :
       {"sweep.csv", "sweep_equity.csv", "sweep.html", "walk_forward.csv", "walk_forward.json"}) {
    std::error_code ec;
    std::filesystem::remove(out_dir_ / name, ec);
  }
  journal_ = std::make_unique<SweepJournal>(out_dir_, header_, kept);
  if (keep_.mode != KeepPolicy::Mode::None) std::filesystem::create_directories(out_dir_ / "variants");
  return kept.size();
}

void SweepRecorder::hold(const SweepRow& row, RunOutput output, const MarketData& data) {
  const size_t k = static_cast<size_t>(keep_.top);
  if (k == 0) return;
  auto worst = [this] {
    return std::max_element(held_.begin(), held_.end(), [this](const Held& a, const Held& b) {
      return ranks_before(a.row, b.row, header_.rank_by);
    });
  };
  std::optional<Held> evicted;  // destroyed outside the lock
  std::lock_guard lock(mutex_);
  if (held_.size() >= k && !ranks_before(row, worst()->row, header_.rank_by)) return;
  held_.push_back(Held{row, std::move(output), &data});
  if (held_.size() > k) {
    const auto w = worst();
    evicted.emplace(std::move(*w));
    held_.erase(w);
  }
}

void SweepRecorder::record_run(size_t slot, RunOutput output, const MarketData& data,
                               const std::string& key) {
  SweepRow row;
  row.variant = variants_[slot];
  row.metrics = metrics_to_json(output.metrics);
  row.trades_hash = trades_hash(trades_csv(output, data));
  VariantCurve curve = variant_curve(output, row.variant.index, row.variant.id);
  bool written = false;
  if (!out_dir_.empty()) {
    if (journal_) journal_->append({key, row, curve});
    if (keep_.mode == KeepPolicy::Mode::All) {
      complete_tables(output);
      write_run_outputs(output, data, out_dir_ / variant_dir(row.variant));
      written = true;
    } else if (keep_.mode == KeepPolicy::Mode::Top) {
      hold(row, std::move(output), data);
    }
  }
  std::lock_guard lock(mutex_);
  rows_[slot] = std::move(row);
  curves_[slot] = std::move(curve);
  written_[slot] = written;
}

void SweepRecorder::record_failure(size_t slot, SweepRow row, const std::string& key) {
  row.variant = variants_[slot];
  row.dir.clear();
  if (journal_) journal_->append({key, row, VariantCurve{row.variant.index, row.variant.id, {}, {}, {}}});
  std::lock_guard lock(mutex_);
  rows_[slot] = std::move(row);
}

std::vector<SweepRow> SweepRecorder::rows() const {
  std::lock_guard lock(mutex_);
  std::vector<SweepRow> out;
  for (const auto& r : rows_)
    if (r) out.push_back(*r);
  return out;
}

std::vector<SweepRow> SweepRecorder::finish(bool complete, const Rerun& rerun,
                                            const nlohmann::json& walk_forward) {
  std::map<int64_t, size_t> slot_of;
  for (size_t slot = 0; slot < variants_.size(); ++slot) slot_of[variants_[slot].index] = slot;
  std::vector<SweepRow> ranked = rank_rows(rows(), header_.rank_by);
  if (out_dir_.empty()) return ranked;
  std::set<std::string> kept;
  std::vector<std::function<void()>> writes;  // the kept directories, formatted and written on threads_
  int64_t rank = 0;
  for (SweepRow& row : ranked) {
    if (row.status != "ok" || !keep_.keeps(++rank)) continue;
    const size_t slot = slot_of.at(row.variant.index);
    row.dir = variant_dir(row.variant).string();
    kept.insert(row.variant.id);
    const auto dir = out_dir_ / row.dir;
    if (written_[slot]) continue;
    const auto held = std::find_if(held_.begin(), held_.end(),
                                   [&](const Held& h) { return h.row.variant.index == row.variant.index; });
    if (held != held_.end()) {
      writes.push_back([dir, held] {
        complete_tables(held->output);
        write_directory(dir, run_output_files(held->output, *held->data));
      });
    } else {
      writes.push_back([dir, slot, &rerun, hash = row.trades_hash] {
        // Finished before a resume: its files are made again.
        if (!has_result(dir, hash)) write_directory(dir, rerun(slot));
      });
    }
  }
  // The sweep's tables are written while the kept directories are (the files are independent);
  // sweep.json, which marks the sweep complete, comes last.
  std::vector<VariantCurve> curves;  // moved out: finish is the recorder's last use of them
  for (size_t slot = 0; slot < variants_.size(); ++slot)
    if (rows_[slot] && rows_[slot]->status == "ok") curves.push_back(std::move(curves_[slot]));
  header_.complete = complete;
  std::vector<std::function<void()>> tables =
      table_tasks(out_dir_, header_, ranked, curves, walk_forward, threads_);
  tables.insert(tables.end(), writes.begin(), writes.end());  // the largest file first
  std::string json;                                           // formatted with the others, written last
  tables.push_back([&] { json = sweep_json(header_, ranked).dump(2) + "\n"; });
  run_tasks(tables, threads_);
  held_.clear();
  // Variant directories of earlier sweeps (or of variants no longer kept) do not describe this sweep.
  const auto variants_dir = out_dir_ / "variants";
  std::error_code ec;
  if (std::filesystem::is_directory(variants_dir, ec)) {
    std::vector<std::filesystem::path> stale;
    for (const auto& entry : std::filesystem::directory_iterator(variants_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (is_variant_entry(name) && (name[0] == '.' || !kept.count(name))) stale.push_back(entry.path());
    }
    for (const auto& path : stale) std::filesystem::remove_all(path, ec);
    if (std::filesystem::is_empty(variants_dir, ec)) std::filesystem::remove(variants_dir, ec);
  }
  write_file_atomically(out_dir_ / "sweep.json", json);
  if (complete && journal_) journal_->remove();
  journal_.reset();
  return ranked;
}

}  // namespace abt
