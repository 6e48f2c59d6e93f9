#include "strategies/target_weights/target_weights_strategy.hpp"

#include "engine/core/error.hpp"
#include "engine/core/input_file.hpp"

namespace abt {

void TargetWeightsStrategy::Params::validate(const std::string& path) const {
  if (file.empty()) throw ConfigError(path + ".file: required (a CSV of date,symbol,weight)");
}

TargetWeightsStrategy::TargetWeightsStrategy(Params params) : params_(std::move(params)) {}

void TargetWeightsStrategy::on_start(Context& ctx) {
  try {
    // One reader for every input file: a FIFO, a directory or a missing file is a clear error.
    const std::string text =
        read_input_file<ConfigError>(params_.file.value, "a weights CSV (date,symbol,weight)");
    table_ = parse_weights_table(
        text, params_.file.value, ctx.calendar(),
        [&ctx](std::string_view symbol) { return ctx.find_instrument(symbol); }, params_.tolerance);
  } catch (const ConfigError& e) {
    throw ConfigError(std::string("strategy.params.file: ") + e.what());
  }
  ctx.subscribe(Frequency::Daily);
  if (WarningLog* log = ctx.warnings())
    unused_ = log->declare("unused_weight_dates", params_.file.value,
                           "dates of the weights file outside the run (before its first or after its last "
                           "trading day) were not traded");
  weight_sum_ = ctx.declare_signal("weight_sum");
  names_ = ctx.declare_signal("names");
}

void TargetWeightsStrategy::on_bar(Context& ctx, Frequency frequency) {
  if (frequency != Frequency::Daily) return;
  const int32_t today = ctx.today_index();
  while (next_ < table_.days.size() && table_.days[next_] < today) {
    ++next_;  // only before the run's first day: later dates are traded on their own day
    ++before_start_;
  }
  if (before_start_ > 0 && ctx.warnings()) {
    ctx.warnings()->count(unused_, ctx.calendar().day(today), before_start_);
    before_start_ = 0;
  }
  if (next_ >= table_.days.size() || table_.days[next_] != today) return;
  const std::vector<WeightTarget>& targets = table_.targets[next_];
  double sum = 0;
  for (const WeightTarget& t : targets) sum += t.weight;
  ctx.target_weights(targets, /*exit_others=*/params_.absent == "zero");
  ctx.record(weight_sum_, sum);
  ctx.record(names_, static_cast<double>(targets.size()));
  ++next_;
}

void TargetWeightsStrategy::on_finish(Context& ctx) {
  const auto after_end = static_cast<int64_t>(table_.days.size() - next_);
  if (after_end > 0 && ctx.warnings())
    ctx.warnings()->count(unused_, ctx.calendar().day(ctx.today_index()), after_end);
}

}  // namespace abt
