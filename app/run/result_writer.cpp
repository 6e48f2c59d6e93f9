#include "app/run/result_writer.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <future>

#include "app/run/number_format.hpp"
#include "app/run/output_dir.hpp"
#include "engine/analytics/round_trips.hpp"
#include "engine/data/content_hash.hpp"
#include "engine/execution/cost_model.hpp"

namespace abt {

namespace {
/// A quantity as JSON: an integer when whole (245100, as before fractional shares), else the double.
nlohmann::json quantity_json(Quantity q) {
  if (q == std::floor(q) && std::fabs(q) < 9e15) return static_cast<int64_t>(q);
  return q;
}
}  // namespace

nlohmann::json warnings_to_json(const WarningLog& log) {
  nlohmann::json out = nlohmann::json::array();
  for (const RunWarning& w : log.entries()) {
    nlohmann::json j = {{"kind", w.kind}, {"subject", w.subject}, {"message", w.message}, {"count", w.count}};
    if (w.dated()) {
      j["first"] = w.first.to_string();
      j["last"] = w.last.to_string();
    }
    if (w.by_year.size() > 1) {
      nlohmann::json years = nlohmann::json::object();
      for (const auto& [year, n] : w.by_year) years[std::to_string(year)] = n;
      j["by_year"] = years;
    }
    out.push_back(std::move(j));
  }
  return out;
}

std::string round_trips_csv(const RunOutput& output, const MarketData& data) {
  std::string out = "symbol,opened,closed,quantity,buy_price,sell_price,pnl,return\n";
  for (const RoundTrip& t : pair_round_trips(output.result.fills).trips) {
    const double notional = t.quantity * t.buy_price;
    out += data.instruments[static_cast<size_t>(t.instrument)].symbol + ',' + t.opened.to_string() + ',' +
           t.closed.to_string() + ',' + format_quantity(t.quantity) + ',' + format_fixed(t.buy_price, 4) +
           ',' + format_fixed(t.sell_price, 4) + ',' + format_fixed(t.pnl, 2) + ',' +
           (notional > 0 ? format_fixed(t.pnl / notional, 6) : std::string()) + '\n';
  }
  return out;
}

std::string signals_file_name(Frequency f) {
  return f == Frequency::Daily ? "signals.csv" : "signals_60m.csv";
}

std::string signals_csv(const SignalTable& signals, Frequency f) {
  if (signals.empty(f)) return {};
  std::string out = f == Frequency::Daily ? "date" : "datetime";
  std::vector<int32_t> columns;
  for (const SignalTable::Column& c : signals.columns())
    if (c.frequency == f) {
      out += ',' + c.name;
      columns.push_back(c.index);
    }
  out += '\n';
  const auto& stamps = signals.stamps(f);
  for (size_t r = 0; r < stamps.size(); ++r) {
    out += f == Frequency::Daily ? stamps[r].date().to_string() : stamps[r].to_string();
    for (const int32_t c : columns) {
      const double v = signals.value(f, static_cast<int32_t>(r), c);
      out += ',';
      if (std::isfinite(v)) out += format_fixed(v, 6);
    }
    out += '\n';
  }
  return out;
}

nlohmann::json files_document(const RunOutput& output) {
  nlohmann::json files = nlohmann::json::object();
  const SignalTable& signals = output.result.signals;
  for (const Frequency f : {Frequency::Daily, Frequency::Min60}) {
    if (signals.empty(f)) continue;
    nlohmann::json columns = nlohmann::json::array();
    for (const SignalTable::Column& c : signals.columns())
      if (c.frequency == f) {
        nlohmann::json col = {{"name", c.name}};
        if (!c.style.levels.empty()) col["levels"] = c.style.levels;
        columns.push_back(std::move(col));
      }
    files[signals_file_name(f)] = {{"frequency", std::string(frequency_name(f))}, {"columns", columns}};
  }
  return files;
}

nlohmann::json result_document(const RunOutput& output) {
  nlohmann::json rejects = nlohmann::json::object();
  for (int r = 0; r < kRejectReasonCount; ++r)
    rejects[std::string(reject_reason_name(static_cast<RejectReason>(r)))] = output.result.rejects[r];
  // Fees by item and what slippage cost, summed over every fill (CNY).
  double commission = 0, stamp_duty = 0, transfer_fee = 0, slippage = 0, total = 0;
  for (const Fill& f : output.result.fills) {
    commission += f.commission;
    stamp_duty += f.stamp_duty;
    transfer_fee += f.transfer_fee;
    slippage += f.slippage;
    total += f.cost;
  }
  const nlohmann::json costs = {{"total", round_to_fen(total)},
                                {"commission", round_to_fen(commission)},
                                {"stamp_duty", round_to_fen(stamp_duty)},
                                {"transfer_fee", round_to_fen(transfer_fee)},
                                {"slippage", round_to_fen(slippage)}};
  // Holdings liquidated at a delisting and what valuing them at the recovery price lost (CNY).
  nlohmann::json delisted = nlohmann::json::array();
  double delisting_loss = 0;
  for (const DelistingRecord& d : output.result.delistings) {
    delisting_loss += d.loss;
    delisted.push_back({{"symbol", d.symbol},
                        {"date", d.date.to_string()},
                        {"quantity", quantity_json(d.quantity)},
                        {"last_close", d.last_close},
                        {"recovery_price", d.recovery_price},
                        {"loss", round_to_fen(d.loss)}});
  }
  const nlohmann::json delistings = {{"count", output.result.delistings.size()},
                                     {"loss", round_to_fen(delisting_loss)},
                                     {"items", delisted}};
  if (output.tables_deferred)
    throw InternalError("result.json of a run whose return tables were not computed (complete_tables)");
  nlohmann::json doc = {{"abt_version", ABT_VERSION},
                        {"config", output.resolved_config},
                        {"data", output.data_info},
                        {"metrics", metrics_to_json(output.metrics)},
                        {"tables", tables_to_json(output.tables)},
                        {"costs", costs},
                        {"pnl",
                         {{"realized", round_to_fen(output.result.realized_pnl)},
                          {"unrealized", round_to_fen(output.result.unrealized_pnl)}}},
                        {"rejected_orders", rejects},
                        {"delistings", delistings},
                        {"warnings", warnings_to_json(output.result.warnings)},
                        {"files", files_document(output)}};
  if (!output.plugins.empty()) doc["plugins"] = output.plugins;
  return doc;
}

std::string equity_csv(const RunOutput& output) {
  const bool with_benchmark = !output.benchmark.empty();
  std::string out = "date,nav,cash,holdings_value,exposure,holdings,bought,sold,costs,turnover";
  out += with_benchmark ? ",benchmark\n" : "\n";
  const auto& daily = output.result.daily;
  for (size_t i = 0; i < daily.size(); ++i) {
    const DailyRecord& d = daily[i];
    out += d.date.to_string();
    out += ',' + format_fixed(d.nav, 2) + ',' + format_fixed(d.cash, 2) + ',' +
           format_fixed(d.holdings_value, 2) + ',' +
           format_fixed(d.nav > 0 ? d.holdings_value / d.nav : 0.0, 6) + ',' + std::to_string(d.holdings) +
           ',' + format_fixed(d.bought, 2) + ',' + format_fixed(d.sold, 2) + ',' + format_fixed(d.costs, 2) +
           ',' + format_fixed(d.nav > 0 ? (d.bought + d.sold) / d.nav : 0.0, 6);
    if (with_benchmark) out += ',' + format_fixed(output.benchmark[i + 1], 4);
    out += '\n';
  }
  return out;
}

std::string trades_csv(const RunOutput& output, const MarketData& data) {
  std::string out = "datetime,symbol,side,quantity,price,cost,commission,stamp_duty,transfer_fee,slippage\n";
  for (const Fill& f : output.result.fills) {
    out += f.time.to_string() + ',' + data.instruments[f.instrument].symbol + ',' +
           std::string(side_name(f.side)) + ',' + format_quantity(f.quantity) + ',' +
           format_fixed(f.price, 2) + ',' + format_fixed(f.cost, 2) + ',' + format_fixed(f.commission, 2) +
           ',' + format_fixed(f.stamp_duty, 2) + ',' + format_fixed(f.transfer_fee, 2) + ',' +
           format_fixed(f.slippage, 2) + '\n';
  }
  return out;
}

std::string positions_csv(const RunOutput& output, const MarketData& data) {
  std::string out = "date,symbol,quantity,price,value,weight,avg_cost,unrealized_pnl,realized_pnl\n";
  const auto& positions = output.result.positions;
  out.reserve(out.size() + positions.size() * 96);  // a typical row; avoids regrowing a large text
  size_t day = 0;
  const auto& daily = output.result.daily;
  Date row_date = Date::min();
  std::string date_text;  // the rows come grouped by date: format each date once
  for (const PositionRecord& p : positions) {
    while (day + 1 < daily.size() && daily[day].date < p.date) ++day;
    const double nav = day < daily.size() && daily[day].date == p.date ? daily[day].nav : 0.0;
    if (p.date != row_date || date_text.empty()) {
      row_date = p.date;
      date_text = p.date.to_string();
    }
    out += date_text;
    out += ',';
    out += data.instruments[p.instrument].symbol;
    out += ',';
    out += format_quantity(p.quantity);
    for (const auto& [value, decimals] :
         {std::pair{p.price, 2}, std::pair{p.value, 2}, std::pair{nav > 0 ? p.value / nav : 0.0, 6},
          std::pair{p.avg_cost, 4}, std::pair{p.unrealized_pnl, 2}, std::pair{p.realized_pnl, 2}}) {
      out += ',';
      append_fixed(out, value, decimals);
    }
    out += '\n';
  }
  return out;
}

std::string rejections_csv(const RunOutput& output, const MarketData& data) {
  std::string out = "datetime,symbol,reason\n";
  for (const Rejection& r : output.result.rejections)
    out += r.time.to_string() + ',' + data.instruments[r.instrument].symbol + ',' +
           std::string(reject_reason_name(r.reason)) + '\n';
  return out;
}

std::string trades_hash(std::string_view trades_csv_text) {
  ContentHash h;
  h.add_string(trades_csv_text);
  return h.hex();
}

std::vector<OutputFile> run_output_files(const RunOutput& output, const MarketData& data) {
  // positions.csv (the largest file: a row per position per day) is formatted on a second thread while the
  // others are; each file depends only on the output.
  std::future<std::string> positions =
      std::async(std::launch::async, [&] { return positions_csv(output, data); });
  std::vector<OutputFile> files;
  std::string trades = trades_csv(output, data);
  nlohmann::json doc = result_document(output);
  doc["trades_hash"] = trades_hash(trades);
  files.push_back({"equity.csv", equity_csv(output)});
  files.push_back({"trades.csv", std::move(trades)});
  files.push_back({"positions.csv", std::string()});
  const size_t positions_at = files.size() - 1;
  files.push_back({"rejections.csv", rejections_csv(output, data)});
  files.push_back({"round_trips.csv", round_trips_csv(output, data)});
  if (!output.members_csv.empty()) files.push_back({"members.csv", output.members_csv});
  for (const Frequency f : {Frequency::Daily, Frequency::Min60})
    if (!output.result.signals.empty(f))
      files.push_back({signals_file_name(f), signals_csv(output.result.signals, f)});
  files.push_back({"result.json", doc.dump(2) + "\n"});
  files[positions_at].content = positions.get();
  return files;
}

void write_output_files(const std::filesystem::path& dir, const std::vector<OutputFile>& files) {
  StagedDirectory staged(dir);
  for (const OutputFile& f : files) staged.write(f.name, f.content);
  staged.commit();
}

void write_run_outputs(const RunOutput& output, const MarketData& data, const std::filesystem::path& dir,
                       const std::vector<OutputFile>& extra) {
  std::vector<OutputFile> files = run_output_files(output, data);
  files.insert(files.end(), extra.begin(), extra.end());
  write_output_files(dir, files);
}

}  // namespace abt
