#include "testkit/tiny_market.hpp"

#include <algorithm>

#include "engine/core/error.hpp"

namespace abt::testkit {

TinyMarketBuilder::TinyMarketBuilder(std::vector<std::string> days) : days_(std::move(days)) {}

TinyMarketBuilder& TinyMarketBuilder::stock(const std::string& symbol, std::vector<TinyBar> bars,
                                            std::vector<double> adj_factor,
                                            std::vector<double> total_shares) {
  ensure(bars.size() == days_.size(), "TinyMarketBuilder: one bar per day");
  Entry e;
  e.instrument.symbol = symbol;
  e.instrument.kind = InstrumentKind::Stock;
  e.instrument.board = board_from_symbol(symbol);
  e.bars = std::move(bars);
  e.adj = std::move(adj_factor);
  e.shares = std::move(total_shares);
  entries_.push_back(std::move(e));
  return *this;
}

TinyMarketBuilder& TinyMarketBuilder::index(const std::string& symbol, std::vector<double> closes) {
  ensure(closes.size() == days_.size(), "TinyMarketBuilder: one close per day");
  Entry e;
  e.instrument.symbol = symbol;
  e.instrument.kind = InstrumentKind::Index;
  e.instrument.board = Board::Index;
  for (double c : closes) e.bars.push_back({c, c, c, c, 1e9});
  entries_.push_back(std::move(e));
  return *this;
}

TinyMarketBuilder& TinyMarketBuilder::hourly(const std::string& symbol,
                                             std::vector<std::vector<TinyBar>> bars) {
  for (auto& e : entries_)
    if (e.instrument.symbol == symbol) {
      ensure(bars.size() == days_.size(), "TinyMarketBuilder: hourly bars for every day");
      e.hourly = std::move(bars);
      return *this;
    }
  throw InternalError("TinyMarketBuilder: unknown symbol " + symbol);
}

TinyMarketBuilder& TinyMarketBuilder::series(const std::string& name, std::vector<double> values) {
  ensure(values.size() == days_.size(), "TinyMarketBuilder: one series value per day");
  series_.emplace_back(name, std::move(values));
  return *this;
}

TinyMarketBuilder& TinyMarketBuilder::delist(const std::string& symbol, const std::string& last_day) {
  for (auto& e : entries_)
    if (e.instrument.symbol == symbol) {
      e.instrument.delist_date = Date::parse(last_day);
      return *this;
    }
  throw InternalError("TinyMarketBuilder: unknown symbol " + symbol);
}

TinyMarketBuilder::Entry& TinyMarketBuilder::entry(const std::string& symbol) {
  for (auto& e : entries_)
    if (e.instrument.symbol == symbol) return e;
  throw InternalError("TinyMarketBuilder: unknown symbol " + symbol);
}

TinyMarketBuilder& TinyMarketBuilder::st(const std::string& symbol, std::vector<int> flags) {
  ensure(flags.size() == days_.size(), "TinyMarketBuilder: one ST flag per day");
  entry(symbol).st = std::move(flags);
  return *this;
}

TinyMarketBuilder& TinyMarketBuilder::listed(const std::string& symbol, const std::string& list_date) {
  entry(symbol).list_date = Date::parse(list_date);
  return *this;
}

TinyMarketBuilder& TinyMarketBuilder::pre_close(const std::string& symbol, int day, double value) {
  entry(symbol).pre_close.emplace_back(day, value);
  return *this;
}

MarketData TinyMarketBuilder::build() const {
  MarketData md;
  std::vector<Date> dates;
  for (const auto& d : days_) dates.push_back(Date::parse(d));
  md.calendar = TradingCalendar(dates);
  const int32_t T = md.calendar.size(), N = static_cast<int32_t>(entries_.size());
  for (const auto& e : entries_) md.instruments.push_back(e.instrument);
  md.rebuild_symbol_index();

  init_daily_layout(md.daily, md.calendar);
  std::vector<std::vector<float>> f(kFieldCount, std::vector<float>(static_cast<size_t>(T) * N, kNaN));
  auto set = [&](Field fld, int32_t t, int32_t i, double v) {
    f[static_cast<int>(fld)][t * N + i] = static_cast<float>(v);
  };
  for (int32_t i = 0; i < N; ++i) {
    const Entry& e = entries_[i];
    double prev_close = NAN, prev_adj = 1.0;
    bool listed_seen = false;
    for (int32_t t = 0; t < T; ++t) {
      const TinyBar& b = e.bars[t];
      if (std::isnan(b.open)) continue;
      if (!listed_seen) {
        // A stock with a bar on the first day was listed before the market starts (a seasoned stock: no
        // IPO rules apply); one whose bars start later lists on its first bar's day (an IPO).
        if (t > 0) md.instruments[i].list_date = dates[t];
        if (e.list_date) md.instruments[i].list_date = *e.list_date;
        listed_seen = true;
      }
      const double adj = e.adj.empty() ? 1.0 : e.adj[t];
      set(Field::Open, t, i, b.open);
      set(Field::High, t, i, std::isnan(b.high) ? std::max(b.open, b.close) : b.high);
      set(Field::Low, t, i, std::isnan(b.low) ? std::min(b.open, b.close) : b.low);
      set(Field::Close, t, i, b.close);
      set(Field::Volume, t, i, b.volume);
      set(Field::Amount, t, i, b.volume * b.close);
      set(Field::AdjFactor, t, i, adj);
      // The first bar has no reference price unless .pre_close() gives one (adapters never invent it).
      if (!std::isnan(prev_close)) set(Field::PreClose, t, i, prev_close * prev_adj / adj);
      set(Field::IsST, t, i, e.st.empty() ? 0 : e.st[t]);
      for (const auto& [day, value] : e.pre_close)
        if (day == t) set(Field::PreClose, t, i, value);
      if (!e.shares.empty()) set(Field::TotalShares, t, i, e.shares[t]);
      if (!e.shares.empty()) set(Field::FloatShares, t, i, e.shares[t]);
      prev_close = b.close;
      prev_adj = adj;
    }
  }
  for (int k = 0; k < kFieldCount; ++k) {
    const bool any = std::any_of(f[k].begin(), f[k].end(), [](float v) { return !std::isnan(v); });
    if (any) md.daily.fields[k] = md.adopt(std::move(f[k]), T, N);
  }

  const bool any_hourly =
      std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return !e.hourly.empty(); });
  if (any_hourly) {
    BarData h;
    init_hourly_layout(h, md.calendar);
    const int32_t R = h.rows();
    std::vector<std::vector<float>> hf(5, std::vector<float>(static_cast<size_t>(R) * N, kNaN));
    for (int32_t i = 0; i < N; ++i) {
      const Entry& e = entries_[i];
      for (int32_t t = 0; t < T; ++t) {
        for (int s = 0; s < kHourlyBarsPerDay; ++s) {
          const int32_t r = t * kHourlyBarsPerDay + s;
          TinyBar b;
          if (!e.hourly.empty())
            b = e.hourly[t][s];
          else if (!std::isnan(e.bars[t].open))
            b = {e.bars[t].close, e.bars[t].close, e.bars[t].close, e.bars[t].close, e.bars[t].volume / 4};
          if (std::isnan(b.open)) continue;
          hf[0][r * N + i] = static_cast<float>(b.open);
          hf[1][r * N + i] = static_cast<float>(std::isnan(b.high) ? std::max(b.open, b.close) : b.high);
          hf[2][r * N + i] = static_cast<float>(std::isnan(b.low) ? std::min(b.open, b.close) : b.low);
          hf[3][r * N + i] = static_cast<float>(b.close);
          hf[4][r * N + i] = static_cast<float>(b.volume);
        }
      }
    }
    h.fields[static_cast<int>(Field::Open)] = md.adopt(std::move(hf[0]), R, N);
    h.fields[static_cast<int>(Field::High)] = md.adopt(std::move(hf[1]), R, N);
    h.fields[static_cast<int>(Field::Low)] = md.adopt(std::move(hf[2]), R, N);
    h.fields[static_cast<int>(Field::Close)] = md.adopt(std::move(hf[3]), R, N);
    h.fields[static_cast<int>(Field::Volume)] = md.adopt(std::move(hf[4]), R, N);
    md.hourly = std::move(h);
  }
  for (const auto& [name, values] : series_) {
    std::vector<float> v(values.begin(), values.end());
    md.series[name] = md.adopt(std::move(v), T, 1);
  }
  md.source = "tiny test market";
  md.fingerprint = compute_fingerprint(md);
  md.validate();
  return md;
}

}  // namespace abt::testkit
