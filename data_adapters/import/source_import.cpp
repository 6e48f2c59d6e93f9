#include "data_adapters/import/source_import.hpp"

#include <algorithm>
#include <cstdio>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/csv/csv_source.hpp"
#include "data_adapters/csv/panel_csv.hpp"
#include "data_adapters/csv/series_csv.hpp"
#include "data_adapters/qlib/qlib_source.hpp"
#include "data_adapters/reference/gbbq_share_capital.hpp"
#include "data_adapters/reference/reference_tables.hpp"
#include "data_adapters/resample/minute_bars.hpp"
#include "data_adapters/tdx/tdx_source.hpp"
#include "data_adapters/vendor/vendor_source.hpp"
#include "engine/core/config_json.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

/// Bump when an adapter's output changes, so that stale cached imports are not reused.
constexpr int kImportVersion = 2;  // 2: no invented first pre_close, seasoned list dates, IPO table

uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void hash_file_state(uint64_t& h, const fs::path& p, const fs::path& base) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  const auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
  h = fnv1a(h, fs::relative(p, base, ec).string());
  h = fnv1a(h, std::to_string(size));
  h = fnv1a(h, std::to_string(mtime));
}

}  // namespace

bool is_source_format(std::string_view format) {
  return format == "qlib" || format == "tdx" || format == "csv" || format == "tushare" ||
         format == "akshare" || format == "minute";
}

/// The adapter alone (no reference tables).
static MarketData import_adapter(const SourceSpec& spec, std::vector<std::string>* notes,
                                 std::vector<std::string>* quarantined) {
  if (spec.paths.empty()) throw ConfigError(spec.format + ": expected a source path");
  if (spec.format == "qlib") {
    if (spec.paths.size() != 1) throw ConfigError("qlib: expected exactly one data directory");
    QlibOptions o;
    o.market = spec.market;
    o.symbols = spec.symbols;
    o.hourly = spec.hourly;
    o.volume = spec.qlib_volume;
    o.all_features = spec.qlib_all_features;
    return read_qlib(spec.paths[0], o, notes);
  }
  if (spec.format == "tdx") {
    TdxOptions o;
    o.inputs = spec.paths;
    o.gbbq = spec.gbbq;
    return read_tdx(o, notes);
  }
  if (spec.format == "tushare" || spec.format == "akshare") {
    VendorOptions o;
    o.inputs = spec.paths;
    o.adjust = spec.adjust;
    o.quarantined = quarantined;
    return read_vendor_csv(spec.format, o, notes);
  }
  if (spec.format == "minute") {
    if (!spec.symbols.empty() && spec.symbols.size() != spec.paths.size())
      throw ConfigError("minute: expected one symbol per file (" + std::to_string(spec.paths.size()) +
                        "), got " + std::to_string(spec.symbols.size()));
    MarketDataAssembler a;
    std::string source = "minute csv:";
    for (size_t k = 0; k < spec.paths.size(); ++k) {
      const std::string stem = spec.paths[k].stem().string();
      const std::string symbol =
          !spec.symbols.empty() ? spec.symbols[k] : symbol_from_code(stem).value_or(stem);
      add_minute_csv(spec.paths[k], symbol, a);
      source.append(" ").append(spec.paths[k].string());
    }
    MarketData md = a.build(source);
    if (notes) *notes = a.notes();
    return md;
  }
  if (spec.format == "csv") {
    if (quarantined) {
      PanelCsvOptions o;
      o.quarantined = quarantined;
      return load_panel_csv(spec.paths, o);
    }
    nlohmann::json files = nlohmann::json::array();
    for (const auto& p : spec.paths) files.push_back(p.string());
    std::vector<std::string> n;
    MarketData md = load_csv_source(files, "csv", {}, n);
    if (notes) *notes = std::move(n);
    return md;
  }
  throw ConfigError("--from: unknown source format '" + spec.format +
                    "' (expected qlib, tdx, tushare, akshare, minute or csv)");
}

MarketData import_source(const SourceSpec& spec, std::vector<std::string>* notes_out,
                         std::vector<std::string>* quarantined) {
  std::vector<std::string> notes;
  MarketData md = import_adapter(spec, &notes, quarantined);
  // TDX reads the gbbq table itself (factors and shares); every other source takes its share capital.
  if (spec.gbbq && spec.format != "tdx") apply_gbbq_share_capital(md, *spec.gbbq, notes);
  if (spec.shares) apply_share_capital(md, *spec.shares, notes);
  if (spec.st) apply_st_intervals(md, *spec.st, notes);
  if (spec.listing) apply_listing_dates(md, *spec.listing, notes);
  if (spec.ipo) apply_ipo_table(md, *spec.ipo, notes);
  if (spec.membership) apply_index_membership(md, *spec.membership, notes);
  for (const auto& [name, file] : spec.series) {
    const SeriesAttachNote n = attach_series(md, read_series_csv(file, name));
    if (!n.message.empty()) notes.push_back(n.message);
  }
  if (derive_market_cap(md)) notes.push_back("total_mv derived as unadjusted close x total shares");
  if (notes_out) *notes_out = std::move(notes);
  return md;
}

SourceSpec parse_source_spec(const std::string& format, const nlohmann::json& value,
                             const std::string& json_path, const fs::path& base_dir) {
  SourceSpec s;
  s.format = format;
  if (!value.is_object()) {
    s.paths = json_path_list(value, json_path, base_dir);
    return s;
  }
  for (const auto& [key, v] : value.items()) {
    const std::string where = json_path + "." + key;
    if (key == "path") {
      s.paths = json_path_list(v, where, base_dir);
    } else if (key == "market" && format == "qlib") {
      if (!v.is_string()) throw ConfigError(where + ": expected a market name such as \"all\" or \"csi300\"");
      s.market = v.get<std::string>();
    } else if (key == "symbols" && (format == "qlib" || format == "minute")) {
      if (!v.is_array()) throw ConfigError(where + ": expected a list of symbols");
      for (const auto& x : v) {
        if (!x.is_string()) throw ConfigError(where + ": expected a list of symbols");
        s.symbols.push_back(x.get<std::string>());
      }
    } else if (key == "hourly" && format == "qlib") {
      if (!v.is_boolean()) throw ConfigError(where + ": expected true or false");
      s.hourly = v.get<bool>();
    } else if (key == "all_features" && format == "qlib") {
      if (!v.is_boolean()) throw ConfigError(where + ": expected true or false");
      s.qlib_all_features = v.get<bool>();
    } else if (key == "volume" && format == "qlib") {
      if (!v.is_string() || (v != "shares" && v != "adjusted"))
        throw ConfigError(where +
                          ": expected \"shares\" or \"adjusted\" (official qlib dumps: volume / factor)");
      s.qlib_volume = v.get<std::string>();
    } else if (key == "shares" || key == "st" || key == "listing" || key == "ipo" || key == "membership") {
      if (!v.is_string()) throw ConfigError(where + ": expected a path");
      (key == "shares"    ? s.shares
       : key == "st"      ? s.st
       : key == "listing" ? s.listing
       : key == "ipo"     ? s.ipo
                          : s.membership) = resolve_against(base_dir, v.get<std::string>());
    } else if (key == "series") {
      if (!v.is_array()) throw ConfigError(where + ": expected a list of {\"name\": N, \"file\": PATH}");
      for (size_t k = 0; k < v.size(); ++k) {
        const auto& e = v[k];
        if (!e.is_object() || !e.contains("name") || !e.contains("file") || !e["name"].is_string() ||
            !e["file"].is_string())
          throw ConfigError(where + "[" + std::to_string(k) + "]: expected {\"name\": N, \"file\": PATH}");
        s.series.emplace_back(e["name"].get<std::string>(),
                              resolve_against(base_dir, e["file"].get<std::string>()));
      }
    } else if (key == "adjust" && format == "akshare") {
      if (!v.is_string()) throw ConfigError(where + ": expected \"none\", \"qfq\" or \"hfq\"");
      s.adjust = v.get<std::string>();
    } else if (key == "gbbq") {
      if (!v.is_string()) throw ConfigError(where + ": expected the path of the gbbq CSV");
      s.gbbq = resolve_against(base_dir, v.get<std::string>());
    } else {
      throw ConfigError(
          where + ": unknown key (expected path, gbbq, shares, st, listing, ipo, membership, series" +
          std::string(format == "qlib" ? ", market, symbols, hourly, volume, all_features" : "") + ")");
    }
  }
  if (s.paths.empty()) throw ConfigError(json_path + ".path: required");
  return s;
}

nlohmann::json source_spec_json(const SourceSpec& spec) {
  nlohmann::json paths = nlohmann::json::array();
  for (const auto& p : spec.paths) paths.push_back(p.string());
  nlohmann::json j = {{"path", paths}};
  if (spec.format == "minute") j["symbols"] = spec.symbols;
  if (spec.shares) j["shares"] = spec.shares->string();
  if (spec.st) j["st"] = spec.st->string();
  if (spec.listing) j["listing"] = spec.listing->string();
  if (spec.ipo) j["ipo"] = spec.ipo->string();
  if (spec.membership) j["membership"] = spec.membership->string();
  for (const auto& [name, file] : spec.series)
    j["series"].push_back({{"name", name}, {"file", file.string()}});
  if (spec.format == "qlib") {
    j["market"] = spec.market;
    j["symbols"] = spec.symbols;
    j["hourly"] = spec.hourly;
    if (spec.qlib_volume != "shares") j["volume"] = spec.qlib_volume;
    if (spec.qlib_all_features) j["all_features"] = true;
  }
  if (spec.gbbq) j["gbbq"] = spec.gbbq->string();
  if (spec.format == "akshare") j["adjust"] = spec.adjust;
  return {{spec.format, j}};
}

std::string source_cache_key(const SourceSpec& spec) {
  uint64_t h = 14695981039346656037ull;
  h = fnv1a(h, std::to_string(kImportVersion));
  h = fnv1a(h, source_spec_json(spec).dump());
  std::vector<fs::path> roots = spec.paths;
  for (const auto* extra : {&spec.gbbq, &spec.shares, &spec.st, &spec.listing, &spec.ipo, &spec.membership})
    if (*extra) roots.push_back(**extra);
  for (const auto& [name, file] : spec.series) roots.push_back(file);
  for (const fs::path& root : roots) {
    h = fnv1a(h, fs::absolute(root).string());
    if (fs::is_directory(root)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) hash_file_state(h, f, root);
    } else {
      hash_file_state(h, root, root.parent_path());
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

MarketData cached_import(const SourceSpec& spec, const fs::path& cache_dir, bool& imported,
                         std::vector<std::string>* notes) {
  const fs::path file =
      cache_dir / ("import-" + spec.format + "-" + source_cache_key(spec)) / kDatasetFileName;
  imported = false;
  if (!fs::exists(file)) {
    const MarketData md = import_source(spec, notes);
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
      throw UserError(file.parent_path().string() + ": cannot create the cache directory: " + ec.message());
    write_dataset(md, file);
    imported = true;
  }
  const VerifiedFiles verified(cache_dir / "verified");  // as the loader's verified_dataset_files()
  return read_dataset(file, true, &verified);
}

}  // namespace abt
