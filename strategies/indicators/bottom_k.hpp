#pragma once
// Cross-sectional selection: the k candidates with the smallest key, ties broken by code order (a per-
// instrument rank of the symbols, so that "000001.SZ" < "600000.SH" wins a tie). Allocation-free when the
// scratch buffer has been reserved (BottomK keeps it between calls).
//
// Speed: a cross-section changes little from one call to the next (the 400 smallest caps of 5,000 stocks
// today are mostly yesterday's), so select() first keeps only the candidates whose key is at most a bound a
// little above the previous call's k-th key, and partially sorts those; when fewer than k pass, it falls
// back to all candidates. Either way the result is exactly the k smallest: when at least k keys are <= the
// bound, the k-th smallest key is too, so no key above it can be among the k. The bound is a hint only.
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

namespace abt::ind {

class BottomK {
 public:
  /// code_rank[id] = position of instrument id's symbol in ascending symbol order.
  explicit BottomK(std::vector<int32_t> code_rank = {}) : code_rank_(std::move(code_rank)) {
    scratch_.reserve(code_rank_.size());
    overflow_.reserve(code_rank_.size());
  }
  /// Selects from `candidates` (instrument ids) the k with the smallest key[id] (NaN keys are skipped),
  /// writes them to `out` in ascending (key, code) order and returns how many were written (<= k).
  int32_t select(std::span<const int32_t> candidates, std::span<const double> key, int32_t k,
                 std::vector<int32_t>& out);

 private:
  struct Entry {
    double key;
    int32_t code;
    int32_t id;
  };
  std::vector<int32_t> code_rank_;
  std::vector<Entry> scratch_;   // candidates with key <= bound_ (all of them when bound_ is NaN)
  std::vector<Entry> overflow_;  // candidates above bound_, used when fewer than k are within it
  double bound_ = std::numeric_limits<double>::quiet_NaN();  // previous k-th key + margin; NaN: none
};

/// code_rank for a list of symbols indexed by instrument id.
std::vector<int32_t> code_ranks(const std::vector<std::string_view>& symbols);

}  // namespace abt::ind
