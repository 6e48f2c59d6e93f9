#include "data_adapters/vendor/vendor_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "data_adapters/assembly/symbol_code.hpp"
#include "data_adapters/csv/csv_text.hpp"
#include "data_adapters/vendor/vendor_table.hpp"
#include "engine/core/error.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {
namespace {

namespace fs = std::filesystem;
using Kind = VendorColumnKind;

enum class TableType { Daily, Minutes, AdjFactor, DailyBasic, StockBasic, NameChange, AkShare };

VendorTable table_of(TableType t) {
  const std::vector<std::string> code = {"ts_code"}, date = {"trade_date"};
  switch (t) {
    case TableType::Daily:
      return {"tushare daily",
              date,
              code,
              {{"open", "open", 1, Kind::Price},
               {"high", "high", 1, Kind::Price},
               {"low", "low", 1, Kind::Price},
               {"close", "close", 1, Kind::Price},
               {"pre_close", "pre_close", 1, Kind::Optional},
               {"vol", "volume", 100, Kind::Volume},
               {"amount", "amount", 1000, Kind::Optional}},
              false};
    case TableType::Minutes:
      return {"tushare stk_mins",
              {"trade_time"},
              code,
              {{"open", "open", 1, Kind::Price},
               {"high", "high", 1, Kind::Price},
               {"low", "low", 1, Kind::Price},
               {"close", "close", 1, Kind::Price},
               {"vol", "volume", 1, Kind::Volume},
               {"amount", "amount", 1, Kind::Optional}},
              false};
    case TableType::AdjFactor:
      return {"tushare adj_factor", date, code, {{"adj_factor", "adj_factor", 1, Kind::Volume}}, true};
    case TableType::DailyBasic:
      return {"tushare daily_basic",
              date,
              code,
              {{"total_share", "total_shares", 1e4, Kind::Optional},
               {"float_share", "float_shares", 1e4, Kind::Optional},
               {"free_share", "free_shares", 1e4, Kind::Optional},
               {"total_mv", "total_mv", 1e4, Kind::Optional},
               {"circ_mv", "circ_mv", 1e4, Kind::Optional},
               {"turnover_rate", "turnover_rate", 1, Kind::Optional}},
              true};
    case TableType::AkShare:
      return {"akshare",
              {"日期"},
              {"股票代码"},
              {{"开盘", "open", 1, Kind::Price},
               {"最高", "high", 1, Kind::Price},
               {"最低", "low", 1, Kind::Price},
               {"收盘", "close", 1, Kind::Price},
               {"成交量", "volume", 100, Kind::Volume},
               {"成交额", "amount", 1, Kind::Optional},
               {"换手率", "turnover_rate", 1, Kind::Optional}},
              false};
    default:
      return {};
  }
}

std::vector<std::string> header_of(const fs::path& file) {
  csv::CsvText text = csv::CsvText::read(file);  // decoded: a GBK AkShare header reads as 日期,...
  std::string_view line;
  text.next_line(line);
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  std::vector<std::string> out;
  for (auto c : cells) out.push_back(csv::to_lower(c));
  return out;
}

TableType detect(const fs::path& file, const std::string& format) {
  const auto h = header_of(file);
  auto has = [&](const char* n) { return std::find(h.begin(), h.end(), n) != h.end(); };
  if (format == "akshare") {
    if (has("日期")) return TableType::AkShare;
  } else {
    if (has("trade_time")) return TableType::Minutes;
    if (has("list_date")) return TableType::StockBasic;
    if (has("start_date") && has("name")) return TableType::NameChange;
    if (has("total_share") || has("total_mv") || has("float_share")) return TableType::DailyBasic;
    if (has("adj_factor") && !has("open")) return TableType::AdjFactor;
    if (has("trade_date") && has("open")) return TableType::Daily;
  }
  std::string got;
  for (const auto& c : h) got += (got.empty() ? "" : ",") + c;
  throw DataError(file.string() + ":1: expected a " + format +
                  (format == "akshare" ? " header (日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,...)"
                                       : " table header (daily, adj_factor, daily_basic, stock_basic, "
                                         "namechange or stk_mins)") +
                  ", got '" + got + "'");
}

std::vector<fs::path> expand(const std::vector<fs::path>& inputs) {
  std::vector<fs::path> out;
  for (const auto& in : inputs) {
    if (fs::is_directory(in)) {
      const size_t before = out.size();
      for (const auto& e : fs::recursive_directory_iterator(in))
        if (e.is_regular_file() && e.path().extension() == ".csv") out.push_back(e.path());
      if (out.size() == before) throw DataError(in.string() + ": no .csv files found");
    } else {
      for (const auto& f : csv::expand_inputs({in})) out.push_back(f);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Columns of a reference table by name; throws when a required one is missing.
struct RefTable {
  csv::CsvText csv;
  std::vector<std::string> header;
  size_t cell(const char* name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end())
      throw DataError(csv.path() + ":1: missing required column '" + std::string(name) + "'");
    return static_cast<size_t>(it - header.begin());
  }
};

RefTable open_ref(const fs::path& file) {
  RefTable t{csv::CsvText::read(file), {}};
  std::string_view line;
  t.csv.next_line(line);
  std::vector<std::string_view> cells;
  csv::split_line(line, cells);
  for (auto c : cells) t.header.push_back(csv::to_lower(c));
  return t;
}

Date ref_date(const RefTable& t, std::string_view text, bool optional) {
  Date d;
  if (text.empty() && optional) return Date::max();
  if (!Date::try_parse(text, d))
    throw DataError(t.csv.where() + ": expected a date YYYYMMDD, got '" + std::string(text) + "'");
  if (const auto problem = reference_date_problem(d)) throw DataError(t.csv.where() + ": " + *problem);
  return d;
}

/// IsST status a security name implies: "退" (e.g. "长生退", "退市海润": the delisting arrangement) -> 2,
/// "ST" (ST, *ST, SST, S*ST) -> 1, else 0.
float name_status(std::string_view name) {
  if (name.find("退") != std::string_view::npos) return kStatusDelistingArrangement;
  if (name.find("ST") != std::string_view::npos) return kStatusSt;
  return kStatusNormal;
}

void apply_stock_basic(const fs::path& file, MarketData& md, std::vector<std::string>& notes) {
  RefTable t = open_ref(file);
  const size_t c_code = t.cell("ts_code"), c_name = t.cell("name"), c_list = t.cell("list_date");
  const auto delist_it = std::find(t.header.begin(), t.header.end(), "delist_date");
  std::string_view line;
  std::vector<std::string_view> cells;
  size_t unknown = 0;
  while (t.csv.next_line(line)) {
    csv::split_line(line, cells);
    if (cells.size() != t.header.size())
      throw DataError(t.csv.where() + ": expected " + std::to_string(t.header.size()) + " columns");
    const auto s = symbol_from_code(cells[c_code]);
    const auto id = s ? md.find(*s) : std::nullopt;
    if (!id) {
      ++unknown;
      continue;
    }
    Instrument& ins = md.instruments[static_cast<size_t>(*id)];
    ins.name = std::string(cells[c_name]);
    ins.list_date = ref_date(t, cells[c_list], false);
    if (delist_it != t.header.end()) {
      const Date d = ref_date(t, cells[static_cast<size_t>(delist_it - t.header.begin())], true);
      if (d < ins.list_date)
        throw DataError(t.csv.where() + ": expected delist_date >= list_date, got " + d.to_string() + " < " +
                        ins.list_date.to_string());
      if (d != Date::max()) ins.delist_date = d;
    }
  }
  if (unknown)
    notes.push_back(file.string() + ": " + std::to_string(unknown) +
                    " stock_basic rows name instruments without bars");
}

void apply_namechange(const std::vector<fs::path>& files, MarketData& md, std::vector<std::string>& notes) {
  const int32_t T = md.calendar.size(), n = md.instrument_count();
  const Panel& close = md.daily.field(Field::Close);
  std::vector<float> st(static_cast<size_t>(T) * n, std::numeric_limits<float>::quiet_NaN());
  for (int32_t t = 0; t < T; ++t)
    for (int32_t i = 0; i < n; ++i)
      if (!std::isnan(close(t, i))) st[static_cast<size_t>(t) * n + i] = 0;
  size_t intervals = 0;
  for (const auto& file : files) {
    RefTable tab = open_ref(file);
    const size_t c_code = tab.cell("ts_code"), c_name = tab.cell("name"), c_start = tab.cell("start_date"),
                 c_end = tab.cell("end_date");
    std::string_view line;
    std::vector<std::string_view> cells;
    while (tab.csv.next_line(line)) {
      csv::split_line(line, cells);
      if (cells.size() != tab.header.size())
        throw DataError(tab.csv.where() + ": expected " + std::to_string(tab.header.size()) + " columns");
      const Date from = ref_date(tab, cells[c_start], false), to = ref_date(tab, cells[c_end], true);
      if (to < from)
        throw DataError(tab.csv.where() + ": expected end_date >= start_date, got " + to.to_string() + " < " +
                        from.to_string());
      const float status = name_status(cells[c_name]);
      if (status == kStatusNormal) continue;
      const auto s = symbol_from_code(cells[c_code]);
      if (!s) continue;
      const std::optional<InstrumentId> id = md.find(*s);
      if (!id.has_value()) continue;
      const int32_t col = id.value();
      ++intervals;
      for (int32_t t = md.calendar.lower_bound(from); t < T && md.calendar.day(t) <= to; ++t)
        if (!std::isnan(close(t, col))) {
          float& cell = st[static_cast<size_t>(t) * n + col];
          cell = std::max(cell, status);  // overlapping intervals: the delisting arrangement wins
        }
    }
  }
  md.daily.fields[static_cast<int>(Field::IsST)] = md.adopt(std::move(st), T, n);
  notes.push_back("namechange: " + std::to_string(intervals) +
                  " ST / *ST (IsST 1) and 退 (delisting arrangement, IsST 2) intervals applied");
}

}  // namespace

MarketData read_vendor_csv(const std::string& format, const VendorOptions& options,
                           std::vector<std::string>* notes_out) {
  if (format != "tushare" && format != "akshare")
    throw ConfigError("vendor csv: expected format tushare or akshare, got '" + format + "'");
  std::vector<std::pair<TableType, fs::path>> files;
  for (const auto& f : expand(options.inputs)) files.emplace_back(detect(f, format), f);
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const bool akshare = format == "akshare";
  if (akshare && options.adjust != "none" && options.adjust != "qfq" && options.adjust != "hfq")
    throw ConfigError("akshare: state how the files were downloaded: adjust none, qfq or hfq (got '" +
                      options.adjust + "')");

  MarketDataAssembler assembler;
  assembler.set_quarantine_duplicates(options.quarantined != nullptr);
  VendorCsvReader reader(assembler);
  std::vector<fs::path> stock_basic, namechange;
  for (const auto& [type, file] : files) {
    if (type == TableType::StockBasic)
      stock_basic.push_back(file);
    else if (type == TableType::NameChange)
      namechange.push_back(file);
    else
      reader.read(file, table_of(type));
  }
  std::string source = format + ":";
  for (const auto& in : options.inputs) source.append(" ").append(in.string());
  if (akshare) source.append(" (adjust " + options.adjust + ")");
  MarketData md = assembler.build(source);
  if (options.quarantined) *options.quarantined = assembler.quarantined();
  std::vector<std::string> notes = assembler.notes();
  for (const auto& n : reader.notes()) notes.push_back(n);
  if (akshare && options.adjust != "none")
    notes.push_back("akshare: prices are " + options.adjust +
                    "-adjusted as downloaded and are used as if unadjusted (AdjFactor absent)");
  for (const auto& f : stock_basic) apply_stock_basic(f, md, notes);
  if (!namechange.empty()) apply_namechange(namechange, md, notes);
  md.rebuild_symbol_index();
  md.validate();
  md.fingerprint = compute_fingerprint(md);
  if (notes_out) *notes_out = std::move(notes);
  return md;
}

}  // namespace abt
