#pragma once
// An in-memory random-walk market for benchmarks: `instruments` main-board stocks x `days` weekdays from
// 2015-01-05, daily bars only. Prices are random walks on the 0.01 tick; about 1 % of cells are suspended
// (volume 0). High and Low share the Close storage to keep memory low (the engine does not read them).
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt::bench {

inline MarketData make_random_market(int32_t instruments, int32_t days, uint64_t seed = 42) {
  MarketData md;
  std::vector<Date> dates;
  for (Date d = Date::from_ymd(2015, 1, 5); static_cast<int32_t>(dates.size()) < days; d = d + 1)
    if (d.weekday() < 5) dates.push_back(d);
  md.calendar = TradingCalendar(dates);
  for (int32_t i = 0; i < instruments; ++i) {
    Instrument ins;
    char code[16];
    std::snprintf(code, sizeof code, "%06d.SH", 600000 + i);
    ins.symbol = code;
    ins.board = Board::ShanghaiMain;
    md.instruments.push_back(ins);
  }
  md.rebuild_symbol_index();
  init_daily_layout(md.daily, md.calendar);
  const size_t cells = static_cast<size_t>(instruments) * static_cast<size_t>(days);
  std::vector<float> open(cells), close(cells), volume(cells);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> ret(0.0, 0.02);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> last(static_cast<size_t>(instruments));
  for (int32_t i = 0; i < instruments; ++i) last[i] = 5.0 + 45.0 * u(rng);
  for (int32_t t = 0; t < days; ++t) {
    for (int32_t i = 0; i < instruments; ++i) {
      const size_t k = static_cast<size_t>(t) * instruments + i;
      if (u(rng) < 0.01) {
        open[k] = close[k] = static_cast<float>(last[i]);
        volume[k] = 0;
        continue;
      }
      const double o = std::max(0.5, std::round(last[i] * (1 + ret(rng) / 4) * 100) / 100);
      const double c = std::max(0.5, std::round(o * (1 + ret(rng)) * 100) / 100);
      open[k] = static_cast<float>(o);
      close[k] = static_cast<float>(c);
      volume[k] = static_cast<float>(1e5 + 1e6 * u(rng));
      last[i] = c;
    }
  }
  auto set = [&](Field f, Panel p) { md.daily.fields[static_cast<int>(f)] = p; };
  set(Field::Open, md.adopt(std::move(open), days, instruments));
  const Panel close_panel = md.adopt(std::move(close), days, instruments);
  set(Field::Close, close_panel);
  set(Field::High, close_panel);
  set(Field::Low, close_panel);
  set(Field::Volume, md.adopt(std::move(volume), days, instruments));
  md.source = "benchmark random walk";
  md.validate();
  return md;
}

}  // namespace abt::bench
