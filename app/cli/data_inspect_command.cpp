// `abt data inspect DATASET [--symbol CODE [--from D] [--to D] [--freq 1d|60m]]`: summary of a dataset, or
// one instrument's bars (unadjusted and adjusted) as CSV on stdout.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/binary/dataset_file.hpp"
#include "app/cli/data_subcommands.hpp"
#include "app/cli/option_parsing.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

/// Cells of `p` that are NaN on days the instrument has a close (a listed bar with a missing value).
int64_t missing_in_bars(const Panel& p, const Panel& close) {
  int64_t missing = 0;
  for (int32_t r = 0; r < p.rows(); ++r)
    for (int32_t i = 0; i < p.cols(); ++i)
      if (!std::isnan(close(r, i)) && std::isnan(p(r, i))) ++missing;
  return missing;
}

void print_bars_summary(const MarketData& md, const BarData& bars) {
  const Panel& close = bars.field(Field::Close);
  int64_t with_bar = 0, listed = 0;
  for (int32_t i = 0; i < md.instrument_count(); ++i) {
    const Instrument& ins = md.instruments[static_cast<size_t>(i)];
    for (int32_t r = 0; r < bars.rows(); ++r) {
      const Date d = bars.stamps[static_cast<size_t>(r)].date();
      if (d < ins.list_date || d > ins.delist_date) continue;
      ++listed;
      if (!close.empty() && !std::isnan(close(r, i))) ++with_bar;
    }
  }
  std::printf("  %s: %d rows; coverage %lld of %lld listed instrument-bars have a close (%.2f%%)\n",
              std::string(frequency_name(bars.frequency)).c_str(), bars.rows(),
              static_cast<long long>(with_bar), static_cast<long long>(listed),
              listed ? 100.0 * static_cast<double>(with_bar) / listed : 0.0);
  std::printf("    %-14s %s\n", "field", "missing values on bars with a close");
  auto line = [&](const std::string& name, const Panel& p) {
    std::printf("    %-14s %lld\n", name.c_str(),
                static_cast<long long>(close.empty() ? 0 : missing_in_bars(p, close)));
  };
  for (int f = 0; f < kFieldCount; ++f)
    if (!bars.fields[static_cast<size_t>(f)].empty())
      line(std::string(field_name(static_cast<Field>(f))), bars.fields[static_cast<size_t>(f)]);
  if (bars.has(Field::PreClose) && &bars == &md.daily)
    std::printf("    (pre_close is unknown on an instrument's first bar unless the source or an IPO table "
                "gives it)\n");
  for (const auto& [name, p] : bars.extra) line(name + " (extra)", p);
}

void print_summary(const MarketData& md, double load_seconds) {
  int stocks = 0, indices = 0;
  for (const auto& ins : md.instruments) (ins.kind == InstrumentKind::Index ? indices : stocks)++;
  std::printf("source       %s\nfingerprint  %s\nloaded in    %.3f s\n", md.source.c_str(),
              md.fingerprint.c_str(), load_seconds);
  std::printf("instruments  %d (%d stocks, %d indices)\n", md.instrument_count(), stocks, indices);
  std::printf("span         %s .. %s, %d trading days\n", md.calendar.day(0).to_string().c_str(),
              md.calendar.day(md.calendar.size() - 1).to_string().c_str(), md.calendar.size());
  std::printf("frequencies  1d%s\n", md.hourly ? ", 60m" : "");
  print_bars_summary(md, md.daily);
  if (md.hourly) print_bars_summary(md, *md.hourly);
  if (!md.series.empty()) {
    std::printf("series\n");
    for (const auto& [name, p] : md.series) {
      int32_t present = 0;
      for (int32_t t = 0; t < p.rows(); ++t) present += std::isnan(p(t, 0)) ? 0 : 1;
      std::printf("    %-14s %d of %d days\n", name.c_str(), present, p.rows());
    }
  }
  std::printf("instruments (symbol, kind, board, first, last)\n");
  // A list date before the calendar (Date::min() or earlier): listed before the data begins.
  const auto listed = [&](const Instrument& ins) {
    return ins.list_date < md.calendar.day(0) ? "pre-data  " : ins.list_date.to_string();
  };
  for (const auto& ins : md.instruments)
    std::printf("    %-10s %-6s %-8s %s %s\n", ins.symbol.c_str(),
                ins.kind == InstrumentKind::Index ? "index" : "stock",
                std::string(board_name(ins.board)).c_str(), listed(ins).c_str(),
                ins.delist_date == Date::max() ? "listed" : ins.delist_date.to_string().c_str());
}

/// Prices with 4 decimals (indices have more than the 0.01 tick), volumes and amounts as integers.
void print_value(const Panel& p, int32_t r, int32_t i, double scale, const char* format) {
  if (p.empty() || std::isnan(p(r, i))) {
    std::printf(",");
    return;
  }
  std::printf(format, static_cast<double>(p(r, i)) * scale);
}

/// CSV: time, unadjusted OHLC, volume, amount, adj_factor, adjusted OHLC (= unadjusted x adj_factor).
void print_symbol(const MarketData& md, const BarData& bars, int32_t id, Date from, Date to) {
  const Panel& adj = bars.field(Field::AdjFactor);
  std::printf("%s,open,high,low,close,volume,amount,adj_factor,adj_open,adj_high,adj_low,adj_close\n",
              bars.frequency == Frequency::Daily ? "date" : "datetime");
  for (int32_t r = 0; r < bars.rows(); ++r) {
    const Timestamp t = bars.stamps[static_cast<size_t>(r)];
    if (t.date() < from || t.date() > to || std::isnan(bars.field(Field::Close)(r, id))) continue;
    std::printf("%s",
                bars.frequency == Frequency::Daily ? t.date().to_string().c_str() : t.to_string().c_str());
    for (Field f : {Field::Open, Field::High, Field::Low, Field::Close})
      print_value(bars.field(f), r, id, 1.0, ",%.4f");
    for (Field f : {Field::Volume, Field::Amount}) print_value(bars.field(f), r, id, 1.0, ",%.0f");
    const double a = adj.empty() || std::isnan(adj(r, id)) ? 1.0 : adj(r, id);
    std::printf(",%.6f", a);
    for (Field f : {Field::Open, Field::High, Field::Low, Field::Close})
      print_value(bars.field(f), r, id, a, ",%.4f");
    std::printf("\n");
  }
  (void)md;
}

}  // namespace

int data_inspect_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string dataset, symbol, from, to, freq = "1d";
  po::options_description options("abt data inspect options");
  options.add_options()("help,h", "show this help")("dataset", po::value(&dataset),
                                                    "dataset (also positional)")(
      "symbol", po::value(&symbol), "print this instrument's bars as CSV (e.g. 600519.SH or SH600519)")(
      "from", po::value(&from), "first date (YYYY-MM-DD) of --symbol output")(
      "to", po::value(&to), "last date of --symbol output")("freq", po::value(&freq)->default_value(freq),
                                                            "bars of --symbol: 1d or 60m");
  const po::variables_map vm = parse_with_positional(args, options, "dataset", 1);
  if (vm.count("help") || dataset.empty()) {
    std::cout << "usage: abt data inspect DATASET [--symbol CODE [--from D] [--to D] [--freq 1d|60m]]\n\n"
              << options;
    return vm.count("help") ? 0 : 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const MarketData md = read_dataset(dataset);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (symbol.empty()) {
    print_summary(md, seconds);
    return 0;
  }
  const auto f = parse_frequency(freq);
  require<ConfigError>(f.has_value(), "--freq: expected 1d or 60m, got '" + freq + "'");
  const BarData* bars = md.bars(*f);
  require<ConfigError>(bars != nullptr, "--freq 60m: the dataset has no 60-minute bars");
  auto id = md.find(symbol);
  if (!id)
    if (const auto n = normalize_symbol(symbol)) id = md.find(*n);
  require<ConfigError>(id.has_value(), "--symbol: '" + symbol + "' is not in " + dataset);
  print_symbol(md, *bars, *id, from.empty() ? Date::min() : Date::parse(from, "--from"),
               to.empty() ? Date::max() : Date::parse(to, "--to"));
  return 0;
}

}  // namespace abt::cli
