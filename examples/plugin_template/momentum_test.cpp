// The template's own unit test, with abt's test kit (testkit/): a tiny market worked out by hand.
//   A rises 10 -> 11 -> 12 (+20 % over 2 days), B 20 -> 20 -> 21 (+5 %): with lookback 2 and top 1 the
//   strategy's first rebalance (day 2, "daily") targets A alone; the order fills at day 3's open.
#include <cstdio>

#include "momentum_strategy.hpp"
#include "testkit/script_strategy.hpp"
#include "testkit/tiny_market.hpp"

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  using abt::testkit::bar;
  const abt::MarketData market =
      abt::testkit::TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
          .stock("600001.SH", {bar(10, 10), bar(10, 11), bar(11, 12), bar(12, 12)})
          .stock("600002.SH", {bar(20, 20), bar(20, 20), bar(20, 21), bar(21, 21)})
          .build();
  momentum::MomentumStrategy::Params params;
  params.symbols = {"600001.SH", "600002.SH"};
  params.lookback = 2;
  params.top = 1;
  params.rebalance = "daily";
  momentum::MomentumStrategy strategy(params);
  const abt::RunResult result =
      abt::Backtest(market, abt::testkit::config_with(abt::FillMode::NextOpen)).run(strategy);
  check(!result.fills.empty(), "the strategy trades");
  if (!result.fills.empty()) {
    check(result.fills[0].instrument == 0, "it buys A, the stronger one");
    check(result.fills[0].time.to_string() == "2024-01-05 09:30", "at the open after the first signal");
    check(result.fills[0].price == 12.0, "at that open's price");
  }
  if (failures == 0) std::printf("momentum_test: OK\n");
  return failures == 0 ? 0 : 1;
}
