#pragma once
// Shared steps of the bad-input corpus (bad_config_test.cpp, bad_data_test.cpp): run abt as a user does,
// with a time limit, and check that an input is refused the way issue 14 requires.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scenario/cli_runner.hpp"
#include "test_support.hpp"

namespace abt::test {

/// Runs abt with a 60 s limit (a hang fails the test instead of blocking the suite).
inline CliResult run_limited(const std::string& args) {
  return run_shell("timeout 60 " + cli_path().string() + " " + args);
}

/// Checks exit code 2, no internal error, no absurd size from a directory read as a file, and that the
/// output contains every `expected` piece.
inline void expect_refused(const std::string& args, const std::vector<std::string>& expected) {
  const CliResult r = run_limited(args);
  EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("9223372036854775807 bytes"), std::string::npos) << r.output;
  for (const std::string& e : expected)
    EXPECT_NE(r.output.find(e), std::string::npos) << e << "\n" << r.output;
}

}  // namespace abt::test
