#pragma once
// What the adapters and reference tables know about the limits of a dataset, kept with it (the dataset
// header's "provenance") so that a run can say where the data cannot support an answer (data-honesty
// warnings, docs/real-data.md).
#include <string>

#include "engine/core/time.hpp"

namespace abt {

struct DataProvenance {
  /// Share counts (TotalShares / FloatShares) are observed up to this day; later values are carried forward
  /// or rolled forward (the end of a gbbq table or of a share-capital table). Date::max(): observed on
  /// every day, or no share counts at all.
  Date shares_observed_through = Date::max();
  /// Where the share counts came from ("gbbq FILE", "shares FILE"); empty when the source itself gave them.
  std::string shares_source;

  friend bool operator==(const DataProvenance&, const DataProvenance&) = default;
};

}  // namespace abt
