#include "engine/strategy/order.hpp"

namespace abt {

std::string_view reject_reason_name(RejectReason r) {
  switch (r) {
    case RejectReason::Suspended:
      return "suspended";
    case RejectReason::NotListed:
      return "not_listed";
    case RejectReason::Lot:
      return "lot";
    case RejectReason::Cash:
      return "cash";
    case RejectReason::LimitUp:
      return "limit_up";
    case RejectReason::LimitDown:
      return "limit_down";
    case RejectReason::TPlus1:
      return "t_plus_1";
    case RejectReason::Risk:
      return "risk";
    case RejectReason::Participation:
      return "participation";
    case RejectReason::Scaled:
      return "scaled";
    case RejectReason::Count:
      break;
  }
  return "unknown";
}

}  // namespace abt
