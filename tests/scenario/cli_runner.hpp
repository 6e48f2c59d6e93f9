#pragma once
// Runs the built abt binary as a user would (stdout + stderr captured together).
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_support.hpp"

namespace abt::test {

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

/// Runs a shell command line (sh -c), capturing stdout + stderr of the whole line.
inline CliResult run_shell(const std::string& line) {
  const std::string command = "(" + line + ") 2>&1";
  CliResult r;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline CliResult run_cli(const std::string& args) {
  return run_shell(cli_path().string() + " " + args);
}

inline std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A small, fast config: dual_ma on two indices of a 200-stock synthetic market, 2019-2021.
inline std::filesystem::path write_small_dual_ma_config(const std::filesystem::path& dir,
                                                        const std::string& name = "small") {
  const auto path = dir / (name + ".json");
  std::ofstream(path) << R"({
    "data": {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}},
    "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"], "fast": 5, "slow": 20}},
    "costs": {"rate": 0.0013, "quote": "round_trip"},
    "benchmark": "BROAD.IDX"
  })";
  return path;
}

}  // namespace abt::test
