#pragma once
// A panel: a dense T x N matrix of float32, row-major (row = bar timestamp, column = instrument id), NaN
// where there is no value. A Panel is a non-owning view; the MarketData that produced it keeps the storage
// alive (heap buffers or a read-only memory map). One row is one cross-section, contiguous in memory.
#include <cstdint>
#include <span>

namespace abt {

class Panel {
 public:
  Panel() = default;
  Panel(const float* data, int32_t rows, int32_t cols) : data_(data), rows_(rows), cols_(cols) {}

  bool empty() const { return data_ == nullptr; }
  int32_t rows() const { return rows_; }
  int32_t cols() const { return cols_; }
  const float* data() const { return data_; }

  float operator()(int32_t row, int32_t col) const { return data_[int64_t{row} * cols_ + col]; }
  std::span<const float> row(int32_t r) const {
    return {data_ + int64_t{r} * cols_, static_cast<size_t>(cols_)};
  }

 private:
  const float* data_ = nullptr;
  int32_t rows_ = 0;
  int32_t cols_ = 0;
};

}  // namespace abt
