// A plugin as built against plugin ABI 3.0 (the previous minor): the entry points exactly as ABT_PLUGIN
// defined them then (abt_plugin_abi_version returning the major 3 and abt_plugin_register; no
// abt_plugin_abi_minor, no abt_plugin_info). The 3.1 host must load it as ABI 3.0, named after its file stem.
// Registers "plugin_hold_v30": buy and hold BROAD.IDX.
#include "engine/strategy/registry.hpp"

namespace {

class HoldV30 final : public abt::Strategy {
 public:
  struct Params {
    std::string symbol = "BROAD.IDX";
    template <class V>
    void describe(V& v) {
      v("symbol", symbol, "instrument bought on the first bar and held");
    }
  };
  explicit HoldV30(Params p) : params_(std::move(p)) {}
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

}  // namespace

// The ABI 3.0 entry points, spelled out (what ABT_PLUGIN expanded to before ABI 3.1).
extern "C" __attribute__((visibility("default"))) int abt_plugin_abi_version() {
  return 3;
}
extern "C" __attribute__((visibility("default"))) void abt_plugin_register(abt::StrategyRegistry* registry) {
  registry->add(abt::make_strategy_info<HoldV30>("plugin_hold_v30", "test plugin built for plugin ABI 3.0"));
}
