#pragma once
// The run store: an SQLite database (abt-runs.sqlite in the output root, i.e. the parent directory of a run's
// or sweep's output directory; $ABT_RUN_STORE names another file, "off" disables recording) with one row per
// run (abt run, or a sweep variant) and per sweep: config hash, data fingerprint, engine version, metrics,
// paths, and one row per plugin a run loaded (path, SHA-256, declared name and version, strategies). `abt
// runs list|show|compare` query it. Recording is bookkeeping beside the results: result files never depend on
// it. Not thread-safe: record from one thread.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace abt {

struct StoredRun {
  int64_t id = 0;
  std::string kind;              // "run" or "variant"
  std::optional<int64_t> sweep;  // the sweep of a variant
  std::string recorded_at;       // UTC, "YYYY-MM-DD HH:MM:SS" (bookkeeping only)
  std::string config_hash, data_fingerprint, engine_version, strategy, trades_hash;
  nlohmann::json config, metrics;
  std::string path;  // absolute output directory
  /// The plugins it loaded (table run_plugins): [{"path", "sha256", "name", "version", "strategies"}], as in
  /// result.json; empty for built-in strategies and for runs recorded by an abt before plugin provenance.
  nlohmann::json plugins = nlohmann::json::array();
};

struct StoredSweep {
  int64_t id = 0;
  std::string recorded_at, config_hash, engine_version;
  nlohmann::json plan;
  int64_t variants = 0;
  bool complete = false;
  std::string path;
};

class RunStore {
 public:
  /// Opens (creating if needed) the database file. Throws UserError naming the file when it cannot.
  explicit RunStore(const std::filesystem::path& file);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  /// The store file for outputs written to `output_dir` (nullopt when $ABT_RUN_STORE is "off").
  static std::optional<std::filesystem::path> file_for(const std::filesystem::path& output_dir);
  /// A stable hash of a (resolved) config.
  static std::string config_hash(const nlohmann::json& config);

  /// Records a run from its result.json document (with its "plugins", if any); returns its id.
  int64_t record_run(const nlohmann::json& result_document, const std::filesystem::path& dir,
                     const std::string& kind = "run", std::optional<int64_t> sweep = std::nullopt);
  int64_t record_sweep(const nlohmann::json& base_config, const nlohmann::json& plan, int64_t variants,
                       bool complete, const std::filesystem::path& dir);
  void begin();
  void commit();

  /// Newest first.
  std::vector<StoredRun> runs(int64_t limit) const;
  std::optional<StoredRun> run(int64_t id) const;
  std::vector<StoredSweep> sweeps(int64_t limit) const;

 private:
  void exec(const char* sql) const;
  int64_t insert_run(const nlohmann::json& result_document, const std::filesystem::path& dir,
                     const std::string& kind, std::optional<int64_t> sweep);
  nlohmann::json plugins_of(int64_t run_id) const;
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace abt
