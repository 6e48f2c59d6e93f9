#include "strategies/indicators/macd.hpp"

namespace abt::ind {

Macd::Macd(int32_t fast, int32_t slow, int32_t signal, int32_t divergence_window)
    : slow_(slow),
      fast_ema_(fast),
      slow_ema_(slow),
      dea_(signal),
      prices_(divergence_window),
      difs_(divergence_window) {}

void Macd::push(double price) {
  const double prev_dif = dif_;
  const double prev_dea = dea_.value();
  fast_ema_.push(price);
  slow_ema_.push(price);
  dif_ = fast_ema_.value() - slow_ema_.value();
  dea_.push(dif_);
  ++count_;
  golden_ = death_ = top_divergence_ = false;
  // Only bars after the warm-up count for crosses and divergences.
  if (count_ > slow_) {
    golden_ = prev_dif <= prev_dea && dif_ > dea_.value();
    death_ = prev_dif >= prev_dea && dif_ < dea_.value();
    if (prices_.full()) {
      int32_t high_lag = 0;
      for (int32_t k = 1; k < prices_.size(); ++k)
        if (prices_.at(k) > prices_.at(high_lag)) high_lag = k;
      top_divergence_ = price > prices_.at(high_lag) && dif_ < difs_.at(high_lag);
    }
  }
  if (count_ >= slow_) {
    prices_.push(price);
    difs_.push(dif_);
  }
}

}  // namespace abt::ind
