#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/factor_model.hpp"

#include <algorithm>
#include <array>

#include "data_adapters/synth/synth_rng.hpp"

namespace abt::synth {

namespace {

/// One scripted regime: daily drifts and volatilities (fractions per trading day), dates inclusive.
struct Regime {
  int32_t from, to;  // YYYYMMDD
  double market_drift, market_vol, size_drift, size_vol, blue_drift;
};

// clang-format off
constexpr std::array<Regime, 28> kScript = {{
    {20150101, 20150612,  0.0040, 0.020,  0.0012, 0.006, -0.0005},  // 2015 leveraged bull
    {20150613, 20150708, -0.0180, 0.035, -0.0020, 0.010,  0.0030},  // the crash
    {20150709, 20150817,  0.0025, 0.025,  0.0020, 0.008,  0.0000},  // rescue rebound
    {20150818, 20150915, -0.0080, 0.030,  0.0000, 0.008,  0.0000},  // second leg down
    {20150916, 20151007,  0.0000, 0.016,  0.0010, 0.006,  0.0000},
    {20151008, 20151106,  0.0080, 0.018,  0.0030, 0.006,  0.0000},  // October rebound, small caps lead
    {20151107, 20151231,  0.0000, 0.014,  0.0010, 0.005,  0.0000},
    {20160101, 20160129, -0.0100, 0.028, -0.0025, 0.008,  0.0010},  // circuit-breaker crash
    {20160130, 20161231,  0.0006, 0.010,  0.0003, 0.004,  0.0006},  // slow grind
    {20170101, 20171231,  0.0002, 0.007, -0.0010, 0.004,  0.0015},  // blue-chip ("white horse") year
    {20180101, 20181231, -0.0012, 0.013, -0.0002, 0.005,  0.0002},  // trade-war bear
    {20190101, 20190131,  0.0005, 0.012, -0.0005, 0.005,  0.0010},
    {20190201, 20190308,  0.0100, 0.016,  0.0020, 0.006,  0.0010},  // spring rally
    {20190309, 20190419,  0.0010, 0.015,  0.0005, 0.005,  0.0010},
    {20190420, 20191231, -0.0001, 0.010, -0.0004, 0.004,  0.0008},
    {20200101, 20200331, -0.0006, 0.020,  0.0006, 0.006,  0.0005},  // covid shock
    {20200401, 20210210,  0.0012, 0.011, -0.0006, 0.004,  0.0018},  // core-asset bull
    {20210211, 20211231,  0.0000, 0.010,  0.0012, 0.005, -0.0012},  // rotation into small caps
    {20220101, 20220426, -0.0020, 0.015,  0.0001, 0.006, -0.0006},  // 2022 sell-off
    {20220427, 20220705,  0.0030, 0.011,  0.0020, 0.005, -0.0004},  // spring-2022 rebound
    {20220706, 20221231, -0.0005, 0.011,  0.0006, 0.005, -0.0004},
    {20230101, 20231231, -0.0002, 0.008,  0.0014, 0.004, -0.0008},  // micro-cap bull, big caps bleed
    {20240101, 20240207, -0.0030, 0.018, -0.0160, 0.012,  0.0015},  // Jan-Feb 2024 micro-cap crash
    {20240208, 20240331,  0.0030, 0.016,  0.0060, 0.010,  0.0000},  // rebound
    {20240401, 20240923, -0.0005, 0.010, -0.0006, 0.006,  0.0002},
    {20240924, 20241008,  0.0380, 0.030,  0.0030, 0.010, -0.0020},  // policy rally
    {20241009, 20241231,  0.0002, 0.016,  0.0020, 0.007,  0.0000},
}};

/// Markov states used outside the script: calm, bull, bear.
constexpr std::array<Regime, 3> kMarkovStates = {{
    {0, 0,  0.0003, 0.011,  0.0006, 0.005,  0.0000},
    {0, 0,  0.0020, 0.016,  0.0010, 0.006,  0.0000},
    {0, 0, -0.0015, 0.016, -0.0003, 0.006,  0.0003},
}};
constexpr std::array<double, 3> kMarkovStay = {0.990, 0.980, 0.985};

/// Target of the 10-year yield (percent), linear between knots, constant outside.
constexpr std::array<std::pair<int32_t, double>, 16> kYieldKnots = {{
    {20150101, 3.60}, {20160101, 2.90}, {20161015, 2.70}, {20171115, 3.90}, {20180601, 3.60},
    {20190101, 3.20}, {20200101, 3.10}, {20200420, 2.55}, {20201201, 3.30}, {20210701, 3.10},
    {20220101, 2.80}, {20221115, 2.85}, {20230101, 2.85}, {20231231, 2.55}, {20241231, 1.70},
    {20251231, 1.75},
}};
// clang-format on

double yield_target(Date d) {
  const int32_t key = d.yyyymmdd();
  if (key <= kYieldKnots.front().first) return kYieldKnots.front().second;
  for (size_t k = 1; k < kYieldKnots.size(); ++k) {
    if (key <= kYieldKnots[k].first) {
      int y0 = 0, m0 = 0, d0 = 0, y1 = 0, m1 = 0, d1 = 0;
      const int32_t a = kYieldKnots[k - 1].first, b = kYieldKnots[k].first;
      y0 = a / 10000, m0 = a / 100 % 100, d0 = a % 100;
      y1 = b / 10000, m1 = b / 100 % 100, d1 = b % 100;
      const Date da = Date::from_ymd(y0, m0, d0), db = Date::from_ymd(y1, m1, d1);
      const double w = static_cast<double>(d - da) / static_cast<double>(db - da);
      return kYieldKnots[k - 1].second + w * (kYieldKnots[k].second - kYieldKnots[k - 1].second);
    }
  }
  return kYieldKnots.back().second;
}

}  // namespace

FactorPaths generate_factor_paths(const TradingCalendar& calendar, uint64_t seed) {
  const int32_t days = calendar.size();
  FactorPaths f;
  f.market.resize(days);
  f.size.resize(days);
  f.blue.resize(days);
  f.market_vol.resize(days);
  f.yield_pct.resize(days);

  SynthRng rng(seed, Stream::Factors, 0);
  int markov_state = 0;
  size_t script_pos = 0;
  std::vector<int32_t> segment(days, -1);  // scripted regime index of each day, -1 = Markov
  std::vector<double> market_drift(days), size_drift(days), blue_drift(days);
  double yield = days > 0 ? yield_target(calendar.day(0)) + 0.1 * rng.normal() : 3.0;
  for (int32_t t = 0; t < days; ++t) {
    const int32_t key = calendar.day(t).yyyymmdd();
    while (script_pos < kScript.size() && kScript[script_pos].to < key) ++script_pos;
    const Regime* regime = nullptr;
    if (script_pos < kScript.size() && kScript[script_pos].from <= key) {
      regime = &kScript[script_pos];
      segment[t] = static_cast<int32_t>(script_pos);
    } else {
      if (!rng.chance(kMarkovStay[markov_state])) markov_state = (markov_state + 1 + rng.below(2)) % 3;
      regime = &kMarkovStates[markov_state];
    }
    market_drift[t] = regime->market_drift;
    size_drift[t] = regime->size_drift;
    blue_drift[t] = regime->blue_drift;
    f.market[t] = regime->market_vol * rng.fat_normal();
    f.size[t] = regime->size_vol * rng.normal();
    f.blue[t] = 0.006 * rng.normal();
    f.market_vol[t] = regime->market_vol;
    // Mean-reverting yield (percent): pulled 2 % a day towards the target, 2.5 bp daily noise.
    yield += 0.02 * (yield_target(calendar.day(t)) - yield) + 0.025 * rng.normal();
    yield = std::clamp(yield, 1.0, 5.0);
    f.yield_pct[t] = yield;
  }
  // Within each scripted regime the shocks are demeaned, so that every seed reproduces the scripted history
  // (the regime's cumulative drift) while keeping realistic daily volatility and fat tails.
  for (int32_t begin = 0; begin < days;) {
    int32_t end = begin + 1;
    while (end < days && segment[end] == segment[begin]) ++end;
    if (segment[begin] >= 0 && end - begin >= 2) {
      for (std::vector<double>* shocks : {&f.market, &f.size, &f.blue}) {
        double mean = 0;
        for (int32_t t = begin; t < end; ++t) mean += (*shocks)[t];
        mean /= (end - begin);
        for (int32_t t = begin; t < end; ++t) (*shocks)[t] -= mean;
      }
    }
    begin = end;
  }
  for (int32_t t = 0; t < days; ++t) {
    f.market[t] += market_drift[t];
    f.size[t] += size_drift[t];
    f.blue[t] += blue_drift[t];
  }
  return f;
}

}  // namespace abt::synth
