#include "engine/execution/daily_limits.hpp"

#include "engine/execution/tick.hpp"

namespace abt {

DailyLimits::DailyLimits(const MarketData& data)
    : data_(data), listing_index_(data.instruments.size(), kNotYet), on_tick_(data.instruments.size(), -1) {}

int32_t DailyLimits::listing_index(InstrumentId id) const {
  int32_t& index = listing_index_[id];
  if (index == kNotYet) index = PriceLimitCalculator::listing_index(data_.instruments[id], data_.calendar);
  return index;
}

bool DailyLimits::on_tick(InstrumentId id) const {
  int8_t& known = on_tick_[id];
  if (known < 0) known = trades_on_tick(data_.instruments[id]) ? 1 : 0;
  return known == 1;
}

LimitBand DailyLimits::band(InstrumentId id, int32_t day) const {
  if (!on_tick(id)) return LimitBand{};
  const Instrument& ins = data_.instruments[id];
  const BarData& daily = data_.daily;
  double reference = daily.has(Field::PreClose) ? daily.field(Field::PreClose)(day, id) : NAN;
  const int32_t listing = listing_day(id, day);
  if (!(reference > 0) && listing > 1 && day > 0) reference = daily.field(Field::Close)(day - 1, id);
  const bool is_st = daily.has(Field::IsST) && daily.field(Field::IsST)(day, id) == kStatusSt;
  const LimitRule rule = PriceLimitCalculator::rule(ins, data_.calendar.day(day), listing, is_st);
  if (rule.limited && !(reference > 0) && listing == 1) {
    LimitBand sealed;  // a listing day without an issue price: no guessed band
    sealed.limited = true;
    sealed.assumed_sealed = true;
    return sealed;
  }
  return PriceLimitCalculator::band(rule, reference);
}

}  // namespace abt
