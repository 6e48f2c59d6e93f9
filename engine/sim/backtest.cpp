#include "engine/sim/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/execution/execution_simulator.hpp"
#include "engine/execution/tick.hpp"
#include "engine/portfolio/portfolio.hpp"
#include "engine/risk/holdings_volatility.hpp"
#include "engine/sim/engine_context.hpp"
#include "engine/sim/strategy_call.hpp"
#include "engine/sim/timer_set.hpp"

namespace abt {

namespace {

/// Trading days without any price up to the end of the data after which a holding without a delist date
/// is treated as delisted (about one month).
constexpr int32_t kStoppedDays = 20;

struct DayRange {
  int32_t first = 0;
  int32_t last = -1;
};

DayRange resolve_days(const MarketData& data, const BacktestConfig& config) {
  const TradingCalendar& cal = data.calendar;
  DayRange r{cal.lower_bound(config.start), cal.last_on_or_before(config.end)};
  require(r.first <= r.last && r.first < cal.size(), "backtest: no trading day between start " +
                                                         config.start.to_string() + " and end " +
                                                         config.end.to_string() + " in the calendar");
  return r;
}

/// Open (start) time of a bar stamped at its close: 09:30 for daily bars; 09:30/10:30/13:00/14:00 for the
/// hourly bars ending 10:30/11:30/14:00/15:00 (other stamps: one hour before the close).
Timestamp bar_open_time(Frequency f, Timestamp close) {
  const Date d = close.date();
  if (f == Frequency::Daily) return Timestamp::of(d, 9, 30);
  const int slot = hourly_slot_of(close.minute_of_day());
  if (slot < 0) return Timestamp{close.minutes - 60};
  return Timestamp::of(d, kHourlyBarStart[slot] / 60, kHourlyBarStart[slot] % 60);
}

/// adj_t / adj_{t-1} from float32 factors, rounded to 7 significant digits (what a float carries), so that
/// 1.05f / 1.0f = 1.04999995 gives 1.05 and 1000 shares become 1050, not 1049.
double factor_ratio(double today, double before) {
  const double raw = today / before;
  const double scale = std::pow(10.0, 6 - static_cast<int>(std::floor(std::log10(raw))));
  return std::round(raw * scale) / scale;
}

/// What a delisted holding is liquidated at: `recovery` x its last close, snapped half-up to the fen for
/// instruments on the tick (the last close itself when recovery is 1).
double delisting_price(double last_close, double recovery, bool on_tick) {
  if (recovery == 1.0) return last_close;
  const double price = recovery * last_close;
  return on_tick ? round_to_fen(price) : price;
}

/// Money for the warning lines, e.g. "9.50".
std::string format_cny(double cny) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", cny);
  return buf;
}

/// A plain number in its shortest form, e.g. "0.5".
std::string format_number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

/// The run's first row per frequency (the first day's daily row, its first hourly row).
std::array<int32_t, kFrequencyCount> first_rows(const MarketData& data, DayRange days) {
  std::array<int32_t, kFrequencyCount> rows{days.first, 0};
  if (data.hourly) rows[static_cast<int>(Frequency::Min60)] = data.hourly->day_begin[days.first];
  return rows;
}

/// One run: the state of the simulated account and the event loop over it (docs/event-ordering.md).
struct Backtest::Impl {
  Impl(const MarketData& d, const BacktestConfig& c, DayRange r)
      : data(d),
        config(c),
        days(r),
        portfolio(d.instrument_count(), c.initial_cash),
        simulator(d, c, portfolio, result),
        timers(d.calendar, r.first),
        context(d, c, clock, portfolio, simulator, timers, result.warnings, result.signals, first_rows(d, r)),
        exec(d.finest_frequency()),
        exec_bars(*d.bars(d.finest_frequency())) {
    scratch.reserve(static_cast<size_t>(d.instrument_count()));
    if (c.risk.vol_target > 0 && c.risk.vol_model == RiskConfig::VolModel::Covariance)
      holdings_vol.emplace(d.instrument_count(), c.risk.vol_window);
    last_priced.assign(static_cast<size_t>(d.instrument_count()), kNotScanned);
    result.daily.reserve(static_cast<size_t>(r.last - r.first + 1));
  }

  RunResult run(Strategy& s);
  /// call_strategy at the current simulated time.
  template <class Call>
  void guarded(const StrategyCallback& callback, const Call& call);
  void session_open(int32_t d);
  void bar_close(Frequency f, int32_t row);
  void fire_timers(int32_t d);
  void session_close(int32_t d);
  void after_strategy(bool session_open_event);
  void deliver_feedback();
  void apply_corporate_actions(int32_t d);
  void liquidate_delisted(int32_t d);
  void record_day(int32_t d);
  void risk_controls_open(int32_t d);
  void risk_controls_close(int32_t d);

  const MarketData& data;
  const BacktestConfig& config;
  DayRange days;
  RunResult result;
  Portfolio portfolio;
  ExecutionSimulator simulator;
  TimerSet timers;
  SimClock clock;
  EngineContext context;
  Frequency exec;
  const BarData& exec_bars;
  Strategy* strategy = nullptr;
  size_t fills_delivered = 0, rejections_delivered = 0;  // feedback handed to on_fill / on_reject so far
  std::vector<InstrumentId> scratch;                     // copy of the held list while holdings change
  // Per instrument: last calendar index with a daily close (-1: never priced), found on first use by
  // last_priced_day() (a backward scan of one column; only held instruments are ever asked).
  static constexpr int32_t kNotScanned = -2;
  std::vector<int32_t> last_priced;
  int32_t last_priced_day(InstrumentId id);
  std::optional<HoldingsVolatility> holdings_vol;  // vol targeting, covariance model
  double peak_nav = 0;                             // drawdown stop: running peak of closing NAV
  int32_t resume_day = -1;  // drawdown stop: calendar index at which buys resume (-1: not stopped)
  int32_t stop_day = -1;    // drawdown stop: calendar index of the close that triggered it
  std::vector<WeightTarget> stop_weights;  // holdings' weights when the stop triggered (for the re-entry)
  uint64_t orders_at_stop = 0;             // the strategy's order count then
  static constexpr int32_t kUntilSignal = std::numeric_limits<int32_t>::max();
  bool reentry_signal(int32_t d);
};

template <class Call>
void Backtest::Impl::guarded(const StrategyCallback& callback, const Call& call) {
  call_strategy(callback, clock.now, call);
}

RunResult Backtest::Impl::run(Strategy& s) {
  strategy = &s;
  // Before the first event the clock stands at the first day's open with nothing of that day closed.
  clock.day = days.first;
  clock.now = Timestamp::of(data.calendar.day(days.first), 9, 30);
  clock.cursor[static_cast<int>(Frequency::Daily)] = days.first - 1;
  if (data.hourly) clock.cursor[static_cast<int>(Frequency::Min60)] = data.hourly->day_begin[days.first] - 1;
  // Signal rows: the run's bars of each loaded frequency.
  for (int f = 0; f < kFrequencyCount; ++f) {
    const BarData* bars = data.bars(static_cast<Frequency>(f));
    if (!bars) continue;
    const int32_t begin = bars->day_begin[days.first], end = bars->day_begin[days.last + 1];
    result.signals.set_rows(static_cast<Frequency>(f),
                            std::vector<Timestamp>(bars->stamps.begin() + begin, bars->stamps.begin() + end));
  }
  guarded({"on_start"}, [&] { strategy->on_start(context); });
  for (int32_t d = days.first; d <= days.last; ++d) {
    session_open(d);
    if (data.hourly)
      for (int32_t r = data.hourly->day_begin[d]; r < data.hourly->day_begin[d + 1]; ++r)
        bar_close(Frequency::Min60, r);
    bar_close(Frequency::Daily, d);
    fire_timers(d);
    session_close(d);
    if (config.on_day_done) config.on_day_done(d - days.first + 1, days.last - days.first + 1);
  }
  guarded({"on_finish"}, [&] { strategy->on_finish(context); });
  for (InstrumentId id = 0; id < data.instrument_count(); ++id) {
    result.realized_pnl += portfolio.position(id).realized_pnl;
    result.unrealized_pnl += portfolio.unrealized_pnl(id);
  }
  return std::move(result);
}

void Backtest::Impl::session_open(int32_t d) {
  const Date day = data.calendar.day(d);
  clock.day = d;
  clock.now = Timestamp::of(day, 9, 30);
  simulator.day_totals() = DayTotals{};
  portfolio.reset_sellable();
  apply_corporate_actions(d);
  liquidate_delisted(d);
  risk_controls_open(d);
  // (1) fills: NextOpen orders eligible at the day's first execution bar fill at its open (09:30).
  const int32_t first_row = exec_bars.day_begin[d];
  if (config.fill == FillMode::NextOpen && first_row < exec_bars.day_begin[d + 1] &&
      simulator.has_eligible(first_row))
    simulator.execute(
        FillPoint{first_row, PriceKind::Open, bar_open_time(exec, exec_bars.stamps[first_row])});
  // (2) marks: no new close at the open; holdings stay at their last close (or ex-rights reference price).
  // (3) cursors: nothing of today has closed.
  clock.cursor[static_cast<int>(Frequency::Daily)] = d - 1;
  if (data.hourly) clock.cursor[static_cast<int>(Frequency::Min60)] = data.hourly->day_begin[d] - 1;
  // (4) strategy: the pass's fills and rejections (and liquidations), then the event.
  deliver_feedback();
  guarded({"on_session_open"}, [&] { strategy->on_session_open(context); });
  after_strategy(true);
  ++result.events;
}

void Backtest::Impl::bar_close(Frequency f, int32_t row) {
  const BarData& bars = *data.bars(f);
  clock.now = bars.stamps[row];
  // (1) fills at this bar of the execution frequency: its open (NextOpen, stamped at the bar's open), its
  // close (Close, NextClose) or its VWAP proxy (NextBarVwap), both stamped at the bar's close.
  if (f == exec && simulator.has_eligible(row)) {
    if (config.fill == FillMode::NextOpen)
      simulator.execute(FillPoint{row, PriceKind::Open, bar_open_time(f, bars.stamps[row])});
    else if (config.fill == FillMode::NextBarVwap)
      simulator.execute(FillPoint{row, PriceKind::Vwap, bars.stamps[row]});
    else
      simulator.execute(FillPoint{row, PriceKind::Close, bars.stamps[row]});
  }
  // (2) marks: held instruments at this bar's close (suspended ones keep their last mark).
  const Panel& close = bars.field(Field::Close);
  for (InstrumentId id : portfolio.held())
    portfolio.set_mark(id, to_trade_price(close(row, id), trades_on_tick(data.instruments[id])));
  // (3) history cursor.
  clock.cursor[static_cast<int>(f)] = row;
  // (4) strategy: the pass's fills and rejections, then the bar.
  deliver_feedback();
  if (context.subscribed(f)) {
    guarded({"on_bar", f}, [&] { strategy->on_bar(context, f); });
    after_strategy(false);
  }
  ++result.events;
  result.bars += data.instrument_count();
}

void Backtest::Impl::fire_timers(int32_t d) {
  clock.now = Timestamp::of(data.calendar.day(d), 15, 0);
  for (TimerId id = 0; id < timers.size(); ++id) {
    if (!timers.due(id, d)) continue;
    // (1)-(3): no new bar at a timer; fills, marks and cursors are those of the daily close.
    guarded({"on_timer", std::nullopt, id}, [&] { strategy->on_timer(context, id); });
    after_strategy(false);
    ++result.events;
  }
}

void Backtest::Impl::session_close(int32_t d) {
  clock.now = Timestamp::of(data.calendar.day(d), 15, 0);
  guarded({"on_session_close"}, [&] { strategy->on_session_close(context); });
  after_strategy(false);
  ++result.events;
  record_day(d);
  risk_controls_close(d);
}

void Backtest::Impl::risk_controls_open(int32_t d) {
  const RiskConfig& risk = config.risk;
  if (resume_day >= 0 && d >= resume_day) {
    resume_day = -1;
    simulator.set_halted(false);
    peak_nav = portfolio.nav();
    // Re-enter: the weights of the stop day, unless the strategy has ordered since (its orders re-enter).
    const bool restore = risk.restore_on_reentry && context.orders_placed() == orders_at_stop;
    if (restore) {
      const int32_t eligible = clock.cursor[static_cast<int>(exec)] + 1;
      for (const WeightTarget& w : stop_weights)
        simulator.orders().add(OrderIntent{w.instrument, OrderKind::TargetWeight, w.weight, clock.now, 0},
                               eligible);
    }
    result.warnings.event(
        "drawdown_stop", "",
        clock.now.to_string() + ": drawdown stop lifted; buys allowed again" +
            (restore ? "; re-entering the holdings of " + data.calendar.day(stop_day).to_string()
                     : std::string()),
        clock.now.date());
  }
  // Volatility targeting from the trailing daily NAV returns recorded so far (no allocation).
  if (risk.vol_target > 0) {
    const auto n = static_cast<int64_t>(result.daily.size());
    double scale = 1.0;
    if (holdings_vol) {
      const double realised = holdings_vol->annualised(data, portfolio, d, risk.days_per_year);
      if (realised > 0) scale = std::min(1.0, risk.vol_target / realised);
    } else if (n >= risk.vol_window && risk.vol_window >= 2) {
      double sum = 0, sum_sq = 0;
      for (int64_t i = n - risk.vol_window; i < n; ++i) {
        const double before = i > 0 ? result.daily[i - 1].nav : config.initial_cash;
        const double r = before > 0 ? result.daily[i].nav / before - 1.0 : 0.0;
        sum += r;
        sum_sq += r * r;
      }
      const double w = risk.vol_window;
      const double var = std::max(0.0, (sum_sq - sum * sum / w) / (w - 1));
      const double realised = std::sqrt(var * risk.days_per_year);
      if (realised > 0) scale = std::min(1.0, risk.vol_target / realised);
    }
    simulator.set_weight_scale(scale);
  }
}

bool Backtest::Impl::reentry_signal(int32_t d) {
  const RiskConfig& risk = config.risk;
  switch (risk.reenter_on) {
    case RiskConfig::Reentry::Days:
      return false;
    case RiskConfig::Reentry::Strategy:
      return context.take_reentry_request();
    case RiskConfig::Reentry::BenchmarkAboveSma: {
      // Closes of days d - reenter_sma + 1 .. d only.
      const int32_t n = risk.reenter_sma;
      if (d <= stop_day || d + 1 < n || static_cast<size_t>(d) >= risk.reentry_benchmark.size()) return false;
      double sum = 0;
      for (int32_t t = d - n + 1; t <= d; ++t) sum += risk.reentry_benchmark[static_cast<size_t>(t)];
      const double close = risk.reentry_benchmark[static_cast<size_t>(d)];
      return std::isfinite(sum) && close > sum / n;
    }
  }
  return false;
}

void Backtest::Impl::risk_controls_close(int32_t d) {
  const RiskConfig& risk = config.risk;
  if (!(risk.drawdown_stop > 0)) return;
  if (resume_day >= 0) {
    if (resume_day == kUntilSignal && reentry_signal(d)) {
      resume_day = d + 1;
      result.warnings.event("drawdown_stop", "",
                            clock.now.to_string() + ": drawdown stop: re-entry signal; buys resume on " +
                                (resume_day < data.calendar.size() ? data.calendar.day(resume_day).to_string()
                                                                   : std::string("(after the data)")),
                            clock.now.date());
    }
    return;
  }
  const double nav = portfolio.nav();
  peak_nav = std::max(peak_nav, nav);
  if (!(nav < peak_nav * (1.0 - risk.drawdown_stop))) return;
  // Flatten at the next fill and refuse buys until the re-entry rule lifts the stop.
  stop_day = d;
  resume_day = risk.reenter_on == RiskConfig::Reentry::Days ? d + risk.reenter_after_days : kUntilSignal;
  context.take_reentry_request();  // only requests after the stop count
  orders_at_stop = context.orders_placed();
  stop_weights.clear();
  for (InstrumentId id : portfolio.held())
    stop_weights.push_back(
        WeightTarget{id, nav > 0 ? portfolio.quantity(id) * portfolio.mark(id) / nav : 0.0});
  simulator.set_halted(true);
  const int32_t eligible = clock.cursor[static_cast<int>(exec)] + 1;
  for (InstrumentId id : portfolio.held())
    simulator.orders().add(OrderIntent{id, OrderKind::TargetWeight, 0.0, clock.now, 0}, eligible);
  result.warnings.event(
      "drawdown_stop", "",
      clock.now.to_string() + ": drawdown stop: NAV " + std::to_string(nav) + " is more than " +
          std::to_string(risk.drawdown_stop * 100) + " % below its peak " + std::to_string(peak_nav) +
          "; flattening, buys resume " +
          (resume_day == kUntilSignal          ? std::string("on the re-entry signal")
           : resume_day < data.calendar.size() ? "on " + data.calendar.day(resume_day).to_string()
                                               : std::string("after the data")),
      clock.now.date());
}

void Backtest::Impl::after_strategy(bool session_open_event) {
  // Close mode: orders placed by this call fill at the close of the latest closed execution bar. At
  // SessionOpen that bar is the previous day's; the fill is stamped 09:30 (now) as it cannot happen earlier.
  if (config.fill != FillMode::Close) return;
  const int32_t row = clock.cursor[static_cast<int>(exec)];
  if (row < 0 || !simulator.has_eligible(row)) return;
  simulator.execute(FillPoint{row, PriceKind::Close, session_open_event ? clock.now : exec_bars.stamps[row]});
  deliver_feedback();  // orders placed in on_fill / on_reject fill at the next pass
}

void Backtest::Impl::deliver_feedback() {
  // By index: the callbacks may not fill anything synchronously, but copies keep references out of vectors.
  while (fills_delivered < result.fills.size()) {
    const Fill fill = result.fills[fills_delivered++];
    guarded({"on_fill"}, [&] { strategy->on_fill(context, fill); });
  }
  while (rejections_delivered < result.rejections.size()) {
    const Rejection rejection = result.rejections[rejections_delivered++];
    guarded({"on_reject"}, [&] { strategy->on_reject(context, rejection); });
  }
}

void Backtest::Impl::apply_corporate_actions(int32_t d) {
  if (d == 0 || !data.daily.has(Field::AdjFactor)) return;
  const Panel& adj = data.daily.field(Field::AdjFactor);
  const Panel* pre_close = data.daily.has(Field::PreClose) ? &data.daily.field(Field::PreClose) : nullptr;
  scratch.assign(portfolio.held().begin(), portfolio.held().end());
  for (InstrumentId id : scratch) {
    const double today = adj(d, id);
    if (!(today > 0)) continue;  // no factor today (suspended without data): compare on the next trading day
    double before = std::nan("");
    for (int32_t k = d - 1; k >= 0 && !(before > 0); --k) before = adj(k, id);
    if (!(before > 0) || today == before) continue;
    const double ratio = factor_ratio(today, before);
    // The remainder is paid at the day's PreClose (the exchange's ex-rights reference price, on the tick);
    // without one, at the reference implied by the factors.
    double ref = pre_close ? static_cast<double>((*pre_close)(d, id)) : std::nan("");
    if (!(ref > 0)) ref = portfolio.mark(id) / ratio;
    portfolio.apply_share_ratio(id, ratio, ref, !simulator.lot_rule(id).fractional());
  }
}

int32_t Backtest::Impl::last_priced_day(InstrumentId id) {
  int32_t& last = last_priced[id];
  if (last == kNotScanned) {
    const Panel& close = data.daily.field(Field::Close);
    last = data.calendar.size() - 1;
    while (last >= 0 && std::isnan(close(last, id))) --last;
  }
  return last;
}

void Backtest::Impl::liquidate_delisted(int32_t d) {
  const Date day = data.calendar.day(d);
  scratch.assign(portfolio.held().begin(), portfolio.held().end());
  for (InstrumentId id : scratch) {
    const Instrument& ins = data.instruments[id];
    const bool delisted = ins.delist_date < day;
    // Prices that stop for good: before a known delist date (the data lacks the last trading days), or,
    // without a delist date, when the data then has no price for kStoppedDays or more trading days up to
    // its end (a short gap at the end of the data is read as a suspension, the holding keeps its mark).
    const int32_t last = last_priced_day(id);
    const bool gap_to_end = data.calendar.size() - 1 - last >= kStoppedDays;
    const bool prices_stopped = !delisted && d > last && (ins.delist_date != Date::max() || gap_to_end);
    if (!delisted && !prices_stopped) continue;
    const Quantity quantity = portfolio.quantity(id);
    const double last_close = portfolio.mark(id);
    const double recovery = config.rules.delisting_recovery;
    const double price = delisting_price(last_close, recovery, trades_on_tick(ins));
    const double loss = quantity * (last_close - price);
    simulator.liquidate(id, price, clock.now);
    result.delistings.push_back(DelistingRecord{day, id, ins.symbol, quantity, last_close, price, loss});
    const std::string why = delisted
                                ? "delisted (last trading day " + ins.delist_date.to_string() + ")"
                                : "has no prices after " + data.calendar.day(last).to_string() +
                                      (ins.delist_date == Date::max()
                                           ? " and no delist date"
                                           : " although its delist date is " + ins.delist_date.to_string()) +
                                      "; treated as delisted";
    const std::string at = recovery == 1.0
                               ? "at its last close " + format_cny(last_close)
                               : "at the recovery price " + format_cny(price) + " (" +
                                     format_number(recovery) + " x its last close " + format_cny(last_close) +
                                     "): a loss of " + format_cny(loss) + " CNY";
    result.warnings.event("delisted", ins.symbol,
                          clock.now.to_string() + ": " + ins.symbol + " " + why + "; liquidated " +
                              format_quantity(quantity) + " shares without costs " + at,
                          day);
  }
}

void Backtest::Impl::record_day(int32_t d) {
  const Date day = data.calendar.day(d);
  const DayTotals& totals = simulator.day_totals();
  const double cash = portfolio.cash(), holdings = portfolio.holdings_value(), nav = portfolio.nav();
  const double recomputed = portfolio.recompute_holdings_value();
  if (!(cash >= -1e-6) || !(std::fabs(cash + recomputed - nav) < 1e-6 * std::max(1.0, nav)))
    throw InternalError("invariant violated on " + day.to_string() + ": cash " + std::to_string(cash) +
                        " + holdings " + std::to_string(recomputed) + " != nav " + std::to_string(nav) +
                        " (or cash < 0)");
  result.daily.push_back(DailyRecord{day, nav, cash, holdings, totals.bought, totals.sold, totals.costs,
                                     static_cast<int32_t>(portfolio.held().size())});
  for (InstrumentId id : portfolio.held()) {
    const double price = portfolio.mark(id);
    const Quantity q = portfolio.quantity(id);
    result.positions.push_back(PositionRecord{day, id, q, price, q * price, portfolio.position(id).avg_cost,
                                              portfolio.unrealized_pnl(id),
                                              portfolio.position(id).realized_pnl});
  }
}

Backtest::Backtest(const MarketData& data, BacktestConfig config) : data_(data), config_(std::move(config)) {
  require(config_.initial_cash >= 0,
          "backtest.initial_cash: expected >= 0, got " + std::to_string(config_.initial_cash));
  resolve_days(data_, config_);
}

Backtest::~Backtest() = default;

RunResult Backtest::run(Strategy& strategy) {
  Impl impl(data_, config_, resolve_days(data_, config_));
  return impl.run(strategy);
}

}  // namespace abt
