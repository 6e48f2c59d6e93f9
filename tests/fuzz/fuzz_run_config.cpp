// A run config as JSON text: parsed (depth, duplicate keys, numbers), validated (a vendor data spec too),
// and when valid run as a backtest on a small synthetic market, with the result document, summary and HTML
// report rendered. Every config value therefore reaches the engine code it configures.
#include "app/run/backtest_runner.hpp"
#include "app/run/html_report.hpp"
#include "app/run/result_writer.hpp"
#include "app/run/run_config.hpp"
#include "app/run/summary_table.hpp"
#include "data_adapters/import/source_import.hpp"
#include "engine/core/json_text.hpp"
#include "fuzz_support.hpp"
#include "fuzz_support_market.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace abt;
  const StrategyRegistry& registry = fuzz::builtin_registry();
  fuzz::expect_user_errors_only([&] {
    const nlohmann::json j = parse_json_text(fuzz::as_text(data, size), "fuzz.json");
    RunConfig rc = parse_run_config(j);
    // A vendor data spec is parsed (not imported: its paths would be read).
    if (rc.data.is_object() && rc.data.size() == 1 && is_source_format(rc.data.begin().key()) &&
        rc.data.begin().key() != "csv")
      (void)source_spec_json(parse_source_spec(rc.data.begin().key(), rc.data.begin().value(),
                                               "data." + rc.data.begin().key(), "cfg"))
          .dump();
    rc.data = nullptr;  // the harness's market, whatever the config names
    const RunOutput out = run_backtest(rc, fuzz::small_market(), registry);
    (void)result_document(out).dump();
    (void)format_summary(out);
    (void)html_report(out);
    (void)trades_csv(out, fuzz::small_market());
  });
  return 0;
}
