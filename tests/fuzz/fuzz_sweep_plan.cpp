// A sweep plan as JSON text: grid, list or random (ranges over any numbers), applied to a base config; the
// first variants' configs are validated as `abt sweep` does before it runs anything.
#include "engine/core/json_text.hpp"
#include "app/run/run_config.hpp"
#include "app/run/sweep_plan.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  static const nlohmann::json base = nlohmann::json::parse(
      R"({"strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX"], "fast": 5, "slow": 20}},
          "costs": {"rate": 0.0013, "quote": "round_trip"}})");
  fuzz::expect_user_errors_only([&] {
    const SweepPlan plan =
        parse_sweep_plan(parse_json_text(fuzz::as_text(data, size), "plan.json"), "plan.json");
    for (size_t k = 0; k < std::min<size_t>(plan.variants.size(), 8); ++k) {
      const nlohmann::json config = apply_variant(base, plan.variants[k]);
      (void)config.dump();
      parse_run_config(config);
    }
    shard_slice(plan.variants, {1, 3});
  });
  return 0;
}
