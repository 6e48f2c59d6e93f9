#pragma once
// Reader of TDX daily files into MarketData through the MarketDataAssembler.
// Inputs: a `vipdoc` directory (every {sh,sz,bj}/{lday,minline,fzline}/*.{day,lc1,lc5}), a directory of
// such files, single files, or globs of them. .lc1/.lc5 minute files become 60-minute bars
// (tdx_minute_file.hpp); daily bars come from .day files, or are aggregated from the hour bars when no .day
// file is given at all. The symbol comes from the file name (sh600000.day -> 600000.SH); SH000xxx
// and SZ399xxx are indices. Prices are unadjusted; without a gbbq table there is no AdjFactor panel.
// With a gbbq table (gbbq_table.hpp) every stock gets AdjFactor, TotalShares and FloatShares, and indices
// AdjFactor 1; PreClose is then the ex-rights reference price (assembler rule: previous close x previous
// factor / factor).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/market_data.hpp"

namespace abt {

struct TdxOptions {
  std::vector<std::filesystem::path> inputs;
  std::optional<std::filesystem::path> gbbq;  // decoded gbbq CSV
};

/// Throws DataError naming the file and byte offset (or FILE:LINE for the gbbq CSV) on malformed input.
MarketData read_tdx(const TdxOptions& options, std::vector<std::string>* notes = nullptr);

/// The .day files the inputs name, sorted (throws DataError for a missing path or an empty match).
std::vector<std::filesystem::path> expand_tdx_inputs(const std::vector<std::filesystem::path>& inputs);

}  // namespace abt
