// `abt data synth ...`: generate a synthetic A-share market into a dataset directory.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/synth/synth_market.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/data_subcommands.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

int synth_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  SynthConfig config;
  std::string out, start = config.start.to_string(), end = config.end.to_string();
  po::options_description options("abt data synth options");
  options.add_options()("help,h", "show this help")("out", po::value(&out),
                                                    "output dataset directory (required)")(
      "stocks", po::value(&config.stocks)->default_value(config.stocks), "number of stocks")(
      "start", po::value(&start)->default_value(start), "first calendar day (YYYY-MM-DD)")(
      "end", po::value(&end)->default_value(end), "last calendar day (YYYY-MM-DD)")(
      "seed", po::value(&config.seed)->default_value(config.seed), "random seed (same seed, same market)")(
      "hourly", po::bool_switch(&config.hourly), "also generate 60-minute bars");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  po::notify(vm);
  if (vm.count("help") || out.empty()) {
    std::cout
        << "usage: abt data synth --out DIR [--stocks N] [--start D] [--end D] [--seed S] [--hourly]\n\n"
        << options;
    return vm.count("help") ? 0 : 2;
  }
  config.start = Date::parse(start, "--start");
  config.end = Date::parse(end, "--end");
  require<ConfigError>(config.start < config.end, "--start must be before --end");
  require<ConfigError>(config.stocks >= 10 && config.stocks <= kMaxSynthStocks,
                       "--stocks: expected 10 .. " + std::to_string(kMaxSynthStocks));
  const auto t0 = std::chrono::steady_clock::now();
  const MarketData market = generate_synthetic_market(config);
  const auto t1 = std::chrono::steady_clock::now();
  const auto path = std::filesystem::path(out) / kDatasetFileName;
  write_dataset(market, path);
  const auto t2 = std::chrono::steady_clock::now();
  std::printf(
      "%s\n  %d instruments, %d trading days (%s .. %s)%s\n  fingerprint %s\n"
      "  generated in %.2f s, written in %.2f s to %s\n",
      market.source.c_str(), market.instrument_count(), market.calendar.size(),
      market.calendar.day(0).to_string().c_str(),
      market.calendar.day(market.calendar.size() - 1).to_string().c_str(),
      market.hourly ? ", daily + 60-minute bars" : ", daily bars", market.fingerprint.c_str(),
      std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
      path.c_str());
  return 0;
}

}  // namespace

int data_command(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf(
        "usage: abt data synth --out DIR [options]    generate a synthetic A-share market\n"
        "       abt data import --from qlib|tdx|tushare|akshare|minute|csv SOURCE... --out DATASET "
        "[options]\n"
        "                                              import a vendor format into a dataset\n"
        "       abt data inspect DATASET [--symbol CODE --from D --to D]\n"
        "                                              summary, or one instrument's bars as CSV\n"
        "       abt data validate DATASET | --from FORMAT SOURCE... [--report F] [--quarantine F [--out D]]\n"
        "                                              check OHLC, prices, limits, gaps\n");
    return args.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "synth") return synth_command(rest);
  if (args[0] == "import") return data_import_command(rest);
  if (args[0] == "inspect") return data_inspect_command(rest);
  if (args[0] == "validate") return data_validate_command(rest);
  throw ConfigError("abt data: unknown subcommand '" + args[0] +
                    "' (expected synth, import, inspect or validate)");
}

}  // namespace abt::cli
