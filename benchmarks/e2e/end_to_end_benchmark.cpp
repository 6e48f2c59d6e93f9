// abt_bench_e2e: the end-to-end benchmark on the default synthetic market (5,000 stocks x 10 years daily).
// Loads (generating into the cache on first use) the market, then times complete backtests:
//   smallest_caps_50  a cross-sectional strategy ranking the whole market every second week
//   dual_ma_index     dual_ma timing on BROAD.IDX
//   smallcap_lowvol   the README's main job (micro-cap members -> 100 smallest -> 50 lowest volatility,
//   biweekly) diffusion_timing  the diffusion index over the micro-cap index, ranked every day
//   microcap_rotation the micro-cap vs Moutai-index rotation
// and prints engine time, bars/s and the process's peak resident memory. Usage:
//   build/abt_bench_e2e [--stocks N] [--repeat K] [--hourly]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "data_adapters/data_loader.hpp"
#include "e2e/smallest_caps_strategy.hpp"
#include "engine/sim/backtest.hpp"
#include "strategies/diffusion_timing/diffusion_timing_strategy.hpp"
#include "strategies/dual_ma/dual_ma_strategy.hpp"
#include "strategies/microcap_rotation/microcap_rotation_strategy.hpp"
#include "strategies/smallcap_lowvol/smallcap_lowvol_strategy.hpp"

namespace {

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

template <class MakeStrategy>
void time_run(const char* name, const abt::MarketData& data, int repeat, MakeStrategy make) {
  abt::BacktestConfig config;
  config.costs = std::make_shared<abt::FlatCostModel>(0.0013, abt::QuoteBasis::RoundTrip);
  double best = 1e300;
  abt::RunResult result;
  for (int i = 0; i < repeat; ++i) {
    auto strategy = make();
    abt::Backtest backtest(data, config);
    const auto t0 = std::chrono::steady_clock::now();
    result = backtest.run(*strategy);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("%-18s %8.3f s  %10.3g bars/s  %7zu fills  final NAV %.2f\n", name, best,
              static_cast<double>(result.bars) / best, result.fills.size(), result.daily.back().nav);
}

}  // namespace

int main(int argc, char** argv) {
  int stocks = 5000, repeat = 3;
  bool hourly = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--stocks") && i + 1 < argc)
      stocks = std::stoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--hourly"))
      hourly = true;
    else {
      std::fprintf(stderr, "usage: abt_bench_e2e [--stocks N] [--repeat K] [--hourly]\n");
      return 2;
    }
  }
  const nlohmann::json spec = {{"synthetic", {{"stocks", stocks}, {"hourly", hourly}}}};
  auto loaded = abt::load_market_data(spec, {});
  const auto& data = loaded.data;
  std::printf("market: %s\n  %d instruments x %d days%s; %s in %.3f s\n", data.source.c_str(),
              data.instrument_count(), data.calendar.size(), data.hourly ? " (+60m)" : "",
              loaded.generated ? "generated and loaded" : "loaded from cache", loaded.load_seconds);
  time_run("smallest_caps_50", data, repeat,
           [] { return std::make_unique<abt::bench::SmallestCapsStrategy>(50); });
  time_run("dual_ma_index", data, repeat, [] {
    abt::DualMaStrategy::Params p;
    return std::make_unique<abt::DualMaStrategy>(p);
  });
  time_run("smallcap_lowvol", data, repeat, [] {
    const abt::SmallcapLowvolStrategy::Params defaults;
    return std::make_unique<abt::SmallcapLowvolStrategy>(defaults);
  });
  time_run("diffusion_timing", data, repeat, [] {
    const abt::DiffusionTimingStrategy::Params defaults;
    return std::make_unique<abt::DiffusionTimingStrategy>(defaults);
  });
  time_run("microcap_rotation", data, repeat, [] {
    const abt::MicrocapRotationStrategy::Params defaults;
    return std::make_unique<abt::MicrocapRotationStrategy>(defaults);
  });
  std::printf("peak resident memory: %.0f MiB\n", peak_rss_mib());
  return 0;
}
