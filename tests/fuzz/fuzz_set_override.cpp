// `--set key.path=value` assignments (one per line) applied to a base config, which is then parsed and run
// on a small synthetic market: text that is not UTF-8, numbers beyond a double, deep paths.
#include <sstream>

#include "app/run/backtest_runner.hpp"
#include "app/run/config_file.hpp"
#include "app/run/run_config.hpp"
#include "fuzz_support.hpp"
#include "fuzz_support_market.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const StrategyRegistry& registry = fuzz::builtin_registry();
  fuzz::expect_user_errors_only([&] {
    nlohmann::json config = nlohmann::json::parse(
        R"({"strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX"], "fast": 5, "slow": 20}}})");
    std::istringstream lines{std::string(fuzz::as_text(data, size))};
    for (std::string line; std::getline(lines, line);) apply_override(config, line);
    (void)config.dump();
    RunConfig rc = parse_run_config(config);
    rc.data = nullptr;
    run_backtest(rc, fuzz::small_market(), registry);
  });
  return 0;
}
