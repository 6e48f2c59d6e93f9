#include "strategies/universe/basket_index.hpp"

#include <cmath>

#include "engine/core/error.hpp"
#include "strategies/common/optional_field.hpp"

namespace abt {

BasketIndex::BasketIndex(std::vector<InstrumentId> members, bool cap_weighted,
                         const TradingCalendar& calendar, double base)
    : members_(std::move(members)),
      cap_weighted_(cap_weighted),
      calendar_(calendar),
      base_(base),
      level_(std::nan("")),
      units_(members_.size(), 0.0),
      last_price_(members_.size(), std::nan("")),
      weights_(members_.size(), 0.0),
      levels_(static_cast<size_t>(calendar.size()), std::nan("")) {
  if (members_.empty()) throw ConfigError("basket index: expected at least one member");
}

bool BasketIndex::is_quarter_start(const TradingCalendar& calendar, int32_t day) {
  if (!calendar.is_first_of_month(day)) return false;
  const int month = calendar.day(day).month();
  return month == 1 || month == 4 || month == 7 || month == 10;
}

void BasketIndex::advance(int32_t day, std::span<const float> close, std::span<const float> adj,
                          std::span<const float> total_shares) {
  if (last_day_ >= 0 && day != last_day_ + 1)
    throw InternalError("BasketIndex::advance: days must be consecutive");
  const size_t n = members_.size();
  for (size_t k = 0; k < n; ++k) {
    const auto col = static_cast<size_t>(members_[k]);
    const double factor = adj.empty() || std::isnan(adj[col]) ? 1.0 : double{adj[col]};
    const double price = double{close[col]} * factor;
    if (std::isfinite(price) && price > 0) last_price_[k] = price;
  }
  const bool first = last_day_ < 0 || std::isnan(level_);
  if (!first) {
    double value = 0;
    for (size_t k = 0; k < n; ++k)
      if (units_[k] > 0) value += units_[k] * last_price_[k];
    level_ = value;
  } else {
    level_ = base_;
  }
  if (first || is_quarter_start(calendar_, day)) {
    double total = 0;
    for (size_t k = 0; k < n; ++k) {
      const auto col = static_cast<size_t>(members_[k]);
      double w = 0;
      if (!std::isnan(close[col]) && !std::isnan(last_price_[k])) {
        w = 1.0;
        if (cap_weighted_ && !total_shares.empty()) {
          const double cap = double{close[col]} * double{total_shares[col]};
          w = std::isfinite(cap) && cap > 0 ? cap : 0.0;
        }
      }
      weights_[k] = w;
      total += w;
    }
    for (size_t k = 0; k < n; ++k) {
      weights_[k] = total > 0 ? weights_[k] / total : 0.0;
      units_[k] = weights_[k] > 0 ? level_ * weights_[k] / last_price_[k] : 0.0;
    }
    if (total <= 0) level_ = first ? std::nan("") : level_;  // no member priced yet: start later
  } else if (level_ > 0) {
    for (size_t k = 0; k < n; ++k) weights_[k] = units_[k] * last_price_[k] / level_;
  }
  levels_[static_cast<size_t>(day)] = level_;
  last_day_ = day;
}

void BasketIndex::bind(Context& ctx) {
  close_ = ctx.field(Frequency::Daily, "close");
  // The basket reads members from the cross-section (Panel::row): derived instruments, appended beside the
  // stored columns, are not in it.
  for (const InstrumentId id : members_)
    if (id >= close_.panel->stored_cols())
      throw ConfigError("basket index: member '" + ctx.instrument(id).symbol +
                        "' is a derived instrument; a basket holds instruments of the data");
  has_adj_ = optional_daily_field(ctx, "adj_factor", adj_);
  has_shares_ = optional_daily_field(ctx, "total_shares", shares_);
  if (cap_weighted_ && !has_shares_)
    throw ConfigError("basket index: cap weighting needs a total_shares field in the data");
}

void BasketIndex::update(Context& ctx) {
  const int32_t today = ctx.today_index();
  if (today <= last_day_) return;
  const int32_t length = today - last_day_;
  const HistoryView close = ctx.history(close_, length);
  const HistoryView adj = has_adj_ ? ctx.history(adj_, length) : HistoryView();
  const HistoryView shares = has_shares_ ? ctx.history(shares_, length) : HistoryView();
  for (int32_t day = last_day_ + 1; day <= today; ++day) {
    const int32_t lag = today - day;
    advance(day, close.row(lag), has_adj_ ? adj.row(lag) : std::span<const float>(),
            has_shares_ ? shares.row(lag) : std::span<const float>());
  }
}

}  // namespace abt
