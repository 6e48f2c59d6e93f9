#include "app/run/sweep_plan.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "engine/core/error.hpp"
#include "app/run/config_file.hpp"
#include "engine/core/json_value.hpp"

namespace abt {
namespace {

std::string variant_id(int64_t index, size_t total) {
  int width = 4;
  for (size_t t = total; t >= 10000; t /= 10) ++width;
  char buf[32];
  std::snprintf(buf, sizeof buf, "v%0*lld", width, static_cast<long long>(index));
  return buf;
}

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

uint64_t path_hash(const std::string& path) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : path) h = (h ^ c) * 1099511628211ULL;
  return h;
}

nlohmann::json draw(const nlohmann::json& spec, uint64_t bits, const std::string& where) {
  const nlohmann::json* choices = &spec;
  if (spec.is_object()) {
    if (!spec.contains("choices") || spec.size() != 1 || !spec["choices"].is_array())
      throw ConfigError(where + ": expected [lo, hi], a list of values or {\"choices\": [...]}");
    choices = &spec["choices"];
  } else if (!spec.is_array()) {
    throw ConfigError(where + ": expected [lo, hi], a list of values or {\"choices\": [...]}");
  }
  if (choices->empty()) throw ConfigError(where + ": empty list");
  const bool range = choices == &spec && spec.size() == 2 && spec[0].is_number() && spec[1].is_number();
  if (!range) return (*choices)[bits % choices->size()];
  if (spec[0].is_number_integer() && spec[1].is_number_integer()) {
    const int64_t lo = json_integer(spec[0], where + "[0]", INT64_MIN, INT64_MAX);
    const int64_t hi = json_integer(spec[1], where + "[1]", INT64_MIN, INT64_MAX);
    if (hi < lo) throw ConfigError(where + ": range [lo, hi] with hi < lo");
    // In uint64 arithmetic (wraps, never overflows): the span of [INT64_MIN, INT64_MAX] is 2^64 - 1.
    const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
    const uint64_t offset = span == UINT64_MAX ? bits : bits % (span + 1);
    return static_cast<int64_t>(static_cast<uint64_t>(lo) + offset);
  }
  const double lo = spec[0].get<double>(), hi = spec[1].get<double>();
  if (hi < lo) throw ConfigError(where + ": range [lo, hi] with hi < lo");
  if (!std::isfinite(hi - lo))
    throw ConfigError(where + ": range [lo, hi] wider than the largest double (hi - lo overflows)");
  const double unit = static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1)
  return lo + unit * (hi - lo);
}

void check_path(const std::string& path, const std::string& where) {
  if (path.empty() || path.front() == '.' || path.back() == '.' || path.find("..") != std::string::npos)
    throw ConfigError(where + ": '" + path + "' is not a dotted config path like strategy.params.fast");
}

}  // namespace

SweepPlan parse_sweep_plan(const nlohmann::json& plan, const std::string& where) {
  if (!plan.is_object() || plan.empty())
    throw ConfigError(
        where + ": expected a non-empty JSON object (grid, {\"variants\": [...]} or {\"random\": {...}})");
  SweepPlan out;
  std::vector<nlohmann::json> overrides;
  if (plan.contains("variants")) {
    out.kind = "list";
    if (plan.size() != 1 || !plan["variants"].is_array() || plan["variants"].empty())
      throw ConfigError(where + ": variants: expected a non-empty array of {path: value} objects, alone");
    if (plan["variants"].size() > static_cast<size_t>(kMaxSweepVariants))
      throw ConfigError(where + ": variants: " + std::to_string(plan["variants"].size()) +
                        " variants, more than the limit of " + std::to_string(kMaxSweepVariants) +
                        " per plan (split the sweep into several plans)");
    for (size_t i = 0; i < plan["variants"].size(); ++i) {
      const auto& v = plan["variants"][i];
      const std::string at = where + ": variants[" + std::to_string(i) + "]";
      if (!v.is_object()) throw ConfigError(at + ": expected an object of path -> value");
      for (const auto& [path, value] : v.items()) check_path(path, at);
      overrides.push_back(v);
    }
  } else if (plan.contains("random")) {
    out.kind = "random";
    const auto& r = plan["random"];
    const std::string at = where + ": random";
    if (plan.size() != 1 || !r.is_object())
      throw ConfigError(at + ": expected {\"n\", \"seed\", \"params\"}, alone");
    for (const auto& [key, value] : r.items())
      if (key != "n" && key != "seed" && key != "params") throw ConfigError(at + "." + key + ": unknown key");
    if (!r.contains("n")) throw ConfigError(at + ".n: expected the number of variants to draw");
    const int64_t n = json_integer(r["n"], at + ".n", 1, kMaxSweepVariants);
    if (!r.contains("seed") || !r["seed"].is_number_integer() ||
        (!r["seed"].is_number_unsigned() && r["seed"].get<int64_t>() < 0))
      throw ConfigError(at + ".seed: expected a non-negative integer (the sample is seeded)");
    if (!r.contains("params") || !r["params"].is_object() || r["params"].empty())
      throw ConfigError(at + ".params: expected an object of path -> [lo, hi] or list");
    const uint64_t seed = r["seed"].get<uint64_t>();
    for (int64_t i = 0; i < n; ++i) {
      nlohmann::json v = nlohmann::json::object();
      for (const auto& [path, spec] : r["params"].items()) {
        check_path(path, at + ".params");
        const uint64_t bits = splitmix64(splitmix64(seed ^ path_hash(path)) + static_cast<uint64_t>(i));
        v[path] = draw(spec, bits, at + ".params." + path);
      }
      overrides.push_back(std::move(v));
    }
  } else {
    out.kind = "grid";
    std::vector<std::pair<std::string, const nlohmann::json*>> axes;
    size_t total = 1;
    for (const auto& [path, values] : plan.items()) {
      check_path(path, where);
      if (!values.is_array() || values.empty())
        throw ConfigError(where + ": " + path + ": expected a non-empty array of values");
      axes.emplace_back(path, &values);
      total *= values.size();
      if (total > static_cast<size_t>(kMaxSweepVariants))
        throw ConfigError(where + ": the grid has more than " + std::to_string(kMaxSweepVariants) +
                          " variants, the limit per plan (split the sweep into several plans)");
    }
    for (size_t k = 0; k < total; ++k) {
      nlohmann::json v = nlohmann::json::object();
      size_t rest = k;
      for (size_t a = axes.size(); a-- > 0;) {
        const auto& values = *axes[a].second;
        v[axes[a].first] = values[rest % values.size()];
        rest /= values.size();
      }
      overrides.push_back(std::move(v));
    }
  }
  std::set<std::string> paths;
  for (size_t i = 0; i < overrides.size(); ++i) {
    for (const auto& [path, value] : overrides[i].items()) paths.insert(path);
    out.variants.push_back({static_cast<int64_t>(i), variant_id(static_cast<int64_t>(i), overrides.size()),
                            std::move(overrides[i])});
  }
  out.paths.assign(paths.begin(), paths.end());
  return out;
}

nlohmann::json apply_variant(const nlohmann::json& base, const SweepVariant& variant) {
  nlohmann::json config = base;
  for (const auto& [path, value] : variant.overrides.items())
    apply_override(config, path + "=" + value.dump());
  return config;
}

SweepShard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  SweepShard s;
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    size_t used_i = 0, used_n = 0;
    s.index = std::stoll(text.substr(0, slash), &used_i);
    s.count = std::stoll(text.substr(slash + 1), &used_n);
    if (used_i != slash || used_n != text.size() - slash - 1) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw ConfigError("shard '" + text + "': expected i/N, like 0/4");
  }
  if (s.count < 1 || s.index < 0 || s.index >= s.count)
    throw ConfigError("shard '" + text + "': expected 0 <= i < N");
  return s;
}

SweepShard shard_from_environment() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  auto number = [](const std::string& text, const char* name) {
    try {
      size_t used = 0;
      const long long v = std::stoll(text, &used);
      if (used != text.size()) throw std::invalid_argument("trailing");
      return static_cast<int64_t>(v);
    } catch (const std::exception&) {
      throw ConfigError(std::string("environment ") + name + "='" + text + "': expected an integer");
    }
  };
  std::string spec;
  if (!env("SLURM_ARRAY_TASK_ID").empty() && !env("SLURM_ARRAY_TASK_COUNT").empty()) {
    const int64_t min =
        env("SLURM_ARRAY_TASK_MIN").empty() ? 0 : number(env("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN");
    spec = std::to_string(number(env("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID") - min) + "/" +
           std::to_string(number(env("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT"));
  } else if (!env("JOB_COMPLETION_INDEX").empty()) {
    if (env("ABT_SHARD_COUNT").empty())
      throw ConfigError("JOB_COMPLETION_INDEX is set but ABT_SHARD_COUNT (the Job's completions) is not");
    spec = std::to_string(number(env("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX")) + "/" +
           std::to_string(number(env("ABT_SHARD_COUNT"), "ABT_SHARD_COUNT"));
  } else {
    return {};
  }
  return parse_shard(spec);
}

std::vector<SweepVariant> shard_slice(const std::vector<SweepVariant>& variants, const SweepShard& shard) {
  std::vector<SweepVariant> out;
  for (const SweepVariant& v : variants)
    if (v.index % shard.count == shard.index) out.push_back(v);
  return out;
}

}  // namespace abt
