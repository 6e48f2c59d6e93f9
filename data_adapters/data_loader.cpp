#include "data_adapters/data_loader.hpp"

#include <chrono>
#include <cstdlib>
#include <set>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/csv/csv_source.hpp"
#include "data_adapters/import/source_import.hpp"
#include "data_adapters/synth/synth_market.hpp"
#include "engine/core/config_json.hpp"
#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"
#include "engine/core/json_value.hpp"
#include "engine/core/utf8.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

/// Bump when the generator's output changes, so that stale cached markets are not reused.
constexpr int kSyntheticGeneratorVersion = 2;  // 2: delisting-arrangement status

SynthConfig parse_synth_config(const nlohmann::json& j, const std::string& path) {
  SynthConfig c;
  if (j.is_null()) return c;
  if (!j.is_object()) throw ConfigError(path + ": expected an object {\"stocks\": N, \"start\": D, ...}");
  reject_unknown_keys(j, path, {"stocks", "start", "end", "seed", "hourly"});
  if (j.contains("stocks"))
    c.stocks = static_cast<int32_t>(json_integer(j["stocks"], path + ".stocks", 10, kMaxSynthStocks));
  if (j.contains("start"))
    c.start = Date::parse(j["start"].is_string() ? j["start"].get<std::string>() : "", path + ".start");
  if (j.contains("end"))
    c.end = Date::parse(j["end"].is_string() ? j["end"].get<std::string>() : "", path + ".end");
  if (!(c.start < c.end)) throw ConfigError(path + ": start must be before end");
  // At most 30 years (7,000 stocks x 30 years of daily bars is about 2.5 GB of panels).
  if (c.start < first_market_date() || c.end > last_market_date() || c.end - c.start > kMaxSynthDays)
    throw ConfigError(path + ": expected start and end within " + first_market_date().to_string() + " .. " +
                      last_market_date().to_string() + " and at most 30 years apart, got " +
                      c.start.to_string() + " .. " + c.end.to_string());
  if (j.contains("seed")) {
    if (!j["seed"].is_number_unsigned()) throw ConfigError(path + ".seed: expected a non-negative integer");
    c.seed = j["seed"].get<uint64_t>();
  }
  if (j.contains("hourly")) {
    if (!j["hourly"].is_boolean()) throw ConfigError(path + ".hourly: expected true or false");
    c.hourly = j["hourly"].get<bool>();
  }
  return c;
}

nlohmann::json synth_config_json(const SynthConfig& c) {
  return {{"stocks", c.stocks},
          {"start", c.start.to_string()},
          {"end", c.end.to_string()},
          {"seed", c.seed},
          {"hourly", c.hourly}};
}

}  // namespace

std::filesystem::path default_cache_dir() {
  if (const char* dir = std::getenv("ABT_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "abt";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "abt";
  return std::filesystem::temp_directory_path() / "abt-cache";
}

VerifiedFiles verified_dataset_files() {
  return VerifiedFiles(default_cache_dir() / "verified");
}

std::filesystem::path synthetic_cache_file(const SynthConfig& c) {
  const std::string name = "synth-v" + std::to_string(kSyntheticGeneratorVersion) + "-" +
                           std::to_string(c.stocks) + "-" + std::to_string(c.start.yyyymmdd()) + "-" +
                           std::to_string(c.end.yyyymmdd()) + "-s" + std::to_string(c.seed) +
                           (c.hourly ? "-hourly" : "");
  return default_cache_dir() / name / kDatasetFileName;
}

LoadedData load_market_data(const nlohmann::json& spec, const std::filesystem::path& base_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  LoadedData out;
  const nlohmann::json s = spec.is_null() ? nlohmann::json{{"synthetic", nlohmann::json::object()}} : spec;
  if (!s.is_object() || s.size() != 1)
    throw ConfigError(
        "data: expected one of {\"synthetic\": {...}}, {\"dataset\": PATH}, {\"csv\": PATH}, {\"qlib\": "
        "PATH}, "
        "{\"tdx\": PATH}");
  const std::string kind = s.begin().key();
  const nlohmann::json& value = s.begin().value();
  if (kind == "synthetic") {
    const SynthConfig c = parse_synth_config(value, "data.synthetic");
    const auto file = synthetic_cache_file(c);
    if (!std::filesystem::exists(file)) {
      MarketData generated = generate_synthetic_market(c);
      std::error_code ec;
      std::filesystem::create_directories(file.parent_path(), ec);
      if (ec)
        throw UserError(file.parent_path().string() + ": cannot create the cache directory: " + ec.message());
      write_dataset(generated, file);
      out.generated = true;
    }
    const VerifiedFiles verified = verified_dataset_files();
    out.data = read_dataset(file, true, &verified);
    out.resolved_spec = {{"synthetic", synth_config_json(c)}};
  } else if (kind == "dataset") {
    if (!value.is_string()) throw ConfigError("data.dataset: expected a path");
    const auto path = resolve_against(base_dir, value.get<std::string>());
    const VerifiedFiles verified = verified_dataset_files();
    out.data = read_dataset(path, true, &verified);
    out.resolved_spec = {{"dataset", path.string()}};
  } else if (kind == "csv") {
    out.data = load_csv_source(value, "data.csv", base_dir, out.notes);
    out.resolved_spec = s;
  } else if (kind == "qlib" || kind == "tdx" || kind == "tushare" || kind == "akshare" || kind == "minute") {
    const SourceSpec source = parse_source_spec(kind, value, "data." + kind, base_dir);
    out.data = cached_import(source, default_cache_dir(), out.generated, &out.notes);
    out.resolved_spec = source_spec_json(source);
  } else {
    throw ConfigError(
        "data." + kind +
        ": unknown data source (expected synthetic, dataset, csv, qlib, tdx, tushare, akshare or minute)");
  }
  // Paths (resolved against a config's directory) and sources reach result.json, which must be UTF-8.
  try {
    (void)out.resolved_spec.dump();
  } catch (const nlohmann::json::type_error&) {
    throw ConfigError("data: a path is not valid UTF-8 (" + json_for_message(out.resolved_spec) +
                      "); it would be recorded in result.json: use UTF-8 directory and file names");
  }
  out.data.source = utf8_for_display(out.data.source);
  derive_hourly_adjustment(out.data);
  out.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace abt
