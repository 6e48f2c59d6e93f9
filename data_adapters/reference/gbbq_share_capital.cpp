#include "data_adapters/reference/gbbq_share_capital.hpp"

#include <cmath>
#include <limits>
#include <set>

#include "data_adapters/tdx/gbbq_table.hpp"

namespace abt {

GbbqShareCapitalStats apply_gbbq_share_capital(MarketData& md, const std::filesystem::path& gbbq,
                                               std::vector<std::string>& notes) {
  std::set<std::string> symbols;
  for (const Instrument& ins : md.instruments)
    if (ins.kind == InstrumentKind::Stock) symbols.insert(ins.symbol);
  const GbbqTable table = GbbqTable::read(gbbq, symbols);
  const Date coverage_end = table.last_record_date();

  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const size_t size = static_cast<size_t>(T) * n;
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  const auto copy = [&](Field f) {
    const Panel& p = md.daily.field(f);
    return p.empty() ? std::vector<float>(size, kNaN) : std::vector<float>(p.data(), p.data() + size);
  };
  std::vector<float> total = copy(Field::TotalShares), floating = copy(Field::FloatShares);
  const Panel& close = md.daily.field(Field::Close);
  const Panel* adj = md.daily.has(Field::AdjFactor) ? &md.daily.field(Field::AdjFactor) : nullptr;

  GbbqShareCapitalStats stats;
  std::vector<Date> dates;
  std::vector<int32_t> rows;
  std::vector<float> tot, flo;
  for (InstrumentId i = 0; i < n; ++i) {
    const Instrument& ins = md.instruments[static_cast<size_t>(i)];
    if (ins.kind != InstrumentKind::Stock) continue;
    dates.clear();
    rows.clear();
    for (int32_t d = 0; d < T; ++d)
      if (!std::isnan(close(d, i))) {
        dates.push_back(md.calendar.day(d));
        rows.push_back(d);
      }
    if (rows.empty()) continue;
    const std::vector<GbbqEvent>& events = table.events(ins.symbol);
    GbbqTable::share_capital(dates, events, tot, flo);
    if (std::isnan(tot.back()) && std::isnan(flo.back())) {
      ++stats.without_records;
      continue;
    }
    ++stats.instruments;
    double scale = 1.0;
    for (size_t k = 0; k < rows.size(); ++k) {
      if (k > 0 && adj && dates[k] > coverage_end) {
        const double before = (*adj)(rows[k - 1], i), now = (*adj)(rows[k], i);
        if (before > 0 && now / before >= kBonusFactorJump) {
          scale *= now / before;
          ++stats.rolled_events;
        }
      }
      const size_t cell = static_cast<size_t>(rows[k]) * n + i;
      total[cell] = static_cast<float>(tot[k] * scale);
      floating[cell] = static_cast<float>(flo[k] * scale);
    }
  }
  md.daily.fields[static_cast<int>(Field::TotalShares)] = md.adopt(std::move(total), T, n);
  md.daily.fields[static_cast<int>(Field::FloatShares)] = md.adopt(std::move(floating), T, n);
  md.provenance.shares_observed_through = coverage_end;
  md.provenance.shares_source = "gbbq " + gbbq.string();
  notes.push_back(gbbq.string() + ": share capital for " + std::to_string(stats.instruments) +
                  " stocks, observed through " + coverage_end.to_string() +
                  "; after that rolled forward by " + std::to_string(stats.rolled_events) +
                  " bonus-share factor jumps (>= " + std::to_string(kBonusFactorJump).substr(0, 5) + "x)");
  if (stats.without_records > 0)
    notes.push_back(gbbq.string() + ": " + std::to_string(stats.without_records) +
                    " stocks have bars but no share-capital record (no market cap: excluded from cap ranks)");
  md.fingerprint = compute_fingerprint(md);
  return stats;
}

}  // namespace abt
