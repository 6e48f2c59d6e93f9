#pragma once
// The strategy the loader-test plugins register under their own names: buys one instrument on the first
// bar and holds it. What differs between those plugins is their entry points, not the strategy.
#include <string>

#include "engine/strategy/registry.hpp"

namespace abt::test_plugins {

class HoldStrategy final : public abt::Strategy {
 public:
  struct Params {
    std::string symbol = "BROAD.IDX";
    template <class V>
    void describe(V& v) {
      v("symbol", symbol, "instrument bought on the first bar and held");
    }
  };
  explicit HoldStrategy(Params p) : params_(std::move(p)) {}
  void on_start(abt::Context& ctx) override {
    const auto id = ctx.find_instrument(params_.symbol);
    if (!id) throw abt::ConfigError("strategy.params.symbol: unknown instrument '" + params_.symbol + "'");
    id_ = *id;
    ctx.subscribe(abt::Frequency::Daily);
  }
  void on_bar(abt::Context& ctx, abt::Frequency) override {
    if (done_) return;
    done_ = true;
    const abt::WeightTarget t{id_, 1.0};
    ctx.target_weights({&t, 1});
  }

 private:
  Params params_;
  abt::InstrumentId id_ = -1;
  bool done_ = false;
};

}  // namespace abt::test_plugins
