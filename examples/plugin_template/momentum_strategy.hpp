#pragma once
// A complete out-of-tree strategy: every `rebalance` schedule, hold the `top` instruments of `symbols` with
// the highest `lookback`-day return of the adjusted close (equal weight); names without enough history are
// skipped. momentum_strategy.cpp registers it as "momentum"; momentum_test.cpp unit-tests it on a tiny
// market with abt's test kit.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/strategy/params.hpp"
#include "engine/strategy/schedule.hpp"
#include "engine/strategy/strategy.hpp"

namespace momentum {

class MomentumStrategy final : public abt::Strategy {
 public:
  struct Params {
    std::vector<std::string> symbols{"BROAD.IDX", "MAOTAI.IDX"};
    int lookback = 60;
    int top = 1;
    std::string rebalance = "month_start";

    template <class V>
    void describe(V& v) {
      v("symbols", symbols, "instruments to choose from");
      v("lookback", lookback, "return window in trading days", abt::Check::range(1, abt::kMaxWindow));
      v("top", top, "number of instruments held", abt::Check::range(1, abt::kMaxInstruments));
      v("rebalance", rebalance, "schedule: daily, every:N, weekly, biweekly, month_start, month_end");
    }
    void validate(const std::string& path) const {
      if (!abt::parse_schedule(rebalance))
        throw abt::ConfigError(path + ".rebalance: unknown schedule '" + rebalance + "'");
      if (top > static_cast<int>(symbols.size()))
        throw abt::ConfigError(path + ".top: more than the number of symbols");
    }
  };

  explicit MomentumStrategy(Params params) : params_(std::move(params)) {}

  void on_start(abt::Context& ctx) override {
    for (size_t k = 0; k < params_.symbols.size(); ++k) {
      const auto id = ctx.find_instrument(params_.symbols[k]);
      if (!id)
        throw abt::ConfigError("strategy.params.symbols[" + std::to_string(k) + "]: unknown instrument '" +
                               params_.symbols[k] + "'");
      ids_.push_back(*id);
    }
    close_ = ctx.field(abt::Frequency::Daily, "close");
    adj_ = ctx.field(abt::Frequency::Daily, "adj_factor");
    scores_.reserve(ids_.size());
    targets_.reserve(ids_.size());
    timer_ = ctx.schedule(*abt::parse_schedule(params_.rebalance));
  }

  void on_timer(abt::Context& ctx, abt::TimerId id) override {
    if (id != timer_) return;
    const abt::HistoryView closes = ctx.history(close_, params_.lookback + 1);
    const abt::HistoryView factors = ctx.history(adj_, params_.lookback + 1);
    if (closes.size() <= params_.lookback) return;
    scores_.clear();
    for (const abt::InstrumentId i : ids_) {
      const auto adjusted = [&](int32_t lag) {
        const float f = factors.at(lag, i);
        return double{closes.at(lag, i)} * (std::isnan(f) ? 1.0 : f);
      };
      const double ret = adjusted(0) / adjusted(params_.lookback) - 1.0;
      if (std::isfinite(ret)) scores_.push_back({ret, i});
    }
    std::sort(scores_.begin(), scores_.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    targets_.clear();
    const size_t n = std::min(scores_.size(), static_cast<size_t>(params_.top));
    for (size_t k = 0; k < n; ++k)
      targets_.push_back({scores_[k].second, 1.0 / static_cast<double>(params_.top)});
    ctx.target_weights(targets_, /*exit_others=*/true);
  }

 private:
  Params params_;
  std::vector<abt::InstrumentId> ids_;
  abt::DataHandle close_, adj_;
  abt::TimerId timer_ = -1;
  std::vector<std::pair<double, abt::InstrumentId>> scores_;
  std::vector<abt::WeightTarget> targets_;
};

}  // namespace momentum
