// ExecutionSimulator::apply_risk_limits: the pre-trade limits of config.risk (engine/risk/risk_config.hpp)
// and the drawdown-stop halt, applied to a sized batch before lot rounding and admission.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/execution/execution_simulator.hpp"

namespace abt {

void ExecutionSimulator::apply_risk_limits(double nav, double holdings) {
  const RiskConfig& r = config_.risk;
  if (!halted_ && !r.has_pre_trade_limits()) return;
  auto entries = orders_.entries();
  // 1. Halt and blacklist refuse buys; max weight cuts them.
  for (Candidate& c : batch_) {
    if (c.change <= 0) continue;
    PendingOrder& e = entries[c.entry];
    const bool listed = !r.blacklist.empty() && r.blacklist[c.instrument] != 0;
    if (halted_ || listed) {
      c.change = 0;
      count_once(e, RejectReason::Risk);
      continue;
    }
    if (std::isfinite(r.max_weight)) {
      const Quantity current = portfolio_.quantity(c.instrument);
      const Quantity cap = lot_rules_[c.instrument].shares(r.max_weight * nav / c.price);
      if (current + c.change > cap) {
        c.change = std::max<Quantity>(0, cap - current);
        count_once(e, RejectReason::Risk);
      }
    }
  }
  // 2. Gross cap: holdings after the pass <= min(max_gross, 1 - cash_buffer) x NAV; buys scaled by one
  // factor.
  const double gross_cap = std::min(r.max_gross, 1.0 - r.cash_buffer);
  if (std::isfinite(gross_cap)) {
    double projected = holdings, buys = 0;
    for (const Candidate& c : batch_) {
      projected += c.change * c.price;
      if (c.change > 0) buys += c.change * c.price;
    }
    const double excess = projected - gross_cap * nav;
    if (excess > 1e-9 * nav && buys > 0) {
      const double factor = std::max(0.0, 1.0 - excess / buys);
      for (Candidate& c : batch_) {
        if (c.change <= 0) continue;
        c.change = lot_rules_[c.instrument].shares(c.change * factor);
        count_once(entries[c.entry], RejectReason::Risk);
      }
    }
  }
  // 3. Turnover cap per pass: every change scaled by one factor (towards zero).
  if (r.max_turnover > 0) {
    double traded = 0;
    for (const Candidate& c : batch_) traded += std::fabs(c.change) * c.price;
    if (traded > r.max_turnover * nav * (1 + 1e-12)) {
      const double factor = r.max_turnover * nav / traded;
      for (Candidate& c : batch_) {
        if (c.change == 0) continue;
        const Quantity scaled = lot_rules_[c.instrument].shares(std::fabs(c.change) * factor);
        c.change = c.change > 0 ? scaled : -scaled;
        count_once(entries[c.entry], RejectReason::Risk);
      }
    }
  }
}

}  // namespace abt
