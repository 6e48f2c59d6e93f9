#pragma once
// Numbers of JSON configs (run configs, strategy params, data specs, sweep plans), read without narrowing or
// float truncation. Contract: an integer parameter accepts a JSON integer or an integral float (5.0) whose
// exact value lies in [lo, hi]; anything else - 2.5, 1e20, 4294967301 for a window, a string - throws
// ConfigError "PATH: expected an integer in [lo, hi], got X". A number parameter accepts any JSON number in
// [lo, hi] ("PATH: expected a number in [lo, hi], got X"); JSON cannot carry NaN or infinity, and numbers
// beyond a double are refused by the parser (engine/core/json_text.hpp). Bounds are documented per key in
// docs/configuration.md.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace abt {

/// The value of `j` as an integer in [lo, hi] (see the header comment).
int64_t json_integer(const nlohmann::json& j, const std::string& path, int64_t lo, int64_t hi);

/// The value of `j` as a number in [lo, hi]; `hi` may be +infinity and `lo` -infinity (then the message
/// says ">= lo" or "<= hi").
double json_number(const nlohmann::json& j, const std::string& path, double lo, double hi);

/// "[1, 100000]", ">= 0", "<= 1", "in [0, 1]"-style text used in messages and `abt strategies`.
std::string integer_range_text(int64_t lo, int64_t hi);
std::string number_range_text(double lo, double hi);

}  // namespace abt
