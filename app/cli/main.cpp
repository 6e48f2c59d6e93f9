// abt: the command-line entry point. Dispatches to subcommands and maps errors to exit codes: 0 success;
//   2  bad input (UserError: the message names the file, row or JSON path), bad command-line arguments, and
//      failures of the environment rather than of abt: out of memory (std::bad_alloc) and operating-system
//      errors (std::system_error, e.g. a directory that cannot be listed, threads that cannot be started);
//   3  StrategyError (a strategy's code failed during the run);
//   1  internal error: any other exception is a bug in abt (a missing check, a broken invariant).
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include <boost/program_options/errors.hpp>

#include "app/cli/commands.hpp"
#include "engine/core/error.hpp"

namespace {

void print_usage() {
  std::printf(
      "abt %s - event-driven backtesting for the Chinese A-share market\n\n"
      "usage:\n"
      "  abt run CONFIG [--data DIR] [--out DIR] [--set key.path=value ...]  run one backtest\n"
      "  abt strategies [--json] [--config CONFIG]                          list strategies and params\n"
      "  abt data synth --out DIR [--stocks N --start D --end D --seed S --hourly]\n"
      "                                                                     generate a synthetic market\n"
      "  abt regress --golden DIR CONFIG... [--update] [--tolerances FILE]  compare runs with golden files\n"
      "  abt sweep CONFIG --grid PLAN.json [--jobs N] [--out DIR] [--rank-by M] [--shard i/N]\n"
      "  abt sweep merge DIR... --out DIR                                   parameter sweeps "
      "(docs/sweeps.md)\n"
      "  abt attribute CONFIG [--data DIR] [--set k=v ...] [--order STEPS] [--jobs N] [--out DIR]\n"
      "                                                                     what each A-share rule costs "
      "(docs/attribution.md)\n"
      "  abt data import --from qlib|tdx|tushare|akshare|minute|csv SRC --out DATASET  import vendor data\n"
      "  abt data inspect DATASET [--symbol CODE --from D --to D]           describe a dataset\n"
      "  abt data validate DATASET|--from FMT SRC [--quarantine FILE]      check the data, write a report\n"
      "  abt compare RUN_DIR... [--html FILE]                               metrics side by side, best of "
      "each\n"
      "  abt runs list|show ID|compare ID... [--root DIR]                   the run store (docs/reports.md)\n"
      "  abt version\n\n"
      "run, strategies, regress, sweep (and merge), attribute, compare and runs take --plugin PATH\n"
      "(repeatable) to load a strategy plugin library besides a config's \"plugins\"\n"
      "(docs/writing-a-strategy.md).\n"
      "Exit codes: 0 success, 1 internal error (an abt bug), 2 bad config, data or arguments, 3 a strategy\n"
      "failed during the run (its exception; the message names the strategy, the callback and the time).\n"
      "Run `abt COMMAND --help` for the options of a command. Docs: docs/ in the source tree.\n",
      ABT_VERSION);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage();
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "run") return abt::cli::run_command(args);
    if (command == "strategies") return abt::cli::strategies_command(args);
    if (command == "data") return abt::cli::data_command(args);
    if (command == "regress") return abt::cli::regress_command(args);
    if (command == "sweep") return abt::cli::sweep_command(args);
    if (command == "compare") return abt::cli::compare_command(args);
    if (command == "runs") return abt::cli::runs_command(args);
    if (command == "attribute") return abt::cli::attribute_command(args);
    if (command == "version" || command == "--version") {
      std::printf("abt %s\n", ABT_VERSION);
      return 0;
    }
    if (command == "help" || command == "--help" || command == "-h") {
      print_usage();
      return 0;
    }
    std::fprintf(stderr, "abt: unknown command '%s'\n\n", command.c_str());
    print_usage();
    return 2;
  } catch (const abt::StrategyError& e) {
    std::fprintf(stderr, "abt: strategy error: %s\n", e.what());
    return 3;
  } catch (const abt::UserError& e) {
    std::fprintf(stderr, "abt: error: %s\n", e.what());
    return 2;
  } catch (const boost::program_options::error& e) {
    std::fprintf(stderr, "abt %s: %s\n", command.c_str(), e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr,
                 "abt: error: out of memory (the data or the run needs more memory than is available)\n");
    return 2;
  } catch (const std::system_error& e) {
    std::fprintf(stderr, "abt: error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "abt: internal error: %s\n", e.what());
    return 1;
  }
}
