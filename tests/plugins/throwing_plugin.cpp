// A plugin whose strategy fails on purpose, for the strategy-error tests: "plugin_throws" subscribes to daily
// bars and, at the `at_bar`-th daily bar (1-based), does what `fail` says:
//   "lag"          reads `window` bars of closes and then the value `window` bars back (one beyond the
//   window) "runtime"      throws std::runtime_error("boom") "start_config" throws ConfigError from on_start
//   instead (bad params: exit 2, not a strategy error)
#include <stdexcept>

#include "engine/core/error.hpp"
#include "engine/strategy/plugin_api.hpp"

namespace {

class PluginThrows final : public abt::Strategy {
 public:
  struct Params {
    std::string fail = "lag";
    int at_bar = 3;
    int window = 2;
    template <class V>
    void describe(V& v) {
      v("fail", fail, "how to fail", abt::Check::one_of({"lag", "runtime", "start_config"}));
      v("at_bar", at_bar, "the daily bar (1-based) at which to fail", abt::Check::at_least(1));
      v("window", window, "history length for the lag failure", abt::Check::at_least(1));
    }
  };
  explicit PluginThrows(Params p) : params_(std::move(p)) {}
  void on_start(abt::Context& ctx) override {
    if (params_.fail == "start_config")
      throw abt::ConfigError("strategy.params.fail: start_config rejects the run before it starts");
    close_ = ctx.field(abt::Frequency::Daily, "close");
    ctx.subscribe(abt::Frequency::Daily);
  }
  void on_bar(abt::Context& ctx, abt::Frequency) override {
    if (++bars_ != params_.at_bar) return;
    if (params_.fail == "runtime") throw std::runtime_error("boom");
    const abt::HistoryView closes = ctx.history(close_, params_.window);
    (void)closes.at(params_.window, 0);  // lag == window: one bar beyond the view
  }

 private:
  Params params_;
  abt::DataHandle close_;
  int bars_ = 0;
};

}  // namespace

ABT_PLUGIN_INFO("throwing_plugin", "0.1.0")

ABT_PLUGIN(registry) {
  registry.add(abt::make_strategy_info<PluginThrows>("plugin_throws", "test plugin: fails on purpose"));
}
