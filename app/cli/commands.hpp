#pragma once
// The abt subcommands. Each takes the arguments after its name and returns the process exit code:
// 0 success, 2 bad config/data/arguments (message printed), 1 internal error, 3 a strategy failed during a
// run (StrategyError, mapped in main.cpp; abt sweep records it per variant and exits 3 at the end).
#include <string>
#include <vector>

namespace abt::cli {

int run_command(const std::vector<std::string>& args);
int strategies_command(const std::vector<std::string>& args);
int data_command(const std::vector<std::string>& args);
int regress_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int runs_command(const std::vector<std::string>& args);

}  // namespace abt::cli
