#include "data_adapters/validate/data_validator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/execution/price_limit.hpp"

namespace abt {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
/// OHLC comparisons ignore differences below half a 0.01 tick (float32 storage and vendor rounding).
constexpr float kTolerance = 0.005f;

std::string fmt(const char* format, double a, double b = 0, double c = 0, double d = 0) {
  char buf[160];
  std::snprintf(buf, sizeof(buf), format, a, b, c, d);
  return buf;
}

}  // namespace

ValidationReport validate_market_data(const MarketData& md) {
  ValidationReport r;
  for (const char* c : {"ohlc", "non_positive", "limit", "limit_unchecked", "gap", "non_finite", "negative",
                        "factor", "factor_drop", "shares"})
    r.counts[c] = 0;
  const BarData& b = md.daily;
  const Panel &open = b.field(Field::Open), &high = b.field(Field::High), &low = b.field(Field::Low),
              &close = b.field(Field::Close), &pre = b.field(Field::PreClose), &st = b.field(Field::IsST),
              &adj = b.field(Field::AdjFactor), &total = b.field(Field::TotalShares),
              &floating = b.field(Field::FloatShares);
  const auto value = [](const Panel& p, int32_t t, InstrumentId i) { return p.empty() ? kNaN : p(t, i); };
  const int32_t T = md.calendar.size();
  for (InstrumentId i = 0; i < md.instrument_count(); ++i) {
    const Instrument& ins = md.instruments[static_cast<size_t>(i)];
    const int32_t listing = PriceLimitCalculator::listing_index(ins, md.calendar);
    float prev_close = kNaN, prev_factor = kNaN;
    for (int32_t t = 0; t < T; ++t) {
      const Date day = md.calendar.day(t);
      const float c = close(t, i);
      if (std::isnan(c)) {
        if (day >= ins.list_date && day <= ins.delist_date) {
          ++r.counts["gap"];
          ++r.gaps[i];
        }
        continue;
      }
      ++r.bars_checked;
      const float o = open(t, i), h = high(t, i), l = low(t, i);
      auto bad = [&](const char* check, std::string detail) {
        r.bad_bars.push_back({check, i, t, std::move(detail)});
        ++r.counts[check];
      };
      auto notice = [&](const char* check, std::string detail) {
        r.notices.push_back({check, i, t, std::move(detail)});
        ++r.counts[check];
      };
      // Finiteness and signs of every numeric field of the bar.
      std::string non_finite, negative;
      const Field fields[] = {Field::Open,        Field::High,       Field::Low,       Field::Close,
                              Field::Volume,      Field::Amount,     Field::AdjFactor, Field::PreClose,
                              Field::TotalShares, Field::FloatShares};
      for (Field f : fields) {
        const float v = value(b.field(f), t, i);
        if (std::isinf(v))
          non_finite += std::string(non_finite.empty() ? "" : ", ") + std::string(field_name(f));
        const bool signed_count =
            f == Field::Volume || f == Field::Amount || f == Field::TotalShares || f == Field::FloatShares;
        if (signed_count && v < 0)
          negative += (negative.empty() ? "" : ", ") + std::string(field_name(f)) + fmt(" %.6g", v);
      }
      if (!non_finite.empty()) bad("non_finite", non_finite + " infinite");
      if (!negative.empty()) bad("negative", negative);
      const float factor = value(adj, t, i);
      if (ins.kind == InstrumentKind::Stock && !adj.empty() && !std::isnan(factor)) {
        if (!(factor > 0))
          bad("factor", fmt("adj_factor %.6g (expected > 0)", factor));
        else if (prev_factor > 0 && factor < prev_factor * (1 - 1e-6))
          notice("factor_drop",
                 fmt("adj_factor %.6g after %.6g (x%.6f)", factor, prev_factor, factor / prev_factor));
        if (factor > 0) prev_factor = factor;
      }
      const float tot = value(total, t, i), flo = value(floating, t, i);
      if (tot >= 0 && flo > tot * (1 + 1e-6))
        notice("shares", fmt("float_shares %.0f above total_shares %.0f", flo, tot));
      if (!(o > 0 && h > 0 && l > 0 && c > 0) && !(std::isnan(o) || std::isnan(h) || std::isnan(l)))
        bad("non_positive", fmt("open %.4f high %.4f low %.4f close %.4f", o, h, l, c));
      else if (std::isnan(o) || std::isnan(h) || std::isnan(l))
        bad("ohlc", "open, high or low missing");
      else if (h + kTolerance < std::max({o, c, l}) || l - kTolerance > std::min(o, c))
        bad("ohlc", fmt("open %.4f high %.4f low %.4f close %.4f", o, h, l, c));
      else if (ins.kind == InstrumentKind::Stock) {
        const int32_t listing_day = t - listing + 1;
        const bool is_st = !st.empty() && st(t, i) == kStatusSt;
        const LimitRule rule = PriceLimitCalculator::rule(ins, day, listing_day, is_st);
        const float p = !pre.empty() && !std::isnan(pre(t, i)) ? pre(t, i)
                        : listing_day > 1                      ? prev_close
                                                               : kNaN;
        if (rule.limited && !(p > 0)) {
          ++r.counts["limit_unchecked"];
        } else if (rule.limited) {
          const LimitBand band = PriceLimitCalculator::band(rule, p);
          const auto c_cents = std::llround(static_cast<double>(c) * 100);
          const auto up = std::llround(band.up * 100), down = std::llround(band.down * 100);
          if (c_cents > up || c_cents < down) {
            std::string detail =
                fmt("close %.2f outside [%.2f, %.2f] (pre_close %.2f, ", c, band.down, band.up, p);
            if (rule.up_pct == rule.down_pct)
              detail += fmt("%.0f %% limit)", rule.up_pct);
            else
              detail += fmt("+%.0f %% / -%.0f %% listing-day limit)", rule.up_pct, rule.down_pct);
            bad("limit", std::move(detail));
          }
        }
      }
      prev_close = c;
    }
  }
  return r;
}

MarketData quarantine(const MarketData& md, const std::vector<BadBar>& bad) {
  MarketData out = md;
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  auto rebuild = [&](BarData& bars, int32_t rows_per_day) {
    auto clean = [&](const Panel& p) {
      std::vector<float> v(p.data(), p.data() + static_cast<size_t>(p.rows()) * n);
      for (const BadBar& b : bad)
        for (int32_t s = 0; s < rows_per_day; ++s)
          v[(static_cast<size_t>(b.day) * rows_per_day + s) * n + b.instrument] = kNaN;
      return out.adopt(std::move(v), p.rows(), n);
    };
    for (auto& p : bars.fields)
      if (!p.empty()) p = clean(p);
    for (auto& [name, p] : bars.extra) p = clean(p);
  };
  rebuild(out.daily, 1);
  if (out.hourly) rebuild(*out.hourly, kHourlyBarsPerDay);
  (void)T;
  out.fingerprint = compute_fingerprint(out);
  return out;
}

}  // namespace abt
