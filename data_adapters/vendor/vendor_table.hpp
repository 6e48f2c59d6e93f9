#pragma once
// Reading one vendor CSV table (Tushare, AkShare) into a MarketDataAssembler with unit conversion.
// A VendorTable names the time and symbol columns and maps vendor columns to abt fields with a scale
// (e.g. Tushare `vol` in lots of 100 -> volume x 100). Bar tables (daily, stk_mins, AkShare) create records;
// auxiliary tables (adj_factor, daily_basic) only add values to bars a bar table already created: their rows
// for (date, symbol) pairs without a bar are counted and reported in notes(), never added.
// Tokenising: csv_text.hpp. Errors: DataError "FILE:LINE: expected ..., got '...'".
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data_adapters/assembly/market_data_assembler.hpp"

namespace abt {

enum class VendorColumnKind : uint8_t {
  Price,     // required, > 0
  Volume,    // required, >= 0
  Optional,  // empty cell = NaN
};

struct VendorColumn {
  std::string header;  // vendor column name (lower-case for Latin names)
  std::string field;   // abt field or extra-panel name
  double scale = 1.0;  // abt value = vendor value x scale
  VendorColumnKind kind = VendorColumnKind::Optional;
};

struct VendorTable {
  std::string name;                   // e.g. "tushare daily", for messages
  std::vector<std::string> time;      // accepted names of the time column
  std::vector<std::string> symbol;    // accepted names of the symbol column (empty: file stem is the symbol)
  std::vector<VendorColumn> columns;  // vendor columns read; every other column is ignored
  bool auxiliary = false;             // adds values to existing bars only
};

class VendorCsvReader {
 public:
  explicit VendorCsvReader(MarketDataAssembler& assembler) : a_(assembler) {}

  /// Reads `file` as `table`. Symbols: "600519.SH", "SH600519" or a bare 6-digit stock code.
  void read(const std::filesystem::path& file, const VendorTable& table);
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  struct Slot {
    size_t record;
    RecordOrigin origin;
  };
  MarketDataAssembler& a_;
  std::unordered_map<uint64_t, Slot> bars_[kFrequencyCount];
  std::vector<std::string> notes_;
  std::vector<std::string> origins_;
};

}  // namespace abt
