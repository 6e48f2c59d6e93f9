// `abt data validate SOURCE|DATASET [--from FORMAT ...] [--report FILE] [--quarantine FILE [--out DATASET]]`:
// checks the data (data_adapters/validate/data_validator.hpp) and writes a report. Bad bars stop the command
// (exit 2) unless --quarantine is given: they are then written to that CSV, the report says how many and
// where, and --out writes the data without them as a dataset.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "app/cli/data_subcommands.hpp"
#include "app/cli/option_parsing.hpp"
#include "data_adapters/binary/dataset_file.hpp"
#include "data_adapters/import/source_import.hpp"
#include "data_adapters/validate/data_validator.hpp"
#include "engine/core/atomic_file.hpp"
#include "engine/core/error.hpp"

namespace abt::cli {
namespace {

constexpr size_t kExamplesPerCheck = 20;

std::string value(const Panel& p, int32_t t, int32_t i) {
  if (p.empty() || std::isnan(p(t, i))) return "";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", static_cast<double>(p(t, i)));
  return buf;
}

std::string report_text(const MarketData& md, const ValidationReport& r,
                        const std::vector<std::string>& dropped, const std::string& quarantine) {
  std::ostringstream o;
  o << "validation of " << md.source << " (fingerprint " << md.fingerprint << ")\n";
  o << "bars checked: " << r.bars_checked << "\n";
  for (const auto& [check, count] : r.counts) o << "  " << check << ": " << count << "\n";
  std::map<std::string, size_t> shown;
  for (const auto* list : {&r.bad_bars, &r.notices})
    for (const BadBar& b : *list) {
      if (shown[b.check]++ >= kExamplesPerCheck) continue;
      o << "  " << b.check << " " << md.instruments[static_cast<size_t>(b.instrument)].symbol << " "
        << md.calendar.day(b.day).to_string() << ": " << b.detail
        << (list == &r.notices ? " (informational)" : "") << "\n";
    }
  for (const auto& [check, n] : shown)
    if (n > kExamplesPerCheck)
      o << "  (" << n - kExamplesPerCheck << " more " << check << " bars not listed)\n";
  if (!r.gaps.empty()) {
    o << "gaps (listed days without a bar) per instrument:\n";
    for (const auto& [id, n] : r.gaps)
      o << "  " << md.instruments[static_cast<size_t>(id)].symbol << " " << n << "\n";
  }
  if (!dropped.empty()) {
    o << "duplicate rows dropped while reading: " << dropped.size() << "\n";
    for (size_t k = 0; k < std::min(dropped.size(), kExamplesPerCheck); ++k) o << "  " << dropped[k] << "\n";
  }
  if (!quarantine.empty())
    o << "quarantined: " << r.bad_bars.size() << " bars and " << dropped.size()
      << " duplicate rows written to " << quarantine << "\n";
  return o.str();
}

void write_quarantine(const MarketData& md, const ValidationReport& r,
                      const std::vector<std::string>& dropped, const std::string& path) {
  std::ostringstream out;
  out << "check,symbol,date,open,high,low,close,volume,pre_close,detail\n";
  const BarData& b = md.daily;
  for (const BadBar& x : r.bad_bars) {
    const int32_t t = x.day, i = x.instrument;
    out << x.check << "," << md.instruments[static_cast<size_t>(i)].symbol << ","
        << md.calendar.day(t).to_string() << "," << value(b.field(Field::Open), t, i) << ","
        << value(b.field(Field::High), t, i) << "," << value(b.field(Field::Low), t, i) << ","
        << value(b.field(Field::Close), t, i) << "," << value(b.field(Field::Volume), t, i) << ","
        << value(b.field(Field::PreClose), t, i) << ",\"" << x.detail << "\"\n";
  }
  for (const std::string& row : dropped) {
    std::string detail = row;
    std::replace(detail.begin(), detail.end(), '"', '\'');
    out << "duplicate,,,,,,,,,\"" << detail << "\"\n";
  }
  write_file_atomically(path, out.str());
}

}  // namespace

int data_validate_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  SourceSpec spec;
  std::vector<std::string> targets;
  std::string report_path, quarantine_path, out, gbbq;
  po::options_description options("abt data validate options");
  options.add_options()("help,h", "show this help")("target", po::value(&targets)->multitoken(),
                                                    "dataset, or source files with --from (also positional)")(
      "from", po::value(&spec.format),
      "source format (qlib, tdx, tushare, akshare, minute, csv); default: a dataset")(
      "gbbq", po::value(&gbbq), "gbbq CSV (share capital; tdx: also factors)")(
      "adjust", po::value(&spec.adjust), "akshare: none, qfq or hfq")(
      "market", po::value(&spec.market)->default_value("all"), "qlib: instruments/<market>.txt")(
      "report", po::value(&report_path), "write the report to FILE (default: stdout)")(
      "quarantine", po::value(&quarantine_path), "write bad bars to FILE (CSV) instead of failing")(
      "out", po::value(&out), "with --quarantine: write the data without the bad bars as a dataset");
  const po::variables_map vm = parse_with_positional(args, options, "target", -1);
  if (vm.count("help") || targets.empty()) {
    std::cout
        << "usage: abt data validate DATASET | --from FORMAT SOURCE... [--report FILE] [--quarantine FILE "
           "[--out DATASET]]\n\n"
        << options;
    return vm.count("help") ? 0 : 2;
  }
  require<ConfigError>(out.empty() || !quarantine_path.empty(), "--out: only with --quarantine");
  MarketData md;
  std::vector<std::string> dropped;  // duplicate rows set aside while reading (with --quarantine)
  if (spec.format.empty()) {
    require<ConfigError>(targets.size() == 1, "abt data validate: expected one dataset (or --from FORMAT)");
    md = read_dataset(targets[0]);
  } else {
    require<ConfigError>(is_source_format(spec.format),
                         "--from: unknown source format '" + spec.format + "'");
    for (const auto& t : targets) spec.paths.emplace_back(t);
    if (!gbbq.empty()) spec.gbbq = gbbq;
    md = import_source(spec, nullptr, quarantine_path.empty() ? nullptr : &dropped);
  }
  const ValidationReport r = validate_market_data(md);
  const std::string text = report_text(md, r, dropped, quarantine_path);
  if (report_path.empty()) {
    std::cout << text;
  } else {
    write_file_atomically(report_path, text);  // UserError naming the path when it cannot (exit 2)
    std::printf("report written to %s\n", report_path.c_str());
  }
  if (!quarantine_path.empty()) {
    write_quarantine(md, r, dropped, quarantine_path);
    if (!out.empty()) {
      std::filesystem::path path(out);
      if (path.extension() != ".abtd") {
        std::filesystem::create_directories(path);
        path /= kDatasetFileName;
      }
      write_dataset(quarantine(md, r.bad_bars), path);
    }
    return 0;
  }
  if (!r.bad_bars.empty()) {
    std::fprintf(stderr, "abt: error: %zu bad bars (see the report); --quarantine FILE sets them aside\n",
                 r.bad_bars.size());
    return 2;
  }
  return 0;
}

}  // namespace abt::cli
