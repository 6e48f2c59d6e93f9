// Write / read (+ checksum verification) of a synthetic full-market dataset: 5,000 stocks x 2,430 days x 11
// standard fields of float32 (~535 MB). Reads run with the file in the page cache (it was just written).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "data_adapters/binary/dataset_file.hpp"

namespace {

constexpr int32_t kStocks = 5000;
constexpr int32_t kDays = 2430;

/// Builds the market once per process: random floats (a fast xorshift; the values do not matter, but they
/// must lie in their field's domain: the writer checks them, engine/core/value_domain.hpp).
const abt::MarketData& big_market() {
  static const std::unique_ptr<abt::MarketData> market = [] {
    auto md = std::make_unique<abt::MarketData>();
    std::vector<abt::Date> days;
    for (abt::Date d = abt::Date::from_ymd(2015, 1, 5); static_cast<int32_t>(days.size()) < kDays; d = d + 1)
      if (d.weekday() < 5) days.push_back(d);
    md->calendar = abt::TradingCalendar(days);
    for (int32_t i = 0; i < kStocks; ++i) {
      abt::Instrument ins;
      ins.symbol = std::to_string(600000 + i) + ".SH";
      ins.board = abt::board_from_symbol(ins.symbol);
      md->instruments.push_back(ins);
    }
    md->rebuild_symbol_index();
    abt::init_daily_layout(md->daily, md->calendar);
    uint64_t state = 0x2545F4914F6CDD1Dull;
    for (int f = 0; f < abt::kFieldCount; ++f) {
      std::vector<float> values(static_cast<size_t>(kDays) * kStocks);
      for (float& v : values) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v = f == static_cast<int>(abt::Field::IsST) ? static_cast<float>(state >> 63)  // 0 or 1
                                                    : 1.0f + static_cast<float>(state >> 40) * 1e-4f;
      }
      md->daily.fields[f] = md->adopt(std::move(values), kDays, kStocks);
    }
    md->fingerprint = abt::compute_fingerprint(*md);
    md->source = "dataset_io_bench";
    return md;
  }();
  return *market;
}

std::filesystem::path bench_file() {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("abt_dataset_bench_" + std::to_string(::getpid()) + ".abtd");
  return path;
}

int64_t dataset_bytes() {
  return int64_t{4} * kDays * kStocks * abt::kFieldCount;
}

void BM_DatasetWrite(benchmark::State& state) {
  const abt::MarketData& md = big_market();
  for (auto _ : state) abt::write_dataset(md, bench_file());
  state.SetBytesProcessed(state.iterations() * dataset_bytes());
}
BENCHMARK(BM_DatasetWrite)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void read_bench(benchmark::State& state, bool verify) {
  if (!std::filesystem::exists(bench_file())) abt::write_dataset(big_market(), bench_file());
  for (auto _ : state) {
    abt::MarketData md = abt::read_dataset(bench_file(), verify);
    benchmark::DoNotOptimize(md.daily.field(abt::Field::Close)(kDays - 1, kStocks - 1));
  }
  state.SetBytesProcessed(state.iterations() * dataset_bytes());
}

void BM_DatasetReadVerify(benchmark::State& state) {
  read_bench(state, true);
}
BENCHMARK(BM_DatasetReadVerify)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

void BM_DatasetReadNoVerify(benchmark::State& state) {
  read_bench(state, false);
}
BENCHMARK(BM_DatasetReadNoVerify)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

void BM_DatasetCleanup(benchmark::State& state) {
  for (auto _ : state) std::filesystem::remove(bench_file());
}
BENCHMARK(BM_DatasetCleanup)->Iterations(1);

}  // namespace
