// `abt sweep CONFIG --grid PLAN.json [--jobs N] [--out DIR] [--rank-by METRIC] [--keep all|top:K|none]
//            [--resume] [--shard i/N] [--quiet] [--plugin PATH ...]`
// `abt sweep merge DIR... --out DIR [--rank-by METRIC] [--plugin PATH ...]`
// Runs the variants of a plan (app/run/sweep_plan.hpp) on a Boost.Asio thread pool. Market data is loaded
// once per distinct data spec before the pool starts and shared read-only. The outputs (every variant's row
// and equity curve, the kept variants' result directories, the journal for --resume) are written by
// SweepRecorder (app/run/sweep_recorder.hpp) so that the files are identical for any --jobs. One sweep
// writes a directory at a time (OutputLock). SIGINT/SIGTERM stop cleanly: variants already running finish,
// no new one starts, the table is written with "complete": false and the exit status is 130. A variant that
// fails is recorded with its error; the exit status is 1 when an internal error occurred, else 3 when a
// strategy failed (StrategyError), else 0. docs/sweeps.md.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/program_options.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/option_parsing.hpp"
#include "app/cli/run_setup.hpp"
#include "app/cli/sweep_walk_forward.hpp"
#include "app/run/config_file.hpp"
#include "app/run/output_dir.hpp"
#include "app/run/plugin_provenance.hpp"
#include "app/run/result_writer.hpp"
#include "app/run/run_config.hpp"
#include "app/run/run_store.hpp"
#include "app/run/sweep_recorder.hpp"
#include "app/run/sweep_table.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_stop_signal(int) {
  g_stop_requested.store(true);
}

/// Progress with ETA on stderr (only when it is a terminal).
class SweepProgress {
 public:
  SweepProgress(size_t total, bool enabled)
      : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void variant_done() {
    std::lock_guard lock(mutex_);
    ++done_;
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double eta =
        done_ > 0 ? elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0;
    const int width = 30;
    const int filled = static_cast<int>(width * done_ / std::max<size_t>(total_, 1));
    std::fprintf(stderr, "\rabt: sweep [%s%s] %zu/%zu  %.1f variants/s  ETA %.0f s   ",
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done_, total_,
                 done_ / std::max(elapsed, 1e-9), eta);
    if (done_ == total_) std::fprintf(stderr, "\n");
  }

 private:
  size_t total_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

int merge_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string out_dir, rank_by;
  std::vector<std::string> dirs, plugin_paths;
  po::options_description options("abt sweep merge options");
  options.add_options()("help,h", "show this help")("out", po::value(&out_dir),
                                                    "merged sweep directory (required)")(
      "rank-by", po::value(&rank_by), "metric to rank by (default: the shards' rank_by)")(
      "plugin", po::value(&plugin_paths)->composing(),
      "a plugin library the shards should have run (warns when their recorded build differs)")(
      "allow-incomplete",
      "merge interrupted shards or a subset of the shards (the result is marked incomplete)");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "dir", po::value(&dirs)->composing(), -1);
  const bool allow_incomplete = vm.count("allow-incomplete") > 0;
  if (vm.count("help") || dirs.empty() || out_dir.empty()) {
    std::cout << "usage: abt sweep merge SWEEP_DIR... --out DIR [--rank-by METRIC] [--plugin PATH ...] "
                 "[--allow-incomplete]\n\n"
              << options;
    return vm.count("help") ? 0 : 2;
  }
  const RunSetup setup(plugin_paths, true);
  SweepHeader merged;
  std::map<int64_t, SweepRow> rows;
  std::map<int64_t, VariantCurve> curves;
  bool all_complete = true;
  for (size_t i = 0; i < dirs.size(); ++i) {
    auto [header, shard_rows] = read_sweep(dirs[i]);
    if (i == 0) {
      merged = header;
      merged.shards.clear();
    } else if (header.plan != merged.plan || header.base_config != merged.base_config ||
               header.total_variants != merged.total_variants) {
      throw ConfigError(dirs[i] + "/sweep.json: a different sweep (config or plan differ from " + dirs[0] +
                        ")");
    } else if (const auto changes = plugin_changes(merged.plugins, header.plugins); !changes.empty()) {
      // Shards of one sweep must have run the same plugin builds (paths may differ between nodes).
      throw ConfigError(dirs[i] + "/sweep.json: ran other plugin builds than " + dirs[0] + ": " +
                        changes.front());
    }
    if (!header.complete && !allow_incomplete)
      throw ConfigError(dirs[i] +
                        "/sweep.json: an incomplete sweep (interrupted, or still running): finish it "
                        "with --resume, or merge with --allow-incomplete for a table marked incomplete");
    all_complete = all_complete && header.complete;
    for (VariantCurve& c : read_sweep_equity(std::filesystem::path(dirs[i]) / "sweep_equity.csv"))
      curves.emplace(c.index, std::move(c));
    merged.shards.insert(merged.shards.end(), header.shards.begin(), header.shards.end());
    for (SweepRow& row : shard_rows) {
      if (!row.dir.empty()) {
        const auto abs_dir =
            std::filesystem::absolute(std::filesystem::path(dirs[i]) / row.dir).lexically_normal();
        row.dir = std::filesystem::absolute(abs_dir)
                      .lexically_relative(std::filesystem::absolute(out_dir))
                      .string();
      }
      const auto [it, inserted] = rows.emplace(row.variant.index, row);
      if (!inserted && it->second.trades_hash != row.trades_hash)
        throw ConfigError("variant " + row.variant.id + " has different results in two shards (" + dirs[i] +
                          ")");
    }
  }
  if (!plugin_paths.empty())
    for (const auto& change : plugin_changes(merged.plugins, setup.loaded_plugins()))
      if (change.find(" changed: ") != std::string::npos)  // plugins loaded on one side only do not matter
        std::fprintf(stderr, "abt: warning: --plugin differs from what the shards ran: %s\n", change.c_str());
  if (!rank_by.empty()) merged.rank_by = rank_by;
  std::sort(merged.shards.begin(), merged.shards.end(), [](const SweepShard& a, const SweepShard& b) {
    return std::tie(a.count, a.index) < std::tie(b.count, b.index);
  });
  merged.complete = all_complete && static_cast<int64_t>(rows.size()) == merged.total_variants;
  if (static_cast<int64_t>(rows.size()) != merged.total_variants && !allow_incomplete)
    throw ConfigError(std::string("the shards hold ")
                          .append(std::to_string(rows.size()))
                          .append(" of the plan's ")
                          .append(std::to_string(merged.total_variants))
                          .append(" variants: a shard is missing (give every shard directory, or "
                                  "--allow-incomplete for a table marked incomplete)"));
  std::vector<SweepRow> list;
  for (auto& [index, row] : rows) list.push_back(std::move(row));
  const size_t n = list.size();
  std::vector<VariantCurve> curve_list;
  for (auto& [index, c] : curves) curve_list.push_back(std::move(c));
  const OutputLock lock(out_dir);
  std::filesystem::create_directories(out_dir);
  write_sweep_outputs(out_dir, merged, rank_rows(std::move(list), merged.rank_by), curve_list);
  std::printf("merged %zu of %lld variants from %zu shard directories into %s/ (%s)\n", n,
              static_cast<long long>(merged.total_variants), dirs.size(), out_dir.c_str(),
              merged.complete ? "complete" : "INCOMPLETE");
  return 0;
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() == "merge") return merge_command({args.begin() + 1, args.end()});
  namespace po = boost::program_options;
  std::string config_path, plan_path, out_dir, rank_by = "sharpe", shard_text, keep_text = "top:10",
                                               walk_forward_text;
  std::vector<std::string> plugin_paths;
  int64_t jobs = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("abt sweep options");
  options.add_options()("help,h", "show this help")(
      "grid", po::value(&plan_path), "plan file: grid, {\"variants\": [...]} or {\"random\": {...}}")(
      "jobs,j", po::value(&jobs), "parallel variants (default: the number of cores)")(
      "out", po::value(&out_dir), "sweep directory (default: out/<config name>-sweep)")(
      "rank-by", po::value(&rank_by),
      "metric to rank by (default sharpe; lower-is-better metrics rank ascending)")(
      "keep", po::value(&keep_text),
      "full result directories for: all, top:K (the K best, default top:10) or none")(
      "resume", "keep the variants an interrupted sweep in --out finished (same config, data, plugins)")(
      "walk-forward", po::value(&walk_forward_text),
      "train=SPAN,test=SPAN[,step=SPAN]: pick the best in-sample per window, chain the out-of-sample runs")(
      "shard", po::value(&shard_text), "run only slice i of N (0-based), also from SLURM/Kubernetes env")(
      "plugin", po::value(&plugin_paths)->composing(), "load a strategy plugin library (repeatable)")(
      "quiet,q", "print only errors");
  const po::variables_map vm =
      parse_with_hidden_positional(args, options, "config", po::value(&config_path), 1);
  if (vm.count("help") || config_path.empty() || plan_path.empty()) {
    std::cout
        << "usage: abt sweep CONFIG --grid PLAN.json [--jobs N] [--out DIR] [--rank-by METRIC] "
           "[--keep all|top:K|none] [--resume] [--walk-forward train=3y,test=1y[,step=1y]] [--shard i/N] "
           "[--plugin PATH ...]\n"
           "       abt sweep merge SWEEP_DIR... --out DIR [--rank-by METRIC] [--plugin PATH ...]\n\n"
        << options;
    return vm.count("help") ? 0 : 2;
  }
  if (jobs < 1 || jobs > 4096) throw ConfigError("--jobs: expected 1 to 4096, got " + std::to_string(jobs));
  const KeepPolicy keep = KeepPolicy::parse(keep_text);
  const bool quiet = vm.count("quiet") > 0;
  const bool resume = vm.count("resume") > 0;
  const std::filesystem::path config_file(config_path);
  const nlohmann::json base = read_json_file(config_file);
  const nlohmann::json plan_doc = read_json_file(plan_path);
  // A plan's "walk_forward" block (docs/sweeps.md) is not a config path; --walk-forward wins over it.
  nlohmann::json variant_plan = plan_doc;
  std::optional<WalkForwardSpec> walk_forward;
  if (variant_plan.is_object() && variant_plan.contains("walk_forward")) {
    walk_forward = parse_walk_forward(variant_plan["walk_forward"], plan_path + ": walk_forward");
    variant_plan.erase("walk_forward");
  }
  if (!walk_forward_text.empty()) walk_forward = parse_walk_forward(walk_forward_text);
  const SweepPlan plan = parse_sweep_plan(variant_plan, plan_path);
  const SweepShard shard = shard_text.empty() ? shard_from_environment() : parse_shard(shard_text);
  if (walk_forward && shard.count > 1)
    throw ConfigError(
        "--walk-forward: a walk-forward does not run in shards (every window needs every "
        "variant); run it on one machine");
  const std::vector<SweepVariant> mine = shard_slice(plan.variants, shard);
  if (out_dir.empty())
    out_dir = (std::filesystem::path("out") / (config_file.stem().string() + "-sweep")).string();

  RunSetup setup(plugin_paths, quiet);  // built-ins + --plugin; each variant's plugins in parse()
  // Validate every variant's config (and load its plugins) before loading data or running anything (bad
  // input -> exit 2).
  std::vector<nlohmann::json> variant_configs;
  std::vector<RunConfig> configs;
  for (const SweepVariant& v : mine) {
    try {
      variant_configs.push_back(apply_variant(base, v));
      configs.push_back(setup.parse(variant_configs.back(), config_file.parent_path()));
    } catch (const ConfigError& e) {
      throw ConfigError("variant " + v.id + " " + v.overrides.dump() + ": " + e.what());
    }
  }
  // ABT_SWEEP_STOP_AFTER=N (for tests of --resume, docs/sweeps.md): stop as on SIGINT once N variants ran.
  const int64_t stop_after = [] {
    const char* text = std::getenv("ABT_SWEEP_STOP_AFTER");
    if (!text || !*text) return int64_t{-1};
    char* end = nullptr;
    const long long n = std::strtoll(text, &end, 10);
    if (*end != '\0' || n < 0)
      throw ConfigError(
          std::string("ABT_SWEEP_STOP_AFTER: expected a count >= 0, got '").append(text).append("'"));
    return static_cast<int64_t>(n);
  }();
  const OutputLock lock(out_dir);  // one writer per sweep directory
  remove_stale_outputs(out_dir);
  // From here on SIGINT/SIGTERM only request a stop (also while the data loads).
  g_stop_requested.store(false);
  auto previous_int = std::signal(SIGINT, on_stop_signal);
  auto previous_term = std::signal(SIGTERM, on_stop_signal);
  std::vector<const LoadedData*> data;
  for (RunConfig& c : configs) data.push_back(&setup.data(c));
  // What each variant's result depends on (--resume reuses a journal entry only with the same key).
  std::vector<std::string> keys;
  for (size_t i = 0; i < mine.size(); ++i)
    keys.push_back(
        variant_run_key(variant_configs[i], data[i]->data.fingerprint, setup.provenance(configs[i])));

  SweepHeader header;
  header.base_config = base;
  header.plan = plan_doc;
  header.kind = plan.kind;
  header.paths = plan.paths;
  header.total_variants = static_cast<int64_t>(plan.variants.size());
  header.shards = {shard};
  header.rank_by = rank_by;
  header.plugins = setup.loaded_plugins();
  SweepRecorder recorder(header, mine, out_dir, keep, static_cast<unsigned>(jobs));
  const size_t resumed = recorder.begin(resume, keys);

  std::atomic<int64_t> internal_errors{0};
  SweepProgress progress(mine.size() - resumed, !quiet && ::isatty(STDERR_FILENO));
  if (!quiet)
    std::fprintf(
        stderr, "abt: sweep of %zu variants (%s%s) on %lld threads%s\n", mine.size(), plan.kind.c_str(),
        shard.count > 1
            ? (", shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count)).c_str()
            : "",
        static_cast<long long>(jobs), resume ? (", " + std::to_string(resumed) + " resumed").c_str() : "");
  if (stop_after == 0) g_stop_requested.store(true);
  const auto t0 = std::chrono::steady_clock::now();
  std::atomic<size_t> ran{0};
  auto variant_ran = [&] {
    if (stop_after > 0 && static_cast<int64_t>(ran.fetch_add(1) + 1) >= stop_after)
      g_stop_requested.store(true);
    if (stop_after <= 0) ran.fetch_add(1);
    progress.variant_done();
  };
  {
    boost::asio::thread_pool pool(static_cast<size_t>(jobs));
    for (size_t i = 0; i < mine.size(); ++i) {
      if (recorder.finished(i)) continue;
      boost::asio::post(pool, [&, i] {
        if (g_stop_requested.load()) return;
        SweepRow failed;
        try {
          // The return tables are made only for the variants whose files are written (the recorder's).
          recorder.record_run(i, setup.run(configs[i], data[i]->data, {}, /*with_tables=*/false),
                              data[i]->data, keys[i]);
          variant_ran();
          return;
        } catch (const UserError& e) {
          failed.error = e.what();
        } catch (const StrategyError& e) {
          // The strategy's code failed in this variant: recorded, and the sweep exits 3 at the end.
          failed.error = std::string("strategy error: ") + e.what();
        } catch (const std::exception& e) {
          // A broken invariant in one variant: recorded, and the sweep exits 1 at the end.
          failed.error = std::string("internal error: ") + e.what();
          internal_errors.fetch_add(1);
        }
        failed.status = "error";
        recorder.record_failure(i, std::move(failed), keys[i]);
        variant_ran();
      });
    }
    pool.join();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  size_t done = 0;
  for (size_t i = 0; i < mine.size(); ++i) done += recorder.finished(i) ? 1 : 0;
  bool interrupted = done < mine.size();
  nlohmann::json walk_forward_doc;
  if (walk_forward && !interrupted) {
    if (!quiet)
      std::fprintf(stderr, "abt: walk-forward %s\n",
                   walk_forward_text.empty() ? "(plan block)" : walk_forward_text.c_str());
    walk_forward_doc = run_walk_forward(setup, base, config_file.parent_path(), plan, *walk_forward, rank_by,
                                        static_cast<size_t>(jobs), g_stop_requested);
    if (walk_forward_doc.is_null()) {
      interrupted = true;
    } else {
      write_file_atomically(std::filesystem::path(out_dir) / "walk_forward.json",
                            walk_forward_doc.dump(2) + "\n");
      write_file_atomically(std::filesystem::path(out_dir) / "walk_forward.csv",
                            walk_forward_csv(walk_forward_doc, plan.paths));
    }
  }
  // Kept variants that finished before a resume are run again for their files.
  const std::vector<SweepRow> ranked = recorder.finish(
      !interrupted,
      [&](size_t slot) {
        return run_output_files(setup.run(configs[slot], data[slot]->data), data[slot]->data);
      },
      walk_forward_doc);
  size_t errors = 0, strategy_errors = 0;
  for (const SweepRow& row : ranked) {
    errors += row.status == "ok" ? 0 : 1;
    strategy_errors += row.error.rfind("strategy error: ", 0) == 0 ? 1 : 0;
  }
  std::signal(SIGINT, previous_int);
  std::signal(SIGTERM, previous_term);
  // Bookkeeping: the sweep and its kept variants in the run store (a failure there does not fail it).
  try {
    if (const auto store_file = RunStore::file_for(out_dir)) {
      RunStore store(*store_file);
      store.begin();
      const int64_t sweep_id =
          store.record_sweep(base, plan_doc, static_cast<int64_t>(mine.size()), !interrupted, out_dir);
      for (const SweepRow& row : ranked)
        if (row.status == "ok" && !row.dir.empty()) {
          const auto dir = std::filesystem::path(out_dir) / row.dir;
          store.record_run(read_json_file(dir / "result.json"), dir, "variant", sweep_id);
        }
      store.commit();
      if (!quiet)
        std::fprintf(stderr, "abt: recorded as sweep #%lld in %s\n", static_cast<long long>(sweep_id),
                     store_file->string().c_str());
    }
  } catch (const UserError& e) {
    std::fprintf(stderr, "abt: warning: %s\n", e.what());
  }
  if (!quiet || interrupted) {
    std::fprintf(
        stderr,
        "abt: %s%zu of %zu variants in %.2f s (%zu run, %.2f variants/s, %lld threads)%s; %s/sweep.csv\n",
        interrupted ? "INTERRUPTED: " : "", done, mine.size(), seconds, ran.load(),
        seconds > 0 ? static_cast<double>(ran.load()) / seconds : 0.0, static_cast<long long>(jobs),
        errors ? (", " + std::to_string(errors) + " failed (see sweep.csv status)").c_str() : "",
        out_dir.c_str());
  }
  if (!quiet && !interrupted) {
    for (size_t i = 0; i < std::min<size_t>(ranked.size(), 5); ++i)
      std::printf("%zu. %s %s  %s = %s\n", i + 1, ranked[i].variant.id.c_str(),
                  ranked[i].variant.overrides.dump().c_str(), rank_by.c_str(),
                  ranked[i].metrics.is_object() && ranked[i].metrics.contains(rank_by)
                      ? ranked[i].metrics[rank_by].dump().c_str()
                      : "-");
  }
  if (interrupted) return 130;
  if (internal_errors.load() > 0) return 1;
  return strategy_errors > 0 ? 3 : 0;
}

}  // namespace abt::cli
