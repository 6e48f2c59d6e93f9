#pragma once
// Helpers shared by the tests: temporary directories, the optional ../shared data, and (from the installed
// test kit, testkit/tiny_market.hpp) the builder of tiny hand-computable markets.
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"
#include "testkit/tiny_market.hpp"

namespace abt::test {

/// A fresh empty directory under the system temp dir, unique per call (removed at process exit is not
/// guaranteed; tests may remove it).
std::filesystem::path make_temp_dir(const std::string& prefix);

/// Writes `text` to `path` byte for byte (creating its directories) and returns `path`.
std::filesystem::path write_text(const std::filesystem::path& path, const std::string& text);

/// The repository root (for examples/ and goldens) and ../shared (real samples; may be absent).
std::filesystem::path repo_root();
std::filesystem::path shared_dir();
bool shared_available();
/// Path of the built `abt` executable.
std::filesystem::path cli_path();

inline constexpr float kNaN = testkit::kNaN;
using testkit::TinyBar;
using testkit::TinyMarketBuilder;

}  // namespace abt::test
