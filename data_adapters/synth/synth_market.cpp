#include "data_adapters/synth/det_fp.hpp"
// (det_fp.hpp must come first)
#include "data_adapters/synth/synth_market.hpp"

#include <string_view>
#include "data_adapters/synth/factor_model.hpp"
#include "data_adapters/synth/index_builder.hpp"
#include "data_adapters/synth/stock_plan.hpp"
#include "data_adapters/synth/stock_simulator.hpp"
#include "data_adapters/synth/synth_calendar.hpp"
#include "data_adapters/synth/synth_panels.hpp"

#include "engine/core/error.hpp"
#include "engine/core/value_domain.hpp"

namespace abt {

std::string describe(const SynthConfig& config) {
  return "synthetic: stocks=" + std::to_string(config.stocks) + " seed=" + std::to_string(config.seed) + " " +
         config.start.to_string() + ".." + config.end.to_string() + (config.hourly ? " hourly" : "");
}

MarketData generate_synthetic_market(const SynthConfig& config) {
  require<ConfigError>(config.stocks >= 1 && config.stocks <= kMaxSynthStocks,
                       "synth.stocks: expected 1.." + std::to_string(kMaxSynthStocks) + ", got " +
                           std::to_string(config.stocks));
  require<ConfigError>(config.start <= config.end, "synth.start: must not be after synth.end");
  require<ConfigError>(config.start >= first_market_date() && config.end <= last_market_date() &&
                           config.end - config.start <= kMaxSynthDays,
                       "synth: expected a window within " + first_market_date().to_string() + " .. " +
                           last_market_date().to_string() + " of at most 30 years, got " +
                           config.start.to_string() + ".." + config.end.to_string());
  MarketData md;
  md.calendar = synth::make_exchange_calendar(config.start, config.end);
  require<ConfigError>(md.calendar.size() >= 2, "synth: the window " + config.start.to_string() + ".." +
                                                    config.end.to_string() +
                                                    " has fewer than 2 trading days");
  const int32_t days = md.calendar.size();
  const int32_t stocks = config.stocks;
  const int32_t cols = stocks + 2;

  const synth::FactorPaths factors = synth::generate_factor_paths(md.calendar, config.seed);
  const std::vector<synth::StockPlan> plans = synth::plan_stocks(config, md.calendar);
  synth::SynthPanels panels(days, cols, config.hourly);
  synth::StockSimulator simulator(md.calendar, factors, config.seed, panels);

  md.instruments.reserve(cols);
  for (int32_t i = 0; i < stocks; ++i) {
    const synth::StockPlan& plan = plans[i];
    const synth::StockOutcome outcome = simulator.run(plan, i);
    Instrument ins;
    ins.symbol = plan.symbol;
    ins.name = "SYN" + plan.symbol.substr(0, 6);
    ins.kind = InstrumentKind::Stock;
    ins.board = plan.board;
    ins.list_date = plan.list_date;
    ins.delist_date = outcome.delisted ? md.calendar.day(outcome.last_day) : Date::max();
    md.instruments.push_back(std::move(ins));
  }
  synth::build_index(panels, md.calendar, stocks, stocks, /*top_basket=*/false);
  synth::build_index(panels, md.calendar, stocks, stocks + 1, /*top_basket=*/true);
  for (const char* symbol : {kBroadIndexSymbol, kMaotaiIndexSymbol}) {
    Instrument ins;
    ins.symbol = symbol;
    ins.name = std::string_view(symbol) == kBroadIndexSymbol ? "Synthetic broad market index"
                                                             : "Synthetic Moutai-like index";
    ins.kind = InstrumentKind::Index;
    ins.board = Board::Index;
    ins.list_date = md.calendar.day(0);
    md.instruments.push_back(std::move(ins));
  }

  init_daily_layout(md.daily, md.calendar);
  for (int f = 0; f < kFieldCount; ++f) md.daily.fields[f] = md.adopt(std::move(panels.daily[f]), days, cols);
  if (config.hourly) {
    BarData hourly;
    init_hourly_layout(hourly, md.calendar);
    for (int f = 0; f < synth::kHourlyFieldCount; ++f)
      hourly.fields[f] = md.adopt(std::move(panels.hourly[f]), hourly.rows(), cols);
    md.hourly = std::move(hourly);
  }
  std::vector<float> yield(factors.yield_pct.begin(), factors.yield_pct.end());
  md.series[kTenYearYieldSeries] = md.adopt(std::move(yield), days, 1);
  md.source = describe(config);
  md.rebuild_symbol_index();
  md.fingerprint = compute_fingerprint(md);
  md.validate();
  return md;
}

}  // namespace abt
