#pragma once
// A window of a panel that ends at the current simulated time. Rows are addressed by lag: lag 0 = the most
// recent closed bar ("now"), lag k = k bars earlier. The view is built with its end at the current cursor, so
// data after now is not reachable: any lag outside [0, size()) throws LookAheadError (for negative lags, i.e.
// the future) or std::out_of_range (past the start of the window).
#include <cstdint>
#include <span>
#include <stdexcept>

#include "engine/core/error.hpp"
#include "engine/data/panel.hpp"

namespace abt {

class HistoryView {
 public:
  HistoryView() = default;
  /// Window of rows [end_row - length + 1, end_row] of `panel` (clipped at row 0). end_row = -1 is empty.
  HistoryView(const Panel& panel, int32_t end_row, int32_t length)
      : panel_(panel),
        end_row_(end_row),
        size_(end_row < 0 ? 0 : (length < end_row + 1 ? length : end_row + 1)) {}

  /// Number of rows in the window (<= the requested length at the start of the data).
  int32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// Every column (instrument ids [0, cols())).
  int32_t cols() const { return panel_.cols(); }
  /// The columns row() covers: all of them unless instruments were appended to the market without copying
  /// it (derived instruments, ids >= stored_cols(); read those with at() or copy_column()).
  int32_t stored_cols() const { return panel_.stored_cols(); }

  /// Value of instrument `col` `lag` bars ago.
  float at(int32_t lag, int32_t col) const {
    check_lag(lag);
    if (col < 0 || col >= panel_.cols()) throw std::out_of_range("HistoryView: column out of range");
    return panel_(end_row_ - lag, col);
  }
  /// The cross-section `lag` bars ago: the stored columns [0, stored_cols()) (Panel::row).
  std::span<const float> row(int32_t lag) const {
    check_lag(lag);
    return panel_.row(end_row_ - lag);
  }
  /// The cross-section now.
  std::span<const float> latest() const { return row(0); }

  /// Copies the window, oldest row first, every column, into out[0, size() x cols()) (row-major).
  void copy_rows(float* out) const {
    for (int32_t i = 0; i < size_; ++i) panel_.copy_row(end_row_ - size_ + 1 + i, out + int64_t{i} * cols());
  }
  /// True when row() covers every column (no appended instruments).
  bool contiguous() const { return panel_.contiguous(); }

  /// Copies instrument `col`'s values, oldest first, into out[0..size()); returns size().
  int32_t copy_column(int32_t col, std::span<float> out) const {
    if (out.size() < static_cast<size_t>(size_)) throw std::out_of_range("HistoryView: output too small");
    for (int32_t i = 0; i < size_; ++i) out[i] = panel_(end_row_ - size_ + 1 + i, col);
    return size_;
  }

 private:
  void check_lag(int32_t lag) const {
    if (lag < 0) throw LookAheadError("HistoryView: negative lag reads the future");
    if (lag >= size_) throw std::out_of_range("HistoryView: lag beyond the window");
  }

  Panel panel_;
  int32_t end_row_ = -1;
  int32_t size_ = 0;
};

}  // namespace abt
