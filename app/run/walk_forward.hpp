#pragma once
// Walk-forward analysis of a sweep (docs/sweeps.md, "Walk-forward"): windows over the run's calendar; in
// each, the plan's variants run in-sample (the train span), the best by the rank metric (ties: the lowest
// variant index, as in sweep.csv) runs out-of-sample (the test span), and the out-of-sample segments chain
// into one equity curve, each segment starting with the previous segment's end NAV as its capital (the
// first with the config's capital).
//
// Windows: anchored at the run's first trading day S; window i trains on the trading days in
// [S + i*step, S + i*step + train) and tests on those in [S + i*step + train, S + i*step + train + test),
// cut at the run's last day; windows without a test day are not made. Spans are calendar spans: Ny
// (years), Nm (months), Nw (weeks), Nd (days); step defaults to test and must be at least test (test
// segments never overlap). Every run (in-sample and out-of-sample) sees the data before its start as
// history (docs/event-ordering.md), so indicators are warm on a segment's first day.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run/sweep_table.hpp"
#include "engine/analytics/performance_metrics.hpp"
#include "engine/core/time.hpp"
#include "engine/sim/run_result.hpp"

namespace abt {

struct CalendarSpan {
  int64_t count = 0;
  char unit = 'y';  // y, m, w, d
  std::string to_string() const { return std::to_string(count) + unit; }
};

struct WalkForwardSpec {
  CalendarSpan train, test, step;
};

/// "train=3y,test=1y[,step=1y]" (--walk-forward). Throws ConfigError naming `where`.
WalkForwardSpec parse_walk_forward(const std::string& text, const std::string& where = "--walk-forward");
/// {"train": "3y", "test": "1y"[, "step": "1y"]} (a plan's "walk_forward" block). Throws ConfigError naming
/// `where` and the key.
WalkForwardSpec parse_walk_forward(const nlohmann::json& block, const std::string& where);

/// `date` moved by `count` x span (months and years clamp the day to the month's length).
Date add_span(Date date, const CalendarSpan& span, int64_t count = 1);

struct WalkForwardWindow {
  int64_t index = 0;
  Date train_start, train_end, test_start, test_end;  // trading days, inclusive
};

/// The windows over `days` (the run's trading days, ascending). Throws ConfigError when there is none.
std::vector<WalkForwardWindow> walk_forward_windows(const WalkForwardSpec& spec,
                                                    const std::vector<Date>& days);

/// One window's outcome: every variant's in-sample row, the chosen one and its out-of-sample run.
struct WindowOutcome {
  WalkForwardWindow window;
  std::vector<SweepRow> in_sample;  // ranked best first
  std::optional<SweepRow> chosen;   // in_sample's best; none when no variant has a value of the rank metric
  double start_nav = 0;
  RunResult out_of_sample;               // empty without a choice
  std::vector<double> benchmark;         // its benchmark levels (base + one per day), or empty
  nlohmann::json out_of_sample_metrics;  // metrics_to_json of the segment alone
};

/// The chained out-of-sample result: the segments' daily records and fills in order, and the benchmark
/// levels (the first segment's base, then every segment's daily levels), with metrics over the whole chain.
struct ChainedResult {
  RunResult result;
  std::vector<double> benchmark;
  PerformanceMetrics metrics;
};
ChainedResult chain_segments(const std::vector<WindowOutcome>& windows, const MetricsOptions& options);

/// walk_forward.json: {"spec", "rank_by", "windows": [{index, train_start, train_end, test_start, test_end,
/// chosen: {id, index, overrides, in_sample}, start_nav, end_nav, out_of_sample: metrics, in_sample:
/// [{id, value}] best first}], "metrics": chained metrics, "equity": {"dates", "nav", "benchmark"}}.
nlohmann::json walk_forward_json(const WalkForwardSpec& spec, const std::string& rank_by,
                                 const std::vector<std::string>& paths,
                                 const std::vector<WindowOutcome>& windows, const ChainedResult& chained);
/// walk_forward.csv: window,train_start,train_end,test_start,test_end,variant,<each plan path>,
/// in_sample_<rank_by>,start_nav,end_nav,oos_total_return,oos_sharpe,oos_max_drawdown,oos_trades.
std::string walk_forward_csv(const nlohmann::json& doc, const std::vector<std::string>& paths);
/// The sweep.html section of a walk_forward.json document.
std::string walk_forward_html(const nlohmann::json& doc);

}  // namespace abt
