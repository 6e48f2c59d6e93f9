// A multi-stock run with random-walk prices, suspensions, a corporate action and costs: the daily invariant
// holds, the cash ledger reconciles with the fills, and two runs are identical.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "engine/execution/cost_model.hpp"
#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

constexpr int kStocks = 8;
constexpr int kDays = 60;

MarketData random_market() {
  std::vector<std::string> days;
  for (Date d = Date::from_ymd(2024, 1, 1); static_cast<int>(days.size()) < kDays; d = d + 1)
    if (d.weekday() < 5) days.push_back(d.to_string());
  TinyMarketBuilder builder(days);
  std::mt19937_64 rng(20240101);
  std::uniform_real_distribution<double> step(-0.04, 0.04);
  const char* symbols[kStocks] = {"600000.SH", "600001.SH", "000001.SZ", "000002.SZ",
                                  "300001.SZ", "688001.SH", "601000.SH", "002001.SZ"};
  for (int i = 0; i < kStocks; ++i) {
    std::vector<TinyBar> bars;
    std::vector<double> adj;
    double close = 5.0 + 3.0 * i;
    for (int t = 0; t < kDays; ++t) {
      const double open = std::round(close * (1 + step(rng) / 4) * 100) / 100;
      close = std::round(open * (1 + step(rng)) * 100) / 100;
      const bool halted = (i == 2 && t >= 10 && t < 15) || (i == 5 && t % 17 == 3);
      bars.push_back(halted ? suspended(bars.empty() ? open : bars.back().close) : bar(open, close));
      if (halted) close = bars.back().close;
      adj.push_back(i == 1 && t >= 30 ? 1.2 : 1.0);  // a 1.2 share ratio on day 30 for stock 1
    }
    builder.stock(symbols[i], bars, adj);
  }
  return builder.build();
}

/// Every 5 days: random weights over a random subset of names (seeded, so deterministic).
class RandomRebalancer final : public Strategy {
 public:
  void on_start(Context& c) override { c.schedule(Schedule::every_n_days(5)); }
  void on_timer(Context& c, TimerId) override {
    std::vector<WeightTarget> targets;
    double total = 0;
    for (InstrumentId i = 0; i < c.instrument_count(); ++i) {
      if (std::uniform_int_distribution<int>(0, 2)(rng_) == 0) continue;
      const double w = std::uniform_real_distribution<double>(0.05, 0.4)(rng_);
      targets.push_back({i, w});
      total += w;
    }
    // Sometimes over-invest (sum of weights 1.1) to exercise cash scaling.
    for (auto& t : targets) t.weight *= 1.1 / std::max(total, 1e-9);
    c.target_weights(targets);
    if (c.today_index() % 10 == 0) c.order_shares(0, 300);
  }

 private:
  std::mt19937_64 rng_{7};
};

RunResult run_once(const MarketData& md, FillMode fill) {
  auto cfg = config_with(fill, 1'000'000.0);
  cfg.costs = std::make_shared<FlatCostModel>(0.0013, QuoteBasis::RoundTrip);
  RandomRebalancer s;
  return Backtest(md, cfg).run(s);
}

TEST(RandomRun, InvariantHoldsEveryDayAndCashReconciles) {
  const MarketData md = random_market();
  for (FillMode fill : {FillMode::NextOpen, FillMode::Close}) {
    const RunResult r = run_once(md, fill);
    ASSERT_EQ(r.daily.size(), static_cast<size_t>(kDays));
    EXPECT_GT(r.fills.size(), 20u);
    double ledger = 1'000'000.0;
    size_t f = 0, p = 0;
    for (const DailyRecord& d : r.daily) {
      EXPECT_GE(d.cash, 0.0) << d.date.to_string();
      EXPECT_NEAR(d.cash + d.holdings_value, d.nav, 1e-6 * d.nav) << d.date.to_string();
      double bought = 0, sold = 0, costs = 0;
      for (; f < r.fills.size() && r.fills[f].time.date() <= d.date; ++f) {
        const Fill& x = r.fills[f];
        const double notional = static_cast<double>(x.quantity) * x.price;
        (x.side == Side::Buy ? bought : sold) += notional;
        costs += x.cost;
        ledger += (x.side == Side::Buy ? -notional : notional) - x.cost;
      }
      EXPECT_NEAR(bought, d.bought, 1e-6);
      EXPECT_NEAR(sold, d.sold, 1e-6);
      EXPECT_NEAR(costs, d.costs, 1e-9);
      double value = 0;
      int holdings = 0;
      for (; p < r.positions.size() && r.positions[p].date == d.date; ++p) {
        value += r.positions[p].value;
        ++holdings;
      }
      EXPECT_NEAR(value, d.holdings_value, 1e-6);
      EXPECT_EQ(holdings, d.holdings);
      // Cash moves only by fills, except the fractional-share payout of stock 1's action on day 30.
      if (d.date < md.calendar.day(30)) {
        EXPECT_NEAR(ledger, d.cash, 1e-6) << d.date.to_string();
      }
    }
    EXPECT_GT(r.rejects[static_cast<int>(RejectReason::Suspended)], 0);
    EXPECT_GT(r.rejects[static_cast<int>(RejectReason::Scaled)], 0);
  }
}

TEST(RandomRun, AllRulesItemisedCostsAndRiskLimitsKeepTheInvariantEveryDay) {
  // Every A-share rule, a participation cap, itemised fees with volume slippage, and pre-trade limits: the
  // engine checks cash >= 0 and cash + holdings = NAV every day (InternalError otherwise); here the ledger
  // of fills must also reconcile with the fee items.
  const MarketData md = random_market();
  for (FillMode fill : {FillMode::NextOpen, FillMode::Close, FillMode::NextClose, FillMode::NextBarVwap}) {
    auto cfg = config_with(fill, 1'000'000.0);
    cfg.rules.participation = 0.05;
    cfg.costs = make_cost_model(
        {{"model", "itemised"}, {"slippage", {{"model", "volume"}, {"bps", 5}, {"impact", 0.1}}}}, "costs");
    cfg.risk.max_weight = 0.3;
    cfg.risk.cash_buffer = 0.05;
    cfg.risk.max_turnover = 0.8;
    RandomRebalancer s;
    const RunResult r = Backtest(md, cfg).run(s);
    ASSERT_EQ(r.daily.size(), static_cast<size_t>(kDays));
    EXPECT_GT(r.fills.size(), 20u);
    for (const DailyRecord& d : r.daily) {
      EXPECT_GE(d.cash, 0.0);
      EXPECT_NEAR(d.cash + d.holdings_value, d.nav, 1e-6 * d.nav);
    }
    for (const Fill& f : r.fills) {
      EXPECT_NEAR(f.cost, f.commission + f.stamp_duty + f.transfer_fee, 1e-9);
      if (f.cost > 0) {
        EXPECT_GE(f.commission, 5.0);
      }
      EXPECT_GE(f.slippage, 0.0);
    }
    EXPECT_GT(r.rejects[static_cast<int>(RejectReason::Risk)], 0);
  }
}

TEST(RandomRun, TwoRunsAreIdentical) {
  const MarketData md = random_market();
  const RunResult a = run_once(md, FillMode::NextOpen), b = run_once(md, FillMode::NextOpen);
  ASSERT_EQ(a.fills.size(), b.fills.size());
  for (size_t i = 0; i < a.fills.size(); ++i) {
    EXPECT_EQ(a.fills[i].time, b.fills[i].time);
    EXPECT_EQ(a.fills[i].instrument, b.fills[i].instrument);
    EXPECT_EQ(a.fills[i].side, b.fills[i].side);
    EXPECT_EQ(a.fills[i].quantity, b.fills[i].quantity);
    EXPECT_EQ(a.fills[i].price, b.fills[i].price);
    EXPECT_EQ(a.fills[i].cost, b.fills[i].cost);
  }
  ASSERT_EQ(a.daily.size(), b.daily.size());
  for (size_t i = 0; i < a.daily.size(); ++i) {
    EXPECT_EQ(a.daily[i].nav, b.daily[i].nav);
    EXPECT_EQ(a.daily[i].cash, b.daily[i].cash);
    EXPECT_EQ(a.daily[i].costs, b.daily[i].costs);
    EXPECT_EQ(a.daily[i].holdings, b.daily[i].holdings);
  }
  EXPECT_EQ(a.rejects, b.rejects);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.bars, static_cast<int64_t>(kDays) * kStocks);
}

}  // namespace
}  // namespace abt::test
