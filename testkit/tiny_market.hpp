#pragma once
// The strategy author's test kit (installed with abt: include "testkit/tiny_market.hpp", link abt::testkit):
// a builder of tiny hand-computable daily (and 60-minute) markets, to unit-test a strategy against numbers
// worked out by hand. Used by abt's own tests and by the plugin template's unit test.
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt::testkit {

inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// One daily bar of a tiny market. NaN open means "not listed that day"; volume 0 means suspended.
struct TinyBar {
  double open = kNaN, high = kNaN, low = kNaN, close = kNaN, volume = 1e6;
};

/// Builds a small daily (optionally hourly) MarketData by hand. Days are "YYYY-MM-DD".
class TinyMarketBuilder {
 public:
  explicit TinyMarketBuilder(std::vector<std::string> days);
  /// Adds a stock whose bars[i] is the bar of day i (bars.size() == days). Optional adj factors and
  /// total shares per day; PreClose is derived from the previous close (x adj ratio), NaN on the first bar
  /// unless pre_close() sets it.
  TinyMarketBuilder& stock(const std::string& symbol, std::vector<TinyBar> bars,
                           std::vector<double> adj_factor = {}, std::vector<double> total_shares = {});
  /// Adds an index instrument (kind Index) with the given closes (open = high = low = close).
  TinyMarketBuilder& index(const std::string& symbol, std::vector<double> closes);
  /// Adds 60-minute bars for instrument `symbol`: hourly[i] = the 4 bars of day i (must aggregate to the
  /// daily).
  TinyMarketBuilder& hourly(const std::string& symbol, std::vector<std::vector<TinyBar>> bars);
  TinyMarketBuilder& series(const std::string& name, std::vector<double> values);
  /// Sets the last trading day ("YYYY-MM-DD") of `symbol` (Instrument::delist_date); bars after it should
  /// be NaN.
  TinyMarketBuilder& delist(const std::string& symbol, const std::string& last_day);
  /// Sets the IsST status of `symbol` per day (flags.size() == days): 0 normal, 1 ST / *ST, 2 delisting
  /// arrangement (engine/data/field.hpp).
  TinyMarketBuilder& st(const std::string& symbol, std::vector<int> flags);
  /// Sets the listing date of `symbol` explicitly. By default a stock with a bar on the first day is listed
  /// before the market starts (Date::min()), any other on the day of its first bar.
  TinyMarketBuilder& listed(const std::string& symbol, const std::string& list_date);
  /// Overrides the PreClose of `symbol` on day index `day` (e.g. an issue price on a listing day).
  TinyMarketBuilder& pre_close(const std::string& symbol, int day, double value);
  MarketData build() const;

 private:
  struct Entry {
    Instrument instrument;
    std::vector<TinyBar> bars;
    std::vector<double> adj, shares;
    std::vector<std::vector<TinyBar>> hourly;
    std::vector<int> st;
    std::optional<Date> list_date;
    std::vector<std::pair<int, double>> pre_close;
  };
  Entry& entry(const std::string& symbol);
  std::vector<std::string> days_;
  std::vector<Entry> entries_;
  std::vector<std::pair<std::string, std::vector<double>>> series_;
};

/// A daily bar with the given open and close (high/low derived), volume 1e6 (0 = suspended).
inline TinyBar bar(double open, double close, double volume = 1e6) {
  return TinyBar{open, kNaN, kNaN, close, volume};
}
/// A suspended day: no trade, prices at the last close.
inline TinyBar suspended(double last_close) {
  return TinyBar{last_close, last_close, last_close, last_close, 0};
}
/// Not listed.
inline TinyBar absent() {
  return TinyBar{};
}

}  // namespace abt::testkit
