#pragma once
// Subcommands of `abt data` beyond synth (one file each). Arguments exclude "data <name>"; the return value
// is the exit code (errors are thrown as UserError and mapped to exit 2 by main).
#include <string>
#include <vector>

namespace abt::cli {

int data_import_command(const std::vector<std::string>& args);
int data_inspect_command(const std::vector<std::string>& args);
int data_validate_command(const std::vector<std::string>& args);

}  // namespace abt::cli
