// The event loop over a generated market: a no-op strategy (pure loop overhead) and a strategy that
// rebalances into 50 names every second week. items/s = bar cells replayed (rows x instruments).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "bench_market.hpp"
#include "engine/execution/cost_model.hpp"
#include "engine/sim/backtest.hpp"
#include "engine/strategy/strategy.hpp"

namespace abt::bench {
namespace {

const MarketData& market(int32_t instruments, int32_t days) {
  static std::map<std::pair<int32_t, int32_t>, MarketData> cache;
  auto it = cache.find({instruments, days});
  if (it == cache.end())
    it = cache.emplace(std::pair{instruments, days}, make_random_market(instruments, days)).first;
  return it->second;
}

class NoOpStrategy final : public Strategy {
 public:
  void on_start(Context& c) override { c.subscribe(Frequency::Daily); }
};

/// Every second week: the 50 lowest-priced tradeable names, equal weight (a stand-in for a small-cap screen:
/// one pass over the cross-section plus a partial sort).
class Rebalance50Biweekly final : public Strategy {
 public:
  void on_start(Context& c) override {
    close_ = c.field(Frequency::Daily, "close");
    volume_ = c.field(Frequency::Daily, "volume");
    c.schedule(Schedule::weekly(2));
    ranked_.reserve(static_cast<size_t>(c.instrument_count()));
    targets_.reserve(kNames);
  }
  void on_timer(Context& c, TimerId) override {
    const auto close = c.history(close_, 1).latest();
    const auto volume = c.history(volume_, 1).latest();
    ranked_.clear();
    for (InstrumentId i = 0; i < static_cast<InstrumentId>(close.size()); ++i)
      if (volume[i] > 0 && close[i] > 0) ranked_.push_back({close[i], i});
    const size_t n = std::min<size_t>(kNames, ranked_.size());
    std::partial_sort(ranked_.begin(), ranked_.begin() + static_cast<std::ptrdiff_t>(n), ranked_.end());
    targets_.clear();
    for (size_t k = 0; k < n; ++k) targets_.push_back({ranked_[k].second, 1.0 / static_cast<double>(kNames)});
    c.target_weights(targets_);
  }

 private:
  static constexpr size_t kNames = 50;
  DataHandle close_, volume_;
  std::vector<std::pair<float, InstrumentId>> ranked_;
  std::vector<WeightTarget> targets_;
};

template <class S>
void run_loop(benchmark::State& state) {
  const MarketData& md = market(static_cast<int32_t>(state.range(0)), static_cast<int32_t>(state.range(1)));
  BacktestConfig cfg;
  cfg.costs = std::make_shared<FlatCostModel>(0.0013, QuoteBasis::RoundTrip);
  int64_t bars = 0, fills = 0;
  for (auto _ : state) {
    S strategy;
    const RunResult r = Backtest(md, cfg).run(strategy);
    bars += r.bars;
    fills += static_cast<int64_t>(r.fills.size());
    benchmark::DoNotOptimize(r.daily.back().nav);
  }
  state.SetItemsProcessed(bars);
  state.counters["fills_per_run"] =
      benchmark::Counter(static_cast<double>(fills) / static_cast<double>(state.iterations()));
}

void BM_EventLoop_NoOp(benchmark::State& state) {
  run_loop<NoOpStrategy>(state);
}
void BM_EventLoop_Rebalance50Biweekly(benchmark::State& state) {
  run_loop<Rebalance50Biweekly>(state);
}

// 5,000 instruments x 500 days by default; run with --benchmark_filter=2430 for the full 10-year size.
BENCHMARK(BM_EventLoop_NoOp)->Args({5000, 500})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventLoop_Rebalance50Biweekly)
    ->Args({5000, 500})
    ->Args({5000, 2430})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace abt::bench
