#pragma once
// Loads each distinct data spec once per command (regress over many configs, sweeps over many variants) and
// hands out read-only references; the loaded markets live as long as the cache.
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "data_adapters/data_loader.hpp"
#include "app/run/derived_instruments.hpp"

namespace abt::cli {

class DataCache {
 public:
  explicit DataCache(bool quiet) : quiet_(quiet) {}
  /// The data of `spec` (relative paths against `base_dir`); loads it on first use. Throws like
  /// load_market_data.
  const LoadedData& get(const nlohmann::json& spec, const std::filesystem::path& base_dir) {
    const std::string key = spec.dump() + "\n" + base_dir.lexically_normal().string();
    auto it = loaded_.find(key);
    if (it != loaded_.end()) return *it->second;
    if (!quiet_) std::fprintf(stderr, "abt: loading data...\n");
    auto data = std::make_unique<LoadedData>(load_market_data(spec, base_dir));
    for (const auto& note : data->notes) std::fprintf(stderr, "abt: note: %s\n", note.c_str());
    if (!quiet_)
      std::fprintf(stderr, "abt: %s%s (%d instruments, %d days) in %.2f s\n",
                   data->generated ? "generated " : "", data->data.source.c_str(),
                   data->data.instrument_count(), data->data.calendar.size(), data->load_seconds);
    return *loaded_.emplace(key, std::move(data)).first->second;
  }

  /// The data of `spec` with the derived instruments `derived` added (app/run/derived_instruments.hpp);
  /// `get(spec, base_dir)` when `derived` is empty. Each distinct combination is built once.
  const LoadedData& get(const nlohmann::json& spec, const std::filesystem::path& base_dir,
                        const std::vector<std::string>& derived, const StrategyRegistry& registry) {
    const LoadedData& base = get(spec, base_dir);
    if (derived.empty()) return base;
    std::string key = spec.dump() + "\n" + base_dir.lexically_normal().string() + "\nderived";
    for (const auto& name : derived) key += " " + name;
    auto it = loaded_.find(key);
    if (it != loaded_.end()) return *it->second;
    auto data = std::make_unique<LoadedData>();
    data->resolved_spec = base.resolved_spec;
    data->generated = base.generated;
    data->data = add_derived_instruments(base.data, derived, registry, quiet_, data->load_seconds);
    data->load_seconds += base.load_seconds;
    return *loaded_.emplace(key, std::move(data)).first->second;
  }

 private:
  bool quiet_;
  std::map<std::string, std::unique_ptr<LoadedData>> loaded_;
};

}  // namespace abt::cli
