// Golden results: every example config in examples/ is run and its metrics and trade-list hash are compared
// with tests/golden/<example>.json. To accept a deliberate change, run the tests with ABT_UPDATE_GOLDENS=1
// and commit the rewritten files with an explanation.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "data_adapters/data_loader.hpp"
#include "engine/core/atomic_file.hpp"
#include "app/run/backtest_runner.hpp"
#include "app/run/config_file.hpp"
#include "app/run/derived_instruments.hpp"
#include "app/run/regression.hpp"
#include "strategies/builtin.hpp"
#include "test_support.hpp"

namespace abt {
namespace {

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::repo_root() / "examples"))
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenExample : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenExample, MatchesGoldenMetricsAndTrades) {
  const auto config_path = test::repo_root() / "examples" / (GetParam() + ".json");
  const auto golden_path = test::repo_root() / "tests" / "golden" / (GetParam() + ".json");
  const RunConfig config = parse_run_config(read_json_file(config_path), config_path.parent_path());
  StrategyRegistry registry;
  register_builtin_strategies(registry);
  LoadedData loaded = load_market_data(config.data, config.base_dir);
  if (!config.derived_instruments.empty())
    loaded.data = with_derived_instruments(loaded.data, config.derived_instruments, registry);
  RunConfig resolved = config;
  resolved.data = loaded.resolved_spec;
  const RunOutput output = run_backtest(resolved, loaded.data, registry);

  const nlohmann::json now = golden_document(output, loaded.data);
  ASSERT_GT(output.metrics.trades, 0) << "an example should trade";
  // P&L attribution adds up: realised + unrealised - fees = final NAV - capital (to a fen per million).
  EXPECT_NEAR(output.result.realized_pnl + output.result.unrealized_pnl - output.metrics.costs,
              output.metrics.final_nav - config.capital, 1e-8 * output.metrics.final_nav);

  const char* update = std::getenv("ABT_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    write_file_atomically(golden_path, now.dump(2) + "\n");
    GTEST_SKIP() << "golden rewritten: " << golden_path;
  }
  ASSERT_TRUE(std::filesystem::exists(golden_path))
      << "no golden for " << GetParam() << "; run the tests with ABT_UPDATE_GOLDENS=1 to create it";
  // The same comparison as `abt regress` (app/run/regression.hpp), with the default tolerances.
  const GoldenComparison comparison = compare_with_golden(read_json_file(golden_path), now, ToleranceSet());
  EXPECT_TRUE(comparison.ok()) << GetParam() << " differs from its golden:\n"
                               << format_comparison(comparison, false);
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenExample, ::testing::ValuesIn(example_names()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace abt
