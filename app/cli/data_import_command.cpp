// `abt data import --from qlib|tdx|tushare|akshare|minute|csv SOURCE... --out DATASET`: read a vendor format,
// align every instrument to one trading calendar and write the abt binary dataset.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/import/source_import.hpp"
#include "app/cli/data_subcommands.hpp"
#include "app/cli/option_parsing.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {

int data_import_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  SourceSpec spec;
  std::vector<std::string> sources;
  std::string out, symbols, gbbq, shares, st, listing, ipo, membership;
  std::vector<std::string> series;
  bool no_hourly = false;
  po::options_description options("abt data import options");
  options.add_options()("help,h", "show this help")(
      "from", po::value(&spec.format),
      "source format: qlib, tdx, tushare, akshare, minute or csv (required)")(
      "source", po::value(&sources)->multitoken(), "source directory/files (also positional)")(
      "out", po::value(&out), "output dataset directory or .abtd file (required)")(
      "market", po::value(&spec.market)->default_value("all"), "qlib: instruments/<market>.txt")(
      "symbols", po::value(&symbols),
      "qlib: symbols to import (default all); minute: one symbol per file (comma-separated)")(
      "gbbq", po::value(&gbbq),
      "gbbq corporate-action CSV: share capital for any source (rolled forward after its last record by "
      "the factor's bonus-share jumps); tdx: also the adjustment factors")(
      "no-hourly", po::bool_switch(&no_hourly), "qlib: ignore 60-minute bins")(
      "qlib-all-features", po::bool_switch(&spec.qlib_all_features),
      "qlib: also read feature directories that instruments/all.txt does not list")(
      "qlib-volume", po::value(&spec.qlib_volume)->default_value("shares"),
      "qlib: unit of volume bins: shares (community dumps) or adjusted (official qlib: shares / factor)")(
      "adjust", po::value(&spec.adjust), "akshare: how the files were downloaded: none, qfq or hfq")(
      "shares", po::value(&shares), "share capital CSV date,symbol,total_shares,float_shares")(
      "st", po::value(&st), "ST intervals CSV symbol,start,end")(
      "listing", po::value(&listing), "listing dates CSV symbol,list_date[,delist_date]")(
      "ipo", po::value(&ipo), "IPO CSV symbol,list_date,issue_price (exact listing-day limits)")(
      "membership", po::value(&membership), "index membership CSV index,symbol,start,end")(
      "series", po::value(&series)->composing(), "external series NAME=FILE (repeatable)");
  const po::variables_map vm = parse_with_positional(args, options, "source", -1);
  if (vm.count("help") || out.empty() || sources.empty() || spec.format.empty()) {
    std::cout << "usage: abt data import --from qlib|tdx|tushare|akshare|minute|csv SOURCE... --out DATASET "
                 "[options]\n\n"
              << options;
    return vm.count("help") ? 0 : 2;
  }
  require<ConfigError>(
      is_source_format(spec.format),
      "--from: expected qlib, tdx, tushare, akshare, minute or csv, got '" + spec.format + "'");
  for (const auto& s : sources) spec.paths.emplace_back(s);
  for (size_t b = 0; b < symbols.size();) {
    const size_t e = std::min(symbols.find(',', b), symbols.size());
    if (e > b) spec.symbols.push_back(symbols.substr(b, e - b));
    b = e + 1;
  }
  if (!gbbq.empty()) spec.gbbq = gbbq;
  if (!shares.empty()) spec.shares = shares;
  if (!st.empty()) spec.st = st;
  if (!listing.empty()) spec.listing = listing;
  if (!ipo.empty()) spec.ipo = ipo;
  if (!membership.empty()) spec.membership = membership;
  for (const auto& s : series) {
    const size_t eq = s.find('=');
    require<ConfigError>(eq != std::string::npos && eq > 0, "--series: expected NAME=FILE, got '" + s + "'");
    spec.series.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  spec.hourly = !no_hourly;

  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> notes;
  const MarketData md = import_source(spec, &notes);
  const auto t1 = std::chrono::steady_clock::now();
  std::filesystem::path path(out);
  if (path.extension() != ".abtd") {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw UserError(out + ": cannot create the directory: " + ec.message());
    path /= kDatasetFileName;
  }
  write_dataset(md, path);
  const auto t2 = std::chrono::steady_clock::now();
  for (const auto& n : notes) std::printf("note: %s\n", n.c_str());
  std::printf(
      "%s\n  %d instruments, %d trading days (%s .. %s)%s\n  fingerprint %s\n"
      "  imported in %.2f s, written in %.2f s to %s\n",
      md.source.c_str(), md.instrument_count(), md.calendar.size(), md.calendar.day(0).to_string().c_str(),
      md.calendar.day(md.calendar.size() - 1).to_string().c_str(),
      md.hourly ? ", daily + 60-minute bars" : ", daily bars", md.fingerprint.c_str(),
      std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
      path.c_str());
  return 0;
}

}  // namespace abt::cli
