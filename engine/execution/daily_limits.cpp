#include "engine/execution/daily_limits.hpp"

#include "engine/execution/tick.hpp"

namespace abt {

DailyLimits::DailyLimits(const MarketData& data) : data_(data) {
  listing_index_.reserve(data.instruments.size());
  on_tick_.reserve(data.instruments.size());
  for (const Instrument& ins : data.instruments) {
    listing_index_.push_back(PriceLimitCalculator::listing_index(ins, data.calendar));
    on_tick_.push_back(trades_on_tick(ins) ? 1 : 0);
  }
}

LimitBand DailyLimits::band(InstrumentId id, int32_t day) const {
  if (on_tick_[id] == 0) return LimitBand{};
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
