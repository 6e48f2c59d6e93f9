// Sweep plans: grid order, explicit lists, seeded random sampling, shards, ranking.
#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/core/error.hpp"
#include "app/run/sweep_plan.hpp"
#include "app/run/sweep_table.hpp"

namespace abt {
namespace {

TEST(SweepPlan, GridIsTheCartesianProductLastPathFastest) {
  const auto plan = parse_sweep_plan(
      nlohmann::json::parse(R"({"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]})"),
      "g.json");
  EXPECT_EQ(plan.kind, "grid");
  ASSERT_EQ(plan.variants.size(), 6u);
  EXPECT_EQ(plan.variants[0].overrides,
            nlohmann::json::parse(R"({"strategy.params.fast": 3, "strategy.params.slow": 20})"));
  EXPECT_EQ(plan.variants[1].overrides,
            nlohmann::json::parse(R"({"strategy.params.fast": 3, "strategy.params.slow": 30})"));
  EXPECT_EQ(plan.variants[5].overrides,
            nlohmann::json::parse(R"({"strategy.params.fast": 8, "strategy.params.slow": 30})"));
  EXPECT_EQ(plan.variants[5].id, "v0005");
  EXPECT_EQ(plan.paths, (std::vector<std::string>{"strategy.params.fast", "strategy.params.slow"}));

  const nlohmann::json base = {
      {"strategy", {{"name", "dual_ma"}, {"params", {{"fast", 1}, {"symbols", {"A"}}}}}}};
  const nlohmann::json applied = apply_variant(base, plan.variants[3]);  // fast 5, slow 30
  EXPECT_EQ(applied["strategy"]["params"]["fast"], 5);
  EXPECT_EQ(applied["strategy"]["params"]["slow"], 30);
  EXPECT_EQ(applied["strategy"]["params"]["symbols"], nlohmann::json({"A"}));
}

TEST(SweepPlan, ListAndBadPlans) {
  const auto plan = parse_sweep_plan(
      nlohmann::json::parse(
          R"({"variants": [{"strategy.params.fast": 3}, {"costs.rate": 0, "strategy.params.fast": 4}]})"),
      "l.json");
  EXPECT_EQ(plan.kind, "list");
  ASSERT_EQ(plan.variants.size(), 2u);
  EXPECT_EQ(plan.paths, (std::vector<std::string>{"costs.rate", "strategy.params.fast"}));
  EXPECT_THROW(parse_sweep_plan(nlohmann::json::parse(R"({"a.b": []})"), "x"), ConfigError);
  EXPECT_THROW(parse_sweep_plan(nlohmann::json::parse(R"({"a.b": 3})"), "x"), ConfigError);
  EXPECT_THROW(parse_sweep_plan(nlohmann::json::parse(R"({"a..b": [1]})"), "x"), ConfigError);
  EXPECT_THROW(
      parse_sweep_plan(nlohmann::json::parse(R"({"random": {"n": 3, "params": {"a": [1, 2]}}})"), "x"),
      ConfigError);  // unseeded
  try {
    parse_sweep_plan(nlohmann::json::parse(R"({"variants": [{"a": 1}, 5]})"), "plan.json");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("plan.json: variants[1]"), std::string::npos) << e.what();
  }
}

TEST(SweepPlan, RandomSamplingIsSeededAndInRange) {
  const auto doc = nlohmann::json::parse(
      R"({"random": {"n": 200, "seed": 1, "params": {"p.int": [2, 5], "p.real": [0.5, 1.5], "p.pick": ["1d", "60m", "x"],
                                                     "p.two": {"choices": [7, 9]}}}})");
  const auto a = parse_sweep_plan(doc, "r"), b = parse_sweep_plan(doc, "r");
  ASSERT_EQ(a.variants.size(), 200u);
  std::set<int64_t> ints;
  std::set<std::string> picks;
  std::set<int> twos;
  for (size_t i = 0; i < a.variants.size(); ++i) {
    EXPECT_EQ(a.variants[i].overrides, b.variants[i].overrides);
    const auto& o = a.variants[i].overrides;
    ASSERT_TRUE(o["p.int"].is_number_integer());
    ints.insert(o["p.int"].get<int64_t>());
    const double real = o["p.real"].get<double>();
    EXPECT_GE(real, 0.5);
    EXPECT_LT(real, 1.5);
    picks.insert(o["p.pick"].get<std::string>());
    twos.insert(o["p.two"].get<int>());
  }
  EXPECT_EQ(ints, (std::set<int64_t>{2, 3, 4, 5}));  // inclusive integer range, all values drawn in 200
  EXPECT_EQ(picks.size(), 3u);
  EXPECT_EQ(twos, (std::set<int>{7, 9}));
  auto other = doc;
  other["random"]["seed"] = 2;
  EXPECT_NE(parse_sweep_plan(other, "r").variants[0].overrides, a.variants[0].overrides);
}

TEST(SweepPlan, ShardsPartitionThePlan) {
  EXPECT_EQ(parse_shard("1/4").index, 1);
  EXPECT_EQ(parse_shard("1/4").count, 4);
  for (const char* bad : {"4/4", "-1/2", "1", "a/b", "1/0", "1/2x"})
    EXPECT_THROW(parse_shard(bad), ConfigError) << bad;
  const auto plan = parse_sweep_plan(nlohmann::json::parse(R"({"a": [1, 2, 3, 4, 5, 6, 7]})"), "g");
  size_t total = 0;
  for (int64_t i = 0; i < 3; ++i) {
    const auto slice = shard_slice(plan.variants, {i, 3});
    for (const auto& v : slice) EXPECT_EQ(v.index % 3, i);
    total += slice.size();
  }
  EXPECT_EQ(total, 7u);

  ::setenv("SLURM_ARRAY_TASK_ID", "3", 1);
  ::setenv("SLURM_ARRAY_TASK_MIN", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
  EXPECT_EQ(shard_from_environment().index, 2);
  EXPECT_EQ(shard_from_environment().count, 4);
  ::unsetenv("SLURM_ARRAY_TASK_ID");
  ::unsetenv("SLURM_ARRAY_TASK_MIN");
  ::unsetenv("SLURM_ARRAY_TASK_COUNT");
  ::setenv("JOB_COMPLETION_INDEX", "1", 1);
  EXPECT_THROW(shard_from_environment(), ConfigError);  // no count
  ::setenv("ABT_SHARD_COUNT", "2", 1);
  EXPECT_EQ(shard_from_environment().index, 1);
  ::unsetenv("JOB_COMPLETION_INDEX");
  ::unsetenv("ABT_SHARD_COUNT");
  EXPECT_EQ(shard_from_environment().count, 1);
}

TEST(SweepTable, RankingDirectionErrorsAndTies) {
  auto row = [](int64_t index, nlohmann::json metrics, const std::string& status = "ok") {
    SweepRow r;
    r.variant.index = index;
    r.variant.id = "v" + std::to_string(index);
    r.metrics = std::move(metrics);
    r.status = status;
    return r;
  };
  const std::vector<SweepRow> rows = {
      row(0, {{"sharpe", 0.5}, {"max_drawdown", 0.3}}), row(1, nullptr, "error"),
      row(2, {{"sharpe", 0.9}, {"max_drawdown", 0.4}}), row(3, {{"sharpe", 0.5}, {"max_drawdown", 0.1}})};
  auto order = [](const std::vector<SweepRow>& ranked) {
    std::vector<int64_t> ids;
    for (const auto& r : ranked) ids.push_back(r.variant.index);
    return ids;
  };
  EXPECT_EQ(order(rank_rows(rows, "sharpe")), (std::vector<int64_t>{2, 0, 3, 1}));        // tie 0/3 by index
  EXPECT_EQ(order(rank_rows(rows, "max_drawdown")), (std::vector<int64_t>{3, 0, 2, 1}));  // lower is better
}

std::string plan_error(const std::string& text) {
  try {
    parse_sweep_plan(nlohmann::json::parse(text), "p.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(SweepPlan, IntegerRangesMaySpanAllOfInt64) {
  // hi - lo + 1 overflowed (and divided by zero: SIGFPE) for the full range.
  const auto plan = parse_sweep_plan(
      nlohmann::json::parse(
          R"({"random": {"n": 50, "seed": 3, "params": {"a": [-9223372036854775808, 9223372036854775807],
                                                      "b": [9223372036854775806, 9223372036854775807]}}})"),
      "p.json");
  ASSERT_EQ(plan.variants.size(), 50u);
  bool negative = false, positive = false;
  for (const SweepVariant& v : plan.variants) {
    ASSERT_TRUE(v.overrides["a"].is_number_integer());
    const int64_t a = v.overrides["a"].get<int64_t>(), b = v.overrides["b"].get<int64_t>();
    negative = negative || a < 0;
    positive = positive || a > 0;
    EXPECT_GE(b, 9223372036854775806);
  }
  EXPECT_TRUE(negative && positive);
  EXPECT_EQ(
      plan_error(R"({"random": {"n": 1, "seed": 1, "params": {"a": [0, 18446744073709551615]}}})"),
      "p.json: random.params.a[1]: expected an integer in [-9223372036854775808, 9223372036854775807], got "
      "18446744073709551615");
  EXPECT_EQ(plan_error(R"({"random": {"n": 1, "seed": 1, "params": {"a": [-1.7e308, 1.7e308]}}})"),
            "p.json: random.params.a: range [lo, hi] wider than the largest double (hi - lo overflows)");
}

TEST(SweepPlan, PlansAreBoundedBeforeAnyVariantIsBuilt) {
  EXPECT_EQ(plan_error(R"({"random": {"n": 1000000000000, "seed": 1, "params": {"a": [1, 2]}}})"),
            "p.json: random.n: expected an integer in [1, 100000], got 1000000000000");
  EXPECT_EQ(plan_error(R"({"random": {"n": 1e12, "seed": 1, "params": {"a": [1, 2]}}})"),
            "p.json: random.n: expected an integer in [1, 100000], got 1000000000000.0");
  // 10,000,000 variants (10 x 10 x 10 x 10 x 10 x 10 x 10): refused at once.
  std::string grid = "{";
  for (int k = 0; k < 7; ++k)
    grid += std::string(k ? "," : "") + "\"p" + std::to_string(k) + "\": [0,1,2,3,4,5,6,7,8,9]";
  grid += "}";
  EXPECT_EQ(plan_error(grid),
            "p.json: the grid has more than 100000 variants, the limit per plan (split the sweep into "
            "several plans)");
}

}  // namespace
}  // namespace abt
