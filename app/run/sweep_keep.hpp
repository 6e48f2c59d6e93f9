#pragma once
// Which variants of a sweep get a full result directory (variants/<id>/, the files of `abt run`):
// `--keep all`, `--keep top:K` (the K best by the rank metric, ties by variant index) or `--keep none`.
// The default is top:10: a table of every variant plus the few directories a researcher opens, compares
// (`abt compare`) or regresses, whatever the sweep's size (docs/sweeps.md, "Outputs").
#include <cstdint>
#include <string>

namespace abt {

struct KeepPolicy {
  enum class Mode { All, Top, None };
  Mode mode = Mode::Top;
  int64_t top = 10;  // K of top:K

  /// "all", "none" or "top:K" (K >= 0). Throws ConfigError naming `where` otherwise.
  static KeepPolicy parse(const std::string& text, const std::string& where = "--keep");
  std::string to_string() const;
  /// true when a variant ranked `rank` (1 = best; 0 = no rank: a failed variant) keeps its directory.
  bool keeps(int64_t rank) const {
    return mode == Mode::All ? rank > 0 : mode == Mode::Top ? rank > 0 && rank <= top : false;
  }
};

}  // namespace abt
