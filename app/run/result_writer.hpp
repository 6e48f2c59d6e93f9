#pragma once
// Writes a run's output directory, all or nothing (app/run/output_dir.hpp: the files are written into a
// staging directory that then replaces the directory as a whole):
//   result.json    abt_version, config (resolved), data, metrics, tables, costs, pnl, rejected_orders,
//                  delistings, warnings, files, plugins (only when plugins were loaded), trades_hash
//   equity.csv     date,nav,cash,holdings_value,exposure,holdings,bought,sold,costs,turnover[,benchmark]
//   trades.csv     datetime,symbol,side,quantity,price,cost (one row per fill)
//   positions.csv  date,symbol,quantity,price,value,weight,avg_cost,unrealized_pnl (end-of-day holdings)
//   rejections.csv datetime,symbol,reason (intents blocked, reduced or dropped)
//   round_trips.csv symbol,opened,closed,quantity,buy_price,sell_price,pnl,return
//   signals.csv    date,<recorded signals> (signals_60m.csv: datetime,...), when the strategy records any
// Every file is a pure function of config and data (byte-identical across runs); wall-clock timing is not in
// them (abt run adds it as timing.json).
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/run_output.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

/// result.json content without "trades_hash".
nlohmann::json result_document(const RunOutput& output);
/// result.json "warnings": [{"kind", "subject", "message", "count"[, "first", "last"][, "by_year"]}].
nlohmann::json warnings_to_json(const WarningLog& log);
std::string equity_csv(const RunOutput& output);
std::string trades_csv(const RunOutput& output, const MarketData& data);
std::string positions_csv(const RunOutput& output, const MarketData& data);
/// rejections.csv: datetime,symbol,reason, one row per intent and reason (RunResult::rejections).
std::string rejections_csv(const RunOutput& output, const MarketData& data);
/// round_trips.csv: symbol,opened,closed,quantity,buy_price,sell_price,pnl,return, one row per FIFO
/// round trip (round_trips.hpp; pnl net of the pro-rata fees, return = pnl / (quantity x buy_price)).
std::string round_trips_csv(const RunOutput& output, const MarketData& data);
/// signals.csv / signals_60m.csv: `date` (`datetime`), then one column per recorded signal of frequency f,
/// 6 decimals, empty where nothing was recorded; "" when the run recorded none.
std::string signals_csv(const SignalTable& signals, Frequency f);
std::string signals_file_name(Frequency f);
/// result.json "files": the recorded-signal files with their columns (and chart levels).
nlohmann::json files_document(const RunOutput& output);
/// A stable hash (hex) of a trades.csv text, for regression checks.
std::string trades_hash(std::string_view trades_csv_text);

/// One file of an output directory.
struct OutputFile {
  std::string name, content;
};
/// The files of a run's output directory in writing order, result.json last (signals files only when the
/// strategy recorded signals of that frequency).
std::vector<OutputFile> run_output_files(const RunOutput& output, const MarketData& data);

/// Writes `files` as the new version of `dir` (StagedDirectory, as write_run_outputs).
void write_output_files(const std::filesystem::path& dir, const std::vector<OutputFile>& files);

/// Writes run_output_files and `extra` (report.html, timing.json) as the new version of `dir`
/// (StagedDirectory: a reader sees the old directory or the complete new one; the caller holds dir's
/// OutputLock). Throws UserError naming the file or directory when it cannot.
void write_run_outputs(const RunOutput& output, const MarketData& data, const std::filesystem::path& dir,
                       const std::vector<OutputFile>& extra = {});

}  // namespace abt
