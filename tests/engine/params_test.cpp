#include <gtest/gtest.h>

#include "engine/core/error.hpp"
#include "engine/strategy/params.hpp"
#include "engine/strategy/registry.hpp"

namespace abt {
namespace {

struct SampleParams {
  int window = 20;
  double threshold = 0.1;
  std::string mode = "a";
  std::vector<std::string> symbols{"X"};
  bool enabled = false;
  std::vector<int> months;
  template <class V>
  void describe(V& v) {
    v("window", window, "bars", Check::at_least(2));
    v("threshold", threshold, "fraction", Check::range(0, 1));
    v("mode", mode, "mode", Check::one_of({"a", "b"}));
    v("symbols", symbols, "symbols");
    v("enabled", enabled, "switch");
    v("months", months, "months", Check::range(1, 12));
  }
  void validate(const std::string& path) const {
    if (mode == "b" && window > 100) throw ConfigError(path + ".window: mode b allows at most 100");
  }
};

std::string error_of(const nlohmann::json& j) {
  try {
    parse_params<SampleParams>(j, "strategy.params");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Params, DefaultsAndOverrides) {
  const auto p = parse_params<SampleParams>(
      nlohmann::json{{"window", 30}, {"symbols", "Y"}, {"months", {1, 4}}}, "strategy.params");
  EXPECT_EQ(p.window, 30);
  EXPECT_DOUBLE_EQ(p.threshold, 0.1);
  EXPECT_EQ(p.symbols, std::vector<std::string>{"Y"});
  EXPECT_EQ(p.months, (std::vector<int>{1, 4}));
  EXPECT_EQ(parse_params<SampleParams>(nullptr, "p").window, 20);
}

TEST(Params, ErrorsNameTheJsonPath) {
  EXPECT_EQ(error_of({{"windw", 3}}).rfind("strategy.params.windw: unknown parameter", 0), 0u)
      << error_of({{"windw", 3}});
  EXPECT_NE(error_of({{"window", "x"}}).find("strategy.params.window: expected an integer"),
            std::string::npos);
  EXPECT_EQ(error_of({{"window", 1}}),
            "strategy.params.window: expected an integer in [2, 2147483647], got 1");
  EXPECT_NE(error_of({{"mode", "c"}}).find("strategy.params.mode: 'c' is not allowed"), std::string::npos);
  EXPECT_NE(error_of({{"months", {0}}}).find("strategy.params.months[0]"), std::string::npos);
  EXPECT_NE(error_of({{"mode", "b"}, {"window", 200}}).find("mode b allows"), std::string::npos);
  EXPECT_NE(error_of(nlohmann::json::array()).find("expected an object"), std::string::npos);
}

TEST(Params, DescribeListsTypesAndDefaults) {
  const auto docs = describe_params<SampleParams>();
  ASSERT_EQ(docs.size(), 6u);
  EXPECT_EQ(docs[0].name, "window");
  EXPECT_EQ(docs[0].type, "int");
  EXPECT_EQ(docs[0].default_value, 20);
  EXPECT_EQ(docs[0].constraint, ">= 2");
  EXPECT_EQ(docs[1].constraint, "in [0, 1]");
  EXPECT_EQ(docs[2].constraint, "one of a|b");
  EXPECT_EQ(docs[3].type, "string[]");
  EXPECT_EQ(params_to_json(SampleParams{})["threshold"], 0.1);
}

struct NoopStrategy : Strategy {
  using Params = SampleParams;
  explicit NoopStrategy(Params) {}
};

TEST(StrategyRegistry, FindsByNameAndRejectsUnknown) {
  StrategyRegistry r;
  r.add(make_strategy_info<NoopStrategy>("zeta", "z"));
  r.add(make_strategy_info<NoopStrategy>("alpha", "a"));
  EXPECT_EQ(r.all().front().name, "alpha");
  EXPECT_NE(r.get("zeta").create(nlohmann::json::object(), "strategy.params"), nullptr);
  EXPECT_EQ(r.get("alpha").resolve(nullptr, "p")["window"], 20);
  EXPECT_THROW(r.add(make_strategy_info<NoopStrategy>("alpha", "again")), ConfigError);
  try {
    r.get("beta");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "strategy.name: unknown strategy 'beta' (known: alpha, zeta)");
  }
}

}  // namespace
}  // namespace abt
