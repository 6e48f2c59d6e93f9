// A minimal plugin for the loader tests: registers "plugin_hold", which buys one instrument on the first bar,
// and declares its name and version (ABT_PLUGIN_INFO).
#include "engine/strategy/plugin_api.hpp"

namespace {

class PluginHold final : public abt::Strategy {
 public:
  struct Params {
    std::string symbol = "BROAD.IDX";
    template <class V>
    void describe(V& v) {
      v("symbol", symbol, "instrument bought on the first bar and held");
    }
  };
  explicit PluginHold(Params p) : params_(std::move(p)) {}
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

ABT_PLUGIN_INFO("test_plugin", "1.2.0")

ABT_PLUGIN(registry) {
  registry.add(
      abt::make_strategy_info<PluginHold>("plugin_hold", "test plugin: buy and hold one instrument"));
}
