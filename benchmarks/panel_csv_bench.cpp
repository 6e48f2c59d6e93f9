// Parsing speed of the plain panel CSV adapter: a long-format daily file of 200 symbols x 2,430 days
// (486,000 rows, ~30 MB) with one extra column, generated once into the temp directory.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "data_adapters/csv/panel_csv.hpp"

namespace {

constexpr int kSymbols = 200;
constexpr int kDays = 2430;

std::filesystem::path csv_file() {
  static const std::filesystem::path path = [] {
    const auto p = std::filesystem::temp_directory_path() /
                   ("abt_panel_csv_bench_" + std::to_string(::getpid()) + ".csv");
    std::ofstream out(p);
    out << "date,symbol,open,high,low,close,volume,total_mv\n";
    char line[160];
    int day = 0;
    for (abt::Date d = abt::Date::from_ymd(2015, 1, 5); day < kDays; d = d + 1) {
      if (d.weekday() >= 5) continue;
      const std::string date = d.to_string();
      for (int s = 0; s < kSymbols; ++s) {
        const double c = 10.0 + (s % 50) + 0.01 * (day % 97);
        std::snprintf(line, sizeof line, "%s,%06d.SH,%.2f,%.2f,%.2f,%.2f,%d,%.4e\n", date.c_str(), 600000 + s,
                      c, c + 0.1, c - 0.1, c + 0.02, 1000 + day, c * 1e9);
        out << line;
      }
      ++day;
    }
    return p;
  }();
  return path;
}

void BM_PanelCsvLoad(benchmark::State& state) {
  const auto file = csv_file();
  for (auto _ : state) {
    abt::MarketData md = abt::load_panel_csv({file});
    benchmark::DoNotOptimize(md.daily.field(abt::Field::Close)(0, 0));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(std::filesystem::file_size(file)));
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * kSymbols * kDays,
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PanelCsvLoad)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_PanelCsvCleanup(benchmark::State& state) {
  for (auto _ : state) std::filesystem::remove(csv_file());
}
BENCHMARK(BM_PanelCsvCleanup)->Iterations(1);

}  // namespace
