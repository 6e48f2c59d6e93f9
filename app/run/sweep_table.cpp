#include "app/run/sweep_table.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "app/run/config_file.hpp"
#include "engine/analytics/metric_registry.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

const std::vector<std::string> kCsvMetrics = {
    "total_return", "annual_return",        "annual_volatility", "sharpe",         "sortino",  "calmar",
    "max_drawdown", "excess_annual_return", "information_ratio", "trade_win_rate", "turnover", "costs",
    "trades"};

std::optional<double> metric_value(const SweepRow& row, const std::string& metric) {
  if (row.status != "ok" || !row.metrics.is_object() || !row.metrics.contains(metric)) return std::nullopt;
  const auto& v = row.metrics[metric];
  if (!v.is_number()) return std::nullopt;
  return v.get<double>();
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_value(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return csv_field(v.get<std::string>());
  if (v.is_number_float()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
    return buf;
  }
  return csv_field(v.dump());
}

}  // namespace

bool lower_is_better(const std::string& metric) {
  const MetricInfo* info = find_metric(metric);  // one registry of directions (metric_registry.hpp)
  return info && info->better == Better::Lower;
}

std::vector<SweepRow> rank_rows(std::vector<SweepRow> rows, const std::string& rank_by) {
  const bool lower = lower_is_better(rank_by);
  std::stable_sort(rows.begin(), rows.end(), [&](const SweepRow& a, const SweepRow& b) {
    const auto va = metric_value(a, rank_by), vb = metric_value(b, rank_by);
    if (va.has_value() != vb.has_value()) return va.has_value();
    if (va && *va != *vb) return lower ? *va < *vb : *va > *vb;
    return a.variant.index < b.variant.index;
  });
  return rows;
}

std::string sweep_csv(const SweepHeader& header, const std::vector<SweepRow>& ranked) {
  std::vector<std::string> metrics = kCsvMetrics;
  if (std::find(metrics.begin(), metrics.end(), header.rank_by) == metrics.end())
    metrics.push_back(header.rank_by);
  std::string out = "rank,id";
  auto cell = [&out](const std::string& text) {
    out += ',';
    out += text;
  };
  for (const auto& p : header.paths) cell(csv_field(p));
  for (const auto& m : metrics) cell(m);
  out += ",trades_hash,status,dir\n";
  int64_t rank = 0;
  for (const SweepRow& row : ranked) {
    if (row.status == "ok") out += std::to_string(++rank);
    cell(row.variant.id);
    for (const auto& p : header.paths)
      cell(row.variant.overrides.contains(p) ? csv_value(row.variant.overrides[p]) : std::string());
    for (const auto& m : metrics)
      cell(row.metrics.is_object() && row.metrics.contains(m) ? csv_value(row.metrics[m]) : std::string());
    cell(row.trades_hash);
    cell(csv_field(row.status == "ok" ? row.status : "error: " + row.error));
    cell(csv_field(row.dir));
    out += '\n';
  }
  return out;
}

nlohmann::json sweep_json(const SweepHeader& header, const std::vector<SweepRow>& ranked) {
  nlohmann::json shards = nlohmann::json::array();
  for (const auto& s : header.shards) shards.push_back({{"index", s.index}, {"count", s.count}});
  nlohmann::json variants = nlohmann::json::array();
  int64_t rank = 0;
  for (const SweepRow& row : ranked) {
    nlohmann::json v = {{"rank", row.status == "ok" ? nlohmann::json(++rank) : nlohmann::json()},
                        {"id", row.variant.id},
                        {"index", row.variant.index},
                        {"overrides", row.variant.overrides},
                        {"status", row.status},
                        {"metrics", row.metrics},
                        {"trades_hash", row.trades_hash},
                        {"dir", row.dir}};
    if (row.status != "ok") v["error"] = row.error;
    variants.push_back(std::move(v));
  }
  nlohmann::json doc = {{"abt_version", ABT_VERSION},
                        {"config", header.base_config},
                        {"plan", header.plan},
                        {"kind", header.kind},
                        {"paths", header.paths},
                        {"total_variants", header.total_variants},
                        {"shards", shards},
                        {"rank_by", header.rank_by},
                        {"complete", header.complete},
                        {"variants_done", ranked.size()},
                        {"variants", variants}};
  if (!header.plugins.empty()) doc["plugins"] = header.plugins;
  return doc;
}

std::pair<SweepHeader, std::vector<SweepRow>> read_sweep(const std::filesystem::path& dir) {
  const auto file = dir / "sweep.json";
  const nlohmann::json doc = read_json_file(file);
  SweepHeader h;
  std::vector<SweepRow> rows;
  try {
    h.base_config = doc.at("config");
    h.plan = doc.at("plan");
    h.kind = doc.at("kind").get<std::string>();
    h.paths = doc.at("paths").get<std::vector<std::string>>();
    h.total_variants = doc.at("total_variants").get<int64_t>();
    for (const auto& s : doc.at("shards"))
      h.shards.push_back({s.at("index").get<int64_t>(), s.at("count").get<int64_t>()});
    h.rank_by = doc.at("rank_by").get<std::string>();
    h.complete = doc.at("complete").get<bool>();
    if (doc.contains("plugins")) h.plugins = doc.at("plugins");
    for (const auto& v : doc.at("variants")) {
      SweepRow row;
      row.variant.id = v.at("id").get<std::string>();
      row.variant.index = v.at("index").get<int64_t>();
      row.variant.overrides = v.at("overrides");
      row.status = v.at("status").get<std::string>();
      row.error = v.value("error", std::string());
      row.metrics = v.at("metrics");
      row.trades_hash = v.at("trades_hash").get<std::string>();
      row.dir = v.at("dir").get<std::string>();
      rows.push_back(std::move(row));
    }
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(file.string() + ": not a sweep.json written by abt sweep (" + e.what() + ")");
  }
  return {std::move(h), std::move(rows)};
}

void write_sweep(const std::filesystem::path& dir, const SweepHeader& header, std::vector<SweepRow> rows) {
  const auto ranked = rank_rows(std::move(rows), header.rank_by);
  write_file_atomically(dir / "sweep.csv", sweep_csv(header, ranked));
  write_file_atomically(dir / "sweep.json", sweep_json(header, ranked).dump(2) + "\n");
}

}  // namespace abt
