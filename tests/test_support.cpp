#include "test_support.hpp"

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <fstream>

#include "engine/core/error.hpp"

namespace abt::test {

std::filesystem::path make_temp_dir(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   ("abt_" + prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::filesystem::path repo_root() {
  return ABT_REPO_ROOT;
}
std::filesystem::path shared_dir() {
  return ABT_SHARED_DIR;
}
bool shared_available() {
  return std::filesystem::exists(shared_dir() / "data" / "real-sample");
}
std::filesystem::path cli_path() {
  return ABT_CLI_PATH;
}

}  // namespace abt::test
