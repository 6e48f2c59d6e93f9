// Pre-trade limits (max weight, blacklist, cash buffer / gross cap, turnover) and portfolio controls
// (drawdown stop, volatility targeting) on hand-computed tiny markets.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "scenario/script_strategy.hpp"

namespace abt::test {
namespace {

int64_t risk_rejects(const RunResult& r) {
  return r.rejects[static_cast<int>(RejectReason::Risk)];
}

MarketData two_stocks() {
  return TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04"})
      .stock("600000.SH", {bar(10, 10), bar(10, 10), bar(10, 10)})
      .stock("600001.SH", {bar(10, 10), bar(10, 10), bar(10, 10)})
      .build();
}

/// Targets the given weights of instruments 0 and 1 at day 0's close.
ScriptStrategy weights_at_day0(double w0, double w1) {
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [=](Context& c, Frequency) {
    if (c.today_index() != 0) return;
    const WeightTarget t[2] = {{0, w0}, {1, w1}};
    c.target_weights(t);
  };
  return s;
}

int64_t position_of(const RunResult& r, InstrumentId id) {
  int64_t q = 0;
  for (const Fill& f : r.fills)
    if (f.instrument == id) q += f.side == Side::Buy ? f.quantity : -f.quantity;
  return q;
}

TEST(RiskLimits, MaxWeightCutsABuy) {
  auto cfg = config_with(FillMode::NextOpen);
  cfg.risk.max_weight = 0.3;
  ScriptStrategy s = weights_at_day0(0.6, 0.2);
  const RunResult r = Backtest(two_stocks(), cfg).run(s);
  EXPECT_EQ(position_of(r, 0), 30000);  // 0.3 x 1,000,000 / 10
  EXPECT_EQ(position_of(r, 1), 20000);
  EXPECT_EQ(risk_rejects(r), 1);
}

TEST(RiskLimits, BlacklistRefusesBuys) {
  auto cfg = config_with(FillMode::NextOpen);
  cfg.risk.blacklist = {1, 0};  // instrument 0 blacklisted
  ScriptStrategy s = weights_at_day0(0.5, 0.5);
  const RunResult r = Backtest(two_stocks(), cfg).run(s);
  EXPECT_EQ(position_of(r, 0), 0);
  EXPECT_EQ(position_of(r, 1), 50000);
  EXPECT_EQ(risk_rejects(r), 1);
}

TEST(RiskLimits, CashBufferScalesBuysByOneFactor) {
  // Targets 0.5 + 0.5 would invest 1,000,000; the 20 % buffer caps holdings at 800,000: factor 0.8.
  auto cfg = config_with(FillMode::NextOpen);
  cfg.risk.cash_buffer = 0.2;
  ScriptStrategy s = weights_at_day0(0.5, 0.5);
  const RunResult r = Backtest(two_stocks(), cfg).run(s);
  EXPECT_EQ(position_of(r, 0), 40000);
  EXPECT_EQ(position_of(r, 1), 40000);
  EXPECT_EQ(risk_rejects(r), 2);
  EXPECT_DOUBLE_EQ(r.daily[1].cash, 200'000.0);
}

TEST(RiskLimits, TurnoverCapPerRebalance) {
  // 0.5 + 0.25 of NAV = 750,000 traded; cap 0.3 x NAV = 300,000: factor 0.4 -> 20,000 and 10,000 shares.
  auto cfg = config_with(FillMode::NextOpen);
  cfg.risk.max_turnover = 0.3;
  ScriptStrategy s = weights_at_day0(0.5, 0.25);
  const RunResult r = Backtest(two_stocks(), cfg).run(s);
  EXPECT_EQ(position_of(r, 0), 20000);
  EXPECT_EQ(position_of(r, 1), 10000);
  EXPECT_EQ(risk_rejects(r), 2);
}

TEST(DrawdownStop, FlattensBeyondTheThresholdAndReentersAfterNDays) {
  // Full position of 100,000 @ 10 on day 1; day 1 closes at 8.50: NAV 850,000 is 15 % below the peak
  // (threshold 10 %) -> sold at day 2's open 8.50; buys refused until day 1 + 3 = day 4; the strategy's
  // target (placed every close) is refused at day 3's open and fills at day 4's open: 850,000 / 8 = 106,250.
  const MarketData md =
      TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"})
          .stock("600000.SH", {bar(10, 10), bar(10, 8.5), bar(8.5, 8), bar(8, 8), bar(8, 8)})
          .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules = ExecutionRules::ideal();
  cfg.risk.drawdown_stop = 0.1;
  cfg.risk.reenter_after_days = 3;
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    const WeightTarget t{0, 1.0};
    c.target_weights({&t, 1});
  };
  const RunResult r = Backtest(md, cfg).run(s);
  ASSERT_EQ(r.fills.size(), 3u);
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_EQ(r.fills[1].time.to_string(), "2024-01-04 09:30");
  EXPECT_DOUBLE_EQ(r.fills[1].price, 8.5);
  EXPECT_EQ(r.fills[2].time.to_string(), "2024-01-08 09:30");
  EXPECT_EQ(r.fills[2].quantity, 106250);
  EXPECT_EQ(risk_rejects(r), 1);
  ASSERT_EQ(r.warnings.entries().size(), 2u);
  EXPECT_NE(r.warnings.entries()[0].message.find("drawdown stop"), std::string::npos);
}

TEST(VolTarget, ScalesTargetWeightsByTargetOverRealisedVolatility) {
  // Half the NAV in a stock: day 1 closes 11 (NAV 1,050,000, r = +5 %), day 2 closes 9.90 (NAV 995,000,
  // r = -5.2381 %). With a 2-day window the realised vol is the sample std of those two returns x sqrt(243);
  // the target 0.5 placed at day 2's close fills at day 3's open (10, NAV 1,000,000) scaled by 0.2 / vol
  // (fractional shares in the ideal profile: exactly, not floored).
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 11), bar(11, 9.9), bar(10, 10)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules = ExecutionRules::ideal();
  cfg.risk.vol_target = 0.2;
  cfg.risk.vol_window = 2;
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() != 0 && c.today_index() != 2) return;
    const WeightTarget t{0, 0.5};
    c.target_weights({&t, 1});
  };
  const RunResult r = Backtest(md, cfg).run(s);
  const double r1 = 0.05, r2 = 995'000.0 / 1'050'000.0 - 1.0, m = (r1 + r2) / 2;
  const double vol = std::sqrt(((r1 - m) * (r1 - m) + (r2 - m) * (r2 - m)) * 243.0);
  const double expected = 0.5 * (0.2 / vol) * 1'000'000.0 / 10.0;
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].quantity, 50000);  // day 0: no history yet, no scaling
  EXPECT_EQ(r.fills[1].side, Side::Sell);
  EXPECT_NEAR(50000 - r.fills[1].quantity, expected, 1e-9);
}

TEST(VolTarget, CovarianceModelUsesTheHoldingsTrailingReturns) {
  // Half the NAV in a stock whose adjusted closes go 10 -> 11 -> 9.90 (returns +10 %, -10 %). At day 3's
  // open the holding weighs w = 495,000 / 995,000; the 2-day sample variance of w x r is w^2 x 0.02, so the
  // estimate is w x sqrt(0.02 x 243) and the target 0.5 fills scaled by 0.2 / estimate.
  const MarketData md = TinyMarketBuilder({"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"})
                            .stock("600000.SH", {bar(10, 10), bar(10, 11), bar(11, 9.9), bar(10, 10)})
                            .build();
  auto cfg = config_with(FillMode::NextOpen);
  cfg.rules = ExecutionRules::ideal();
  cfg.risk.vol_target = 0.2;
  cfg.risk.vol_window = 2;
  cfg.risk.vol_model = RiskConfig::VolModel::Covariance;
  ScriptStrategy s;
  s.start = [](Context& c) { c.subscribe(Frequency::Daily); };
  s.bar = [](Context& c, Frequency) {
    if (c.today_index() != 0 && c.today_index() != 2) return;
    const WeightTarget t{0, 0.5};
    c.target_weights({&t, 1});
  };
  const RunResult r = Backtest(md, cfg).run(s);
  // The returns come from the stored float32 closes: 9.90f / 11 - 1 = -0.09999997 (the sample variance of
  // two returns is their squared difference / 2).
  const double r1 = 0.1, r2 = static_cast<double>(9.9f) / 11.0 - 1.0;
  const double w = 495'000.0 / 995'000.0, estimate = w * std::sqrt((r1 - r2) * (r1 - r2) / 2 * 243.0);
  const double expected = 0.5 * (0.2 / estimate) * 1'000'000.0 / 10.0;
  ASSERT_EQ(r.fills.size(), 2u);
  EXPECT_EQ(r.fills[0].quantity, 50000);
  EXPECT_NEAR(50000 - r.fills[1].quantity, expected, 1e-9);
}

}  // namespace
}  // namespace abt::test
