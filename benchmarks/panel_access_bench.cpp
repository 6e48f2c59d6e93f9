// Panel access patterns: a cross-section (one contiguous row) versus one instrument's column (strided), and
// the same through HistoryView. items/s = cells read.
#include <benchmark/benchmark.h>

#include <vector>

#include "bench_market.hpp"
#include "engine/data/history_view.hpp"

namespace abt::bench {
namespace {

const MarketData& market() {
  static const MarketData md = make_random_market(5000, 500);
  return md;
}

void BM_PanelRowSum(benchmark::State& state) {
  const Panel& close = market().daily.field(Field::Close);
  int64_t cells = 0;
  int32_t r = 0;
  for (auto _ : state) {
    float sum = 0;
    for (float v : close.row(r)) sum += v;
    benchmark::DoNotOptimize(sum);
    cells += close.cols();
    r = (r + 1) % close.rows();
  }
  state.SetItemsProcessed(cells);
}

void BM_PanelColumnSum(benchmark::State& state) {
  const Panel& close = market().daily.field(Field::Close);
  int64_t cells = 0;
  int32_t c = 0;
  for (auto _ : state) {
    float sum = 0;
    for (int32_t r = 0; r < close.rows(); ++r) sum += close(r, c);
    benchmark::DoNotOptimize(sum);
    cells += close.rows();
    c = (c + 97) % close.cols();
  }
  state.SetItemsProcessed(cells);
}

void BM_HistoryViewAt(benchmark::State& state) {
  const Panel& close = market().daily.field(Field::Close);
  const HistoryView view(close, close.rows() - 1, 250);
  int64_t cells = 0;
  int32_t c = 0;
  for (auto _ : state) {
    float sum = 0;
    for (int32_t lag = 0; lag < view.size(); ++lag) sum += view.at(lag, c);
    benchmark::DoNotOptimize(sum);
    cells += view.size();
    c = (c + 97) % close.cols();
  }
  state.SetItemsProcessed(cells);
}

void BM_HistoryViewCopyColumn(benchmark::State& state) {
  const Panel& close = market().daily.field(Field::Close);
  const HistoryView view(close, close.rows() - 1, 250);
  std::vector<float> out(static_cast<size_t>(view.size()));
  int64_t cells = 0;
  int32_t c = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(view.copy_column(c, out));
    benchmark::DoNotOptimize(out.data());
    cells += view.size();
    c = (c + 97) % close.cols();
  }
  state.SetItemsProcessed(cells);
}

BENCHMARK(BM_PanelRowSum);
BENCHMARK(BM_PanelColumnSum);
BENCHMARK(BM_HistoryViewAt);
BENCHMARK(BM_HistoryViewCopyColumn);

}  // namespace
}  // namespace abt::bench
