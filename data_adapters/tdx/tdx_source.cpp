#include "data_adapters/tdx/tdx_source.hpp"

#include <algorithm>
#include <set>

#include "data_adapters/assembly/market_data_assembler.hpp"
#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/tdx/gbbq_table.hpp"
#include "data_adapters/tdx/tdx_day_file.hpp"
#include "data_adapters/tdx/tdx_minute_file.hpp"
#include "engine/core/error.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;

bool is_day_file(const fs::path& p) {
  return p.extension() == ".day" || p.extension() == ".lc1" || p.extension() == ".lc5";
}

void add_dir(const fs::path& dir, std::vector<fs::path>& out) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && is_day_file(e.path())) out.push_back(e.path());
}

bool glob_match(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return name.empty();
  if (pattern[0] == '*')
    return glob_match(pattern.substr(1), name) || (!name.empty() && glob_match(pattern, name.substr(1)));
  return !name.empty() && (pattern[0] == '?' || pattern[0] == name[0]) &&
         glob_match(pattern.substr(1), name.substr(1));
}

}  // namespace

std::vector<fs::path> expand_tdx_inputs(const std::vector<fs::path>& inputs) {
  std::vector<fs::path> out;
  for (const fs::path& in : inputs) {
    const std::string name = in.filename().string();
    if (name.find_first_of("*?") != std::string::npos) {
      const fs::path dir = in.parent_path().empty() ? fs::path(".") : in.parent_path();
      const size_t before = out.size();
      if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
          if (e.is_regular_file() && glob_match(name, e.path().filename().string())) out.push_back(e.path());
      if (out.size() == before) throw DataError(in.string() + ": the glob matches no file");
    } else if (fs::is_directory(in)) {
      const size_t before = out.size();
      bool vipdoc = false;
      for (const char* ex : {"sh", "sz", "bj"})
        for (const char* sub : {"lday", "minline", "fzline"})
          if (fs::is_directory(in / ex / sub)) {
            vipdoc = true;
            add_dir(in / ex / sub, out);
          }
      if (!vipdoc) add_dir(in, out);
      if (out.size() == before) throw DataError(in.string() + ": no .day / .lc1 / .lc5 files found");
    } else if (fs::is_regular_file(in)) {
      out.push_back(in);
    } else {
      throw DataError(in.string() + ": no such file or directory");
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MarketData read_tdx(const TdxOptions& options, std::vector<std::string>* notes) {
  const std::vector<fs::path> files = expand_tdx_inputs(options.inputs);
  std::vector<std::string> symbols;
  for (const fs::path& f : files) {
    const auto s = normalize_symbol(f.stem().string());
    if (!s)
      throw DataError(f.string() + ": expected a file name like sh600000.day (exchange + 6-digit code)");
    symbols.push_back(*s);
  }
  std::optional<GbbqTable> gbbq;
  if (options.gbbq)
    gbbq = GbbqTable::read(*options.gbbq, std::set<std::string>(symbols.begin(), symbols.end()));

  MarketDataAssembler a;
  const int32_t c_open = a.column(Frequency::Daily, "open"), c_high = a.column(Frequency::Daily, "high"),
                c_low = a.column(Frequency::Daily, "low"), c_close = a.column(Frequency::Daily, "close"),
                c_volume = a.column(Frequency::Daily, "volume"),
                c_amount = a.column(Frequency::Daily, "amount");
  for (size_t k = 0; k < files.size(); ++k) {
    if (files[k].extension() != ".day") {  // .lc1 / .lc5 minute bars -> 60-minute bars
      const std::vector<MinuteBar> hours = resample_to_hourly(read_tdx_minute_file(files[k]));
      const uint32_t origin = a.add_origin_file(files[k].string() + " hour bar");
      const int32_t id = a.instrument(symbols[k]);
      const char* names[6] = {"open", "high", "low", "close", "volume", "amount"};
      for (size_t r = 0; r < hours.size(); ++r) {
        const MinuteBar& h = hours[r];
        const size_t rec = a.add_bar(Frequency::Min60, h.end, id, {origin, static_cast<uint32_t>(r + 1)});
        const double v[6] = {h.open, h.high, h.low, h.close, h.volume, h.amount};
        for (int c = 0; c < 6; ++c)
          a.set(Frequency::Min60, a.column(Frequency::Min60, names[c]), rec, static_cast<float>(v[c]));
      }
      continue;
    }
    const std::vector<TdxDayBar> bars = read_tdx_day_file(files[k]);
    const uint32_t origin = a.add_origin_file(files[k].string() + " record");
    const int32_t id = a.instrument(symbols[k]);
    GbbqAdjustment adj;
    if (gbbq) {
      std::vector<Date> dates;
      std::vector<double> close;
      for (const auto& b : bars) {
        dates.push_back(b.date);
        close.push_back(b.close);
      }
      adj = GbbqTable::derive(dates, close, gbbq->events(symbols[k]));
    }
    const bool stock = a.instrument_info(id).kind == InstrumentKind::Stock;
    for (size_t r = 0; r < bars.size(); ++r) {
      const TdxDayBar& b = bars[r];
      const size_t rec = a.add_bar(Frequency::Daily, Timestamp::of(b.date, 15, 0), id,
                                   RecordOrigin{origin, static_cast<uint32_t>(r + 1)});
      a.set(Frequency::Daily, c_open, rec, static_cast<float>(b.open));
      a.set(Frequency::Daily, c_high, rec, static_cast<float>(b.high));
      a.set(Frequency::Daily, c_low, rec, static_cast<float>(b.low));
      a.set(Frequency::Daily, c_close, rec, static_cast<float>(b.close));
      a.set(Frequency::Daily, c_volume, rec, static_cast<float>(b.volume));
      a.set(Frequency::Daily, c_amount, rec, static_cast<float>(b.amount));
      if (gbbq) {
        a.set(Frequency::Daily, a.column(Frequency::Daily, "adj_factor"), rec,
              stock ? adj.adj_factor[r] : 1.0f);
        if (stock) {
          a.set(Frequency::Daily, a.column(Frequency::Daily, "total_shares"), rec, adj.total_shares[r]);
          a.set(Frequency::Daily, a.column(Frequency::Daily, "float_shares"), rec, adj.float_shares[r]);
        }
      }
    }
  }
  std::string source = "tdx:";
  for (size_t k = 0; k < options.inputs.size(); ++k) {
    if (k > 0) source += ',';
    source += options.inputs[k].string();
  }
  MarketData md = a.build(source);
  if (gbbq) {
    md.provenance.shares_observed_through = gbbq->last_record_date();
    md.provenance.shares_source = "gbbq " + options.gbbq->string();
  }
  if (notes) {
    *notes = a.notes();
    if (gbbq && gbbq->ignored_records() > 0)
      notes->push_back("gbbq: " + std::to_string(gbbq->ignored_records()) +
                       " records of other categories were ignored");
  }
  return md;
}

}  // namespace abt
