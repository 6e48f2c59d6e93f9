#pragma once
// Signals a strategy records (Context::declare_signal / record): named values per bar of one frequency
// over the run, written to signals.csv (daily) / signals_60m.csv (60-minute) and charted in report.html.
// Storage is one dense rows x columns block per frequency (NaN = nothing recorded for that bar), allocated
// when a signal is declared (setup time); record() is an indexed store, no lookup, no allocation.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/frequency.hpp"
#include "engine/core/time.hpp"

namespace abt {

using SignalHandle = int32_t;

/// How a signal is shown: reference levels drawn as lines in its report panel (e.g. DI thresholds).
struct SignalStyle {
  std::vector<double> levels;
};

class SignalTable {
 public:
  struct Column {
    std::string name;
    Frequency frequency = Frequency::Daily;
    SignalStyle style;
    int32_t index = 0;  // column within its frequency's block
  };

  /// Rows of the run per frequency and their stamps (the bar close times), set by the engine before the
  /// strategy starts.
  void set_rows(Frequency f, std::vector<Timestamp> stamps) {
    Block& b = blocks_[static_cast<int>(f)];
    b.stamps = std::move(stamps);
    b.values.assign(b.stamps.size() * b.width, kNaN);
  }
  /// Declares a column (names are unique per frequency: a second declaration returns the first handle).
  SignalHandle declare(const std::string& name, Frequency f, SignalStyle style) {
    for (size_t k = 0; k < columns_.size(); ++k)
      if (columns_[k].name == name && columns_[k].frequency == f) return static_cast<SignalHandle>(k);
    Block& b = blocks_[static_cast<int>(f)];
    // Widen the block (setup time only; values are all NaN before the run starts).
    std::vector<double> wider(b.stamps.size() * (b.width + 1), kNaN);
    for (size_t r = 0; r < b.stamps.size(); ++r)
      for (size_t c = 0; c < b.width; ++c) wider[r * (b.width + 1) + c] = b.values[r * b.width + c];
    b.values = std::move(wider);
    columns_.push_back(Column{name, f, std::move(style), static_cast<int32_t>(b.width)});
    ++b.width;
    return static_cast<SignalHandle>(columns_.size() - 1);
  }
  /// Stores `value` in run row `row` of the handle's frequency (rows outside the run are ignored).
  void record(SignalHandle h, int32_t row, double value) {
    if (h < 0 || static_cast<size_t>(h) >= columns_.size()) return;
    const Column& c = columns_[static_cast<size_t>(h)];
    Block& b = blocks_[static_cast<int>(c.frequency)];
    if (row < 0 || static_cast<size_t>(row) >= b.stamps.size()) return;
    b.values[static_cast<size_t>(row) * b.width + static_cast<size_t>(c.index)] = value;
  }

  const std::vector<Column>& columns() const { return columns_; }
  bool empty(Frequency f) const { return blocks_[static_cast<int>(f)].width == 0; }
  const std::vector<Timestamp>& stamps(Frequency f) const { return blocks_[static_cast<int>(f)].stamps; }
  /// Value of column `c` (a Column::index of frequency f) in row `row`.
  double value(Frequency f, int32_t row, int32_t c) const {
    const Block& b = blocks_[static_cast<int>(f)];
    return b.values[static_cast<size_t>(row) * b.width + static_cast<size_t>(c)];
  }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  struct Block {
    std::vector<Timestamp> stamps;
    size_t width = 0;
    std::vector<double> values;
  };
  std::vector<Column> columns_;
  Block blocks_[kFrequencyCount];
};

}  // namespace abt
