#include "data_adapters/binary/dataset_layout.hpp"

#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "engine/core/error.hpp"
#include "engine/core/json_text.hpp"
#include "engine/core/json_value.hpp"
#include "engine/core/value_domain.hpp"
#include "engine/data/content_hash.hpp"

namespace abt::dataset {
namespace {

using nlohmann::json;

template <class T>
void put(unsigned char* out, size_t offset, T value) {
  std::memcpy(out + offset, &value, sizeof value);
}
template <class T>
T get(const unsigned char* in, size_t offset) {
  T value;
  std::memcpy(&value, in + offset, sizeof value);
  return value;
}

// Dates are written as YYYYMMDD integers; the open-ended sentinels Date::min()/max() as null.
json date_to_json(Date d) {
  if (d == Date::min() || d == Date::max()) return nullptr;
  return d.yyyymmdd();
}

/// A YYYYMMDD integer (or null = `sentinel`) in the reference-date range; market days are checked by the
/// caller.
Date date_from_json(const json& j, Date sentinel, const std::string& what) {
  if (j.is_null()) return sentinel;
  const auto v = json_integer(j, what, 19000101, 99991231);
  Date d;
  if (!Date::try_parse(std::to_string(v), d))
    throw DataError(what + ": expected a date YYYYMMDD, got " + json_for_message(j));
  if (const auto problem = reference_date_problem(d)) throw DataError(what + ": " + *problem);
  return d;
}

/// A non-negative count or size of the header; `hi` bounds it before any allocation.
int64_t count_from_json(const json& j, const std::string& what, int64_t hi) {
  return json_integer(j, what, 0, hi);
}

std::string checksum_hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

uint64_t checksum_from_hex(const std::string& text, const std::string& what) {
  if (text.size() != 16) throw DataError(what + ": expected 16 hex digits, got '" + text + "'");
  uint64_t v = 0;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else
      throw DataError(what + ": expected 16 hex digits, got '" + text + "'");
    v = v << 4 | static_cast<uint64_t>(digit);
  }
  return v;
}

Board board_from_name(const std::string& name) {
  for (int b = 0; b <= static_cast<int>(Board::Other); ++b)
    if (board_name(static_cast<Board>(b)) == name) return static_cast<Board>(b);
  throw DataError("unknown board '" + name + "'");
}

bool same_stamps(const BarData& bars, const TradingCalendar& calendar, Frequency layout) {
  BarData reference;
  if (layout == Frequency::Daily)
    init_daily_layout(reference, calendar);
  else
    init_hourly_layout(reference, calendar);
  return reference.stamps == bars.stamps;
}

json encode_frequency(const BarData& bars, const TradingCalendar& calendar) {
  json j = {{"rows", bars.rows()}};
  if (same_stamps(bars, calendar, Frequency::Daily)) {
    j["layout"] = "daily";  // one bar per calendar day, stamped 15:00
  } else if (same_stamps(bars, calendar, Frequency::Min60)) {
    j["layout"] = "hourly";  // four bars per calendar day ending 10:30, 11:30, 14:00, 15:00
  } else {
    j["layout"] = "explicit";
    json stamps = json::array();
    for (Timestamp t : bars.stamps) stamps.push_back(t.minutes);
    j["stamps"] = std::move(stamps);
  }
  return j;
}

// Rebuilds stamps and day_begin of `bars` from its header entry.
void decode_frequency(const json& j, Frequency f, const TradingCalendar& calendar, BarData& bars,
                      const std::string& what) {
  const std::string layout = j.at("layout").get<std::string>();
  if (layout == "daily") {
    init_daily_layout(bars, calendar);
  } else if (layout == "hourly") {
    init_hourly_layout(bars, calendar);
  } else if (layout == "explicit") {
    bars.stamps.clear();
    // Stamps inside the calendar's span, checked before Timestamp arithmetic can overflow.
    const int64_t lo = Timestamp::of(calendar.day(0), 0, 0).minutes;
    const int64_t hi = Timestamp::of(calendar.day(calendar.size() - 1), 23, 59).minutes;
    for (const auto& m : j.at("stamps"))
      bars.stamps.push_back(Timestamp{json_integer(m, what + " stamps", lo, hi)});
    bars.day_begin.assign(static_cast<size_t>(calendar.size()) + 1, 0);
    size_t r = 0;
    for (int32_t d = 0; d < calendar.size(); ++d) {
      bars.day_begin[d] = static_cast<int32_t>(r);
      while (r < bars.stamps.size() && bars.stamps[r].date() == calendar.day(d)) ++r;
    }
    bars.day_begin[calendar.size()] = static_cast<int32_t>(r);
    if (r != bars.stamps.size())
      throw DataError(what + ": row stamped " + bars.stamps[r].to_string() +
                      " is not on a calendar day or out of order");
  } else {
    throw DataError(what + ": unknown layout '" + layout + "' (expected daily, hourly or explicit)");
  }
  bars.frequency = f;
  const auto rows = static_cast<int32_t>(count_from_json(j.at("rows"), what + " rows", INT32_MAX));
  if (rows != bars.rows())
    throw DataError(what + ": header says " + std::to_string(rows) + " rows, layout gives " +
                    std::to_string(bars.rows()));
}

std::string_view kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::Standard:
      return "standard";
    case BlockKind::Extra:
      return "extra";
    case BlockKind::Series:
      return "series";
  }
  return "standard";
}

}  // namespace

void encode_preamble(const Preamble& p, unsigned char* out) {
  std::memcpy(out, kMagic.data(), kMagic.size());
  put(out, 8, p.version);
  put(out, 12, p.preamble_size);
  put(out, 16, p.header_bytes);
  put(out, 24, p.header_checksum);
  put(out, 32, p.file_size);
}

Preamble decode_preamble(const unsigned char* in) {
  Preamble p;
  p.version = get<uint32_t>(in, 8);
  p.preamble_size = get<uint32_t>(in, 12);
  p.header_bytes = get<uint64_t>(in, 16);
  p.header_checksum = get<uint64_t>(in, 24);
  p.file_size = get<uint64_t>(in, 32);
  return p;
}

uint64_t header_checksum(std::string_view header_json, uint64_t file_size) {
  ContentHash h;
  h.add_bytes(header_json.data(), header_json.size());
  h.add_value(file_size);
  return h.value();
}

std::string BlockEntry::label() const {
  switch (kind) {
    case BlockKind::Standard:
      return std::string(frequency_name(frequency)) + "/" + name;
    case BlockKind::Extra:
      return std::string(frequency_name(frequency)) + "/extra " + name;
    case BlockKind::Series:
      return "series " + name;
  }
  return name;
}

std::string encode_header(const MarketData& data, const std::vector<BlockEntry>& blocks,
                          const std::string& fingerprint) {
  json header;
  header["format"] = "abt-dataset";
  header["version"] = kFormatVersion;
  header["source"] = data.source;
  header["fingerprint"] = fingerprint;
  if (!(data.provenance == DataProvenance{}))
    header["provenance"] = {
        {"shares_observed_through", date_to_json(data.provenance.shares_observed_through)},
        {"shares_source", data.provenance.shares_source}};

  json calendar = json::array();
  for (Date d : data.calendar.days()) calendar.push_back(d.yyyymmdd());
  header["calendar"] = std::move(calendar);

  // Column-wise: compact and fast to parse for thousands of instruments.
  json symbol = json::array(), name = json::array(), kind = json::array(), board = json::array(),
       list_date = json::array(), delist_date = json::array();
  for (const Instrument& ins : data.instruments) {
    symbol.push_back(ins.symbol);
    name.push_back(ins.name);
    kind.push_back(ins.kind == InstrumentKind::Stock ? "stock" : "index");
    board.push_back(board_name(ins.board));
    list_date.push_back(date_to_json(ins.list_date));
    delist_date.push_back(date_to_json(ins.delist_date));
  }
  header["instruments"] = {{"count", data.instruments.size()},
                           {"symbol", std::move(symbol)},
                           {"name", std::move(name)},
                           {"kind", std::move(kind)},
                           {"board", std::move(board)},
                           {"list_date", std::move(list_date)},
                           {"delist_date", std::move(delist_date)}};

  json frequencies = json::object();
  frequencies[std::string(frequency_name(Frequency::Daily))] = encode_frequency(data.daily, data.calendar);
  if (data.hourly)
    frequencies[std::string(frequency_name(Frequency::Min60))] =
        encode_frequency(*data.hourly, data.calendar);
  header["frequencies"] = std::move(frequencies);

  json table = json::array();
  for (const BlockEntry& b : blocks) {
    json entry = {{"kind", kind_name(b.kind)},
                  {"name", b.name},
                  {"offset", b.offset},
                  {"rows", b.rows},
                  {"cols", b.cols},
                  {"bytes", b.bytes()},
                  {"checksum", checksum_hex(b.checksum)}};
    if (b.kind != BlockKind::Series) entry["frequency"] = frequency_name(b.frequency);
    table.push_back(std::move(entry));
  }
  header["blocks"] = std::move(table);
  return header.dump(-1, ' ', false, json::error_handler_t::replace);  // a stray byte in `source` is shown
}

DecodedHeader decode_header(std::string_view header_json, const std::filesystem::path& file) {
  const std::string prefix = file.string() + ": header";
  DecodedHeader out;
  MarketData& md = out.skeleton;
  try {
    const json header = parse_json_text(header_json, "JSON");
    if (header.at("format") != "abt-dataset")
      throw DataError(prefix + ": expected format 'abt-dataset', got " + header.at("format").dump());
    md.source = header.at("source").get<std::string>();
    md.fingerprint = header.at("fingerprint").get<std::string>();
    if (const auto p = header.find("provenance"); p != header.end()) {
      md.provenance.shares_observed_through =
          date_from_json(p->at("shares_observed_through"), Date::max(), prefix + " provenance");
      md.provenance.shares_source = p->at("shares_source").get<std::string>();
    }

    std::vector<Date> days;
    for (const auto& d : header.at("calendar")) {
      days.push_back(date_from_json(d, Date::min(), prefix + " calendar"));
      if (const auto problem = market_date_problem(days.back()))
        throw DataError(prefix + " calendar: " + *problem);
    }
    if (days.empty()) throw DataError(prefix + ": the calendar is empty");
    md.calendar = TradingCalendar(std::move(days));

    const json& ins = header.at("instruments");
    const auto count = static_cast<size_t>(count_from_json(ins.at("count"), "instruments.count", INT32_MAX));
    for (const char* column : {"symbol", "name", "kind", "board", "list_date", "delist_date"})
      if (ins.at(column).size() != count)
        throw DataError(prefix + ": instruments." + column + " has " + std::to_string(ins.at(column).size()) +
                        " entries, expected " + std::to_string(count));
    md.instruments.resize(count);
    for (size_t i = 0; i < count; ++i) {
      Instrument& x = md.instruments[i];
      x.symbol = ins["symbol"][i].get<std::string>();
      x.name = ins["name"][i].get<std::string>();
      const std::string kind = ins["kind"][i].get<std::string>();
      if (kind != "stock" && kind != "index")
        throw DataError(prefix + ": instrument '" + x.symbol + "': expected kind stock or index, got '" +
                        kind + "'");
      x.kind = kind == "stock" ? InstrumentKind::Stock : InstrumentKind::Index;
      x.board = board_from_name(ins["board"][i].get<std::string>());
      x.list_date = date_from_json(ins["list_date"][i], Date::min(), prefix + " list_date of " + x.symbol);
      x.delist_date =
          date_from_json(ins["delist_date"][i], Date::max(), prefix + " delist_date of " + x.symbol);
    }

    const json& frequencies = header.at("frequencies");
    decode_frequency(frequencies.at("1d"), Frequency::Daily, md.calendar, md.daily, prefix + " frequency 1d");
    if (frequencies.contains("60m")) {
      BarData hourly;
      decode_frequency(frequencies.at("60m"), Frequency::Min60, md.calendar, hourly,
                       prefix + " frequency 60m");
      md.hourly = std::move(hourly);
    }

    for (const json& entry : header.at("blocks")) {
      BlockEntry b;
      const std::string kind = entry.at("kind").get<std::string>();
      if (kind == "standard")
        b.kind = BlockKind::Standard;
      else if (kind == "extra")
        b.kind = BlockKind::Extra;
      else if (kind == "series")
        b.kind = BlockKind::Series;
      else
        throw DataError(prefix + ": unknown block kind '" + kind + "' (expected standard, extra or series)");
      b.name = entry.at("name").get<std::string>();
      if (b.kind != BlockKind::Series) {
        const auto f = parse_frequency(entry.at("frequency").get<std::string>());
        if (!f)
          throw DataError(prefix + ": block '" + b.name + "': unknown frequency " +
                          entry.at("frequency").dump());
        b.frequency = *f;
      }
      b.offset = static_cast<uint64_t>(count_from_json(entry.at("offset"), "block offset", INT64_MAX));
      b.rows = static_cast<int32_t>(count_from_json(entry.at("rows"), "block rows", INT32_MAX));
      b.cols = static_cast<int32_t>(count_from_json(entry.at("cols"), "block cols", INT32_MAX));
      if (count_from_json(entry.at("bytes"), "block bytes", INT64_MAX) != static_cast<int64_t>(b.bytes()))
        throw DataError(prefix + ": block " + b.label() + ": bytes do not match rows x cols x 4");
      b.checksum = checksum_from_hex(entry.at("checksum").get<std::string>(), prefix + " block " + b.label());
      out.blocks.push_back(std::move(b));
    }
  } catch (const json::exception& e) {
    throw DataError(prefix + ": malformed JSON header: " + e.what());
  } catch (const ConfigError& e) {  // parse_json_text, json_integer
    throw DataError(prefix + ": " + e.what());
  } catch (const DataError& e) {
    const std::string what = e.what();
    if (what.rfind(file.string(), 0) == 0) throw;
    throw DataError(prefix + ": " + what);
  }
  return out;
}

}  // namespace abt::dataset
