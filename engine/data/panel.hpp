#pragma once
// A panel: a dense T x N matrix of float32 (row = bar timestamp, column = instrument id), NaN where there is
// no value. A Panel is a non-owning view; the MarketData that produced it keeps the storage alive (heap
// buffers or a read-only memory map).
//
// Storage: the stored columns [0, stored_cols()) are one row-major block, so one row of them is one
// contiguous cross-section. A panel may have appended columns [stored_cols(), cols()) in a second,
// row-major block of their own: that is how instruments derived from the data (MICROCAP.IDX, ...) are added
// to a market without copying it (app/run/derived_instruments.hpp). Element access (operator(), copy_row)
// sees every column; row() and data() see the stored block only.
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace abt {

class Panel {
 public:
  Panel() = default;
  /// A rows x cols panel stored in one block (no appended columns).
  Panel(const float* data, int32_t rows, int32_t cols) : data_(data), rows_(rows), stored_cols_(cols) {}
  /// The stored block of `base` with `appended_cols` columns from `appended` (rows x appended_cols,
  /// row-major) after them. `base`'s own appended columns, if any, are dropped: pass them again in
  /// `appended` to keep them.
  Panel(const Panel& base, const float* appended, int32_t appended_cols)
      : data_(base.data_),
        rows_(base.rows_),
        stored_cols_(base.stored_cols_),
        appended_(appended_cols > 0 ? appended : nullptr),
        appended_cols_(appended_cols > 0 ? appended_cols : 0) {}

  bool empty() const { return data_ == nullptr; }
  int32_t rows() const { return rows_; }
  /// Every column: stored and appended.
  int32_t cols() const { return stored_cols_ + appended_cols_; }
  int32_t stored_cols() const { return stored_cols_; }
  int32_t appended_cols() const { return appended_cols_; }
  /// True when every column is in the stored block (data() is the whole rows x cols matrix).
  bool contiguous() const { return appended_cols_ == 0; }
  /// The stored block (rows x stored_cols, row-major).
  const float* data() const { return data_; }
  /// The appended block (rows x appended_cols, row-major); nullptr when there is none.
  const float* appended_data() const { return appended_; }

  float operator()(int32_t row, int32_t col) const {
    return col < stored_cols_ ? data_[int64_t{row} * stored_cols_ + col]
                              : appended_[int64_t{row} * appended_cols_ + (col - stored_cols_)];
  }
  /// The stored columns of row r: the whole cross-section when contiguous(). An appended column (an id >=
  /// stored_cols()) is read with operator() or copy_row(), never through this span.
  std::span<const float> row(int32_t r) const {
    return {data_ + int64_t{r} * stored_cols_, static_cast<size_t>(stored_cols_)};
  }
  /// Copies all cols() values of row r into out[0, cols()).
  void copy_row(int32_t r, float* out) const {
    std::memcpy(out, data_ + int64_t{r} * stored_cols_, sizeof(float) * static_cast<size_t>(stored_cols_));
    if (appended_cols_ > 0)
      std::memcpy(out + stored_cols_, appended_ + int64_t{r} * appended_cols_,
                  sizeof(float) * static_cast<size_t>(appended_cols_));
  }

 private:
  const float* data_ = nullptr;
  int32_t rows_ = 0;
  int32_t stored_cols_ = 0;
  const float* appended_ = nullptr;
  int32_t appended_cols_ = 0;
};

/// Every value of `p` as one rows x cols row-major block (a copy; for writers and bindings that need the
/// whole matrix in one piece).
inline std::vector<float> contiguous_values(const Panel& p) {
  std::vector<float> out(static_cast<size_t>(p.rows()) * static_cast<size_t>(p.cols()));
  for (int32_t r = 0; r < p.rows(); ++r) p.copy_row(r, out.data() + int64_t{r} * p.cols());
  return out;
}

}  // namespace abt
