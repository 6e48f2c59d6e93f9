#include "app/run/run_store.hpp"

#include <sqlite3.h>

#include <cstdlib>

#include "app/run/config_file.hpp"
#include "engine/core/error.hpp"
#include "engine/data/content_hash.hpp"

namespace abt {
namespace {

const char* kSchema =
    "CREATE TABLE IF NOT EXISTS sweeps ("
    " id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL DEFAULT (datetime('now')), config_hash TEXT NOT NULL,"
    " engine_version TEXT NOT NULL, plan TEXT NOT NULL, variants INTEGER NOT NULL, complete INTEGER NOT NULL,"
    " path TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY, kind TEXT NOT NULL, sweep_id INTEGER REFERENCES sweeps(id),"
    " recorded_at TEXT NOT NULL DEFAULT (datetime('now')), config_hash TEXT NOT NULL,"
    " data_fingerprint TEXT NOT NULL, engine_version TEXT NOT NULL, strategy TEXT NOT NULL,"
    " trades_hash TEXT NOT NULL, config TEXT NOT NULL, metrics TEXT NOT NULL, path TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS runs_by_config ON runs(config_hash);"
    // Added with plugin provenance; a store of an older abt gains the (empty) table when opened, and an older
    // abt ignores it.
    "CREATE TABLE IF NOT EXISTS run_plugins ("
    " run_id INTEGER NOT NULL REFERENCES runs(id), position INTEGER NOT NULL, path TEXT NOT NULL,"
    " sha256 TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL, strategies TEXT NOT NULL,"
    " PRIMARY KEY (run_id, position));"
    "CREATE INDEX IF NOT EXISTS run_plugins_by_hash ON run_plugins(sha256);";

/// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& file) : db_(db), file_(file) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(int i, const std::string& v) { sqlite3_bind_text(stmt_, i, v.c_str(), -1, SQLITE_TRANSIENT); }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail("step");
    return false;
  }
  std::string text(int c) const {
    const auto* t = sqlite3_column_text(stmt_, c);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  bool is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw UserError(file_ + ": run store " + what + " failed: " + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  std::string file_;
  sqlite3_stmt* stmt_ = nullptr;
};

const char* kRunColumns =
    "SELECT id, kind, sweep_id, recorded_at, config_hash, data_fingerprint, engine_version, strategy, "
    "trades_hash,"
    " config, metrics, path FROM runs";

std::string string_field(const nlohmann::json& entry, const char* key) {
  return entry.is_object() && entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>()
                                                                            : std::string();
}

StoredRun read_run(const Statement& s) {
  StoredRun r;
  r.id = s.integer(0);
  r.kind = s.text(1);
  if (!s.is_null(2)) r.sweep = s.integer(2);
  r.recorded_at = s.text(3);
  r.config_hash = s.text(4);
  r.data_fingerprint = s.text(5);
  r.engine_version = s.text(6);
  r.strategy = s.text(7);
  r.trades_hash = s.text(8);
  r.config = nlohmann::json::parse(s.text(9), nullptr, false);
  r.metrics = nlohmann::json::parse(s.text(10), nullptr, false);
  r.path = s.text(11);
  return r;
}

}  // namespace

RunStore::RunStore(const std::filesystem::path& file) : file_(file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (sqlite3_open(file.string().c_str(), &db_) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw UserError(file.string() + ": cannot open the run store: " + message);
  }
  sqlite3_busy_timeout(db_, 10'000);  // concurrent abt processes (sweep shards) wait for each other
  try {
    exec(kSchema);
  } catch (...) {
    // A constructor that throws runs no destructor: close the handle here (it leaked, issue 14).
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

RunStore::~RunStore() {
  sqlite3_close(db_);
}

std::optional<std::filesystem::path> RunStore::file_for(const std::filesystem::path& output_dir) {
  if (const char* env = std::getenv("ABT_RUN_STORE"); env && *env) {
    if (std::string(env) == "off") return std::nullopt;
    return std::filesystem::path(env);
  }
  auto dir = std::filesystem::absolute(output_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "out/run/" -> "out/run"
  const auto root = dir.parent_path();
  return root / "abt-runs.sqlite";
}

std::string RunStore::config_hash(const nlohmann::json& config) {
  ContentHash h;
  h.add_string(config.dump());
  return h.hex();
}

void RunStore::exec(const char* sql) const {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw UserError(file_.string() + ": run store: " + message);
  }
}

void RunStore::begin() {
  exec("BEGIN IMMEDIATE");
}
void RunStore::commit() {
  exec("COMMIT");
}

int64_t RunStore::record_run(const nlohmann::json& doc, const std::filesystem::path& dir,
                             const std::string& kind, std::optional<int64_t> sweep) {
  exec("SAVEPOINT record_run");  // the run and its plugins, or nothing (also inside begin/commit)
  try {
    const int64_t id = insert_run(doc, dir, kind, sweep);
    exec("RELEASE record_run");
    return id;
  } catch (const UserError&) {
    exec("ROLLBACK TO record_run");
    exec("RELEASE record_run");
    throw;
  }
}

int64_t RunStore::insert_run(const nlohmann::json& doc, const std::filesystem::path& dir,
                             const std::string& kind, std::optional<int64_t> sweep) {
  Statement s(db_,
              "INSERT INTO runs (kind, sweep_id, config_hash, data_fingerprint, engine_version, strategy, "
              "trades_hash,"
              " config, metrics, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              file_.string());
  const nlohmann::json config = doc.value("config", nlohmann::json::object());
  s.bind(1, kind);
  if (sweep)
    s.bind(2, *sweep);
  else
    s.bind_null(2);
  s.bind(3, config_hash(config));
  s.bind(4, doc.contains("data") ? doc["data"].value("fingerprint", std::string()) : std::string());
  s.bind(5, doc.value("abt_version", std::string()));
  s.bind(6, config.contains("strategy") ? config["strategy"].value("name", std::string()) : std::string());
  s.bind(7, doc.value("trades_hash", std::string()));
  s.bind(8, config.dump());
  s.bind(9, doc.value("metrics", nlohmann::json::object()).dump());
  s.bind(10, std::filesystem::absolute(dir).lexically_normal().string());
  s.step();
  const int64_t id = sqlite3_last_insert_rowid(db_);
  const nlohmann::json plugins = doc.value("plugins", nlohmann::json::array());
  for (size_t k = 0; k < plugins.size(); ++k) {
    const nlohmann::json& p = plugins[k];
    Statement ins(db_,
                  "INSERT INTO run_plugins (run_id, position, path, sha256, name, version, strategies)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                  file_.string());
    ins.bind(1, id);
    ins.bind(2, static_cast<int64_t>(k));
    ins.bind(3, string_field(p, "path"));
    ins.bind(4, string_field(p, "sha256"));
    ins.bind(5, string_field(p, "name"));
    ins.bind(6, string_field(p, "version"));
    ins.bind(7, p.value("strategies", nlohmann::json::array()).dump());
    ins.step();
  }
  return id;
}

nlohmann::json RunStore::plugins_of(int64_t run_id) const {
  Statement s(db_,
              "SELECT path, sha256, name, version, strategies FROM run_plugins WHERE run_id = ?"
              " ORDER BY position",
              file_.string());
  s.bind(1, run_id);
  nlohmann::json out = nlohmann::json::array();
  while (s.step())
    out.push_back({{"path", s.text(0)},
                   {"sha256", s.text(1)},
                   {"name", s.text(2)},
                   {"version", s.text(3)},
                   {"strategies", nlohmann::json::parse(s.text(4), nullptr, false)}});
  return out;
}

int64_t RunStore::record_sweep(const nlohmann::json& base_config, const nlohmann::json& plan,
                               int64_t variants, bool complete, const std::filesystem::path& dir) {
  Statement s(db_,
              "INSERT INTO sweeps (config_hash, engine_version, plan, variants, complete, path)"
              " VALUES (?, ?, ?, ?, ?, ?)",
              file_.string());
  s.bind(1, config_hash(base_config));
  s.bind(2, std::string(ABT_VERSION));
  s.bind(3, plan.dump());
  s.bind(4, variants);
  s.bind(5, int64_t{complete ? 1 : 0});
  s.bind(6, std::filesystem::absolute(dir).lexically_normal().string());
  s.step();
  return sqlite3_last_insert_rowid(db_);
}

std::vector<StoredRun> RunStore::runs(int64_t limit) const {
  Statement s(db_, (std::string(kRunColumns) + " ORDER BY id DESC LIMIT ?").c_str(), file_.string());
  s.bind(1, limit);
  std::vector<StoredRun> out;
  while (s.step()) out.push_back(read_run(s));
  for (StoredRun& r : out) r.plugins = plugins_of(r.id);
  return out;
}

std::optional<StoredRun> RunStore::run(int64_t id) const {
  Statement s(db_, (std::string(kRunColumns) + " WHERE id = ?").c_str(), file_.string());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  StoredRun r = read_run(s);
  r.plugins = plugins_of(r.id);
  return r;
}

std::vector<StoredSweep> RunStore::sweeps(int64_t limit) const {
  Statement s(
      db_,
      "SELECT id, recorded_at, config_hash, engine_version, plan, variants, complete, path FROM sweeps"
      " ORDER BY id DESC LIMIT ?",
      file_.string());
  s.bind(1, limit);
  std::vector<StoredSweep> out;
  while (s.step()) {
    StoredSweep w;
    w.id = s.integer(0);
    w.recorded_at = s.text(1);
    w.config_hash = s.text(2);
    w.engine_version = s.text(3);
    w.plan = nlohmann::json::parse(s.text(4), nullptr, false);
    w.variants = s.integer(5);
    w.complete = s.integer(6) != 0;
    w.path = s.text(7);
    out.push_back(std::move(w));
  }
  return out;
}

RunDirectory run_directory_state(const StoredRun& run) {
  const std::filesystem::path result = std::filesystem::path(run.path) / "result.json";
  std::error_code ec;
  if (!std::filesystem::exists(result, ec)) return RunDirectory::Gone;
  try {
    const nlohmann::json doc = read_json_file(result);
    const bool same = doc.is_object() && doc.value("trades_hash", std::string()) == run.trades_hash &&
                      RunStore::config_hash(doc.value("config", nlohmann::json::object())) == run.config_hash;
    return same ? RunDirectory::HoldsRun : RunDirectory::HoldsAnotherRun;
  } catch (const UserError&) {
    return RunDirectory::HoldsAnotherRun;  // not this run's result, whatever it is
  }
}

const char* describe(RunDirectory state) {
  switch (state) {
    case RunDirectory::HoldsRun:
      return "holds this run";
    case RunDirectory::HoldsAnotherRun:
      return "now holds another run";
    case RunDirectory::Gone:
      return "gone";
  }
  return "gone";
}

}  // namespace abt
