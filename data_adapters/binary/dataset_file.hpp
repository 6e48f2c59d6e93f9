#pragma once
// The abt binary dataset format (".abtd"): one file, columnar, versioned header, per-block checksums,
// memory-mappable. Layout and guarantees: docs/data-formats.md.
#include <filesystem>

#include "data_adapters/binary/verified_files.hpp"
#include "engine/data/market_data.hpp"

namespace abt {

/// File name of the dataset inside a dataset directory.
inline constexpr const char* kDatasetFileName = "market.abtd";

/// Writes `data` to `path` (an existing directory means `path`/market.abtd) atomically: a temp file in the
/// same directory (created with its parents if missing) is written, fsynced and renamed over the
/// destination. Validates `data` first and stores a
/// freshly computed fingerprint (compute_fingerprint). Throws DataError naming the path on invalid data or
/// I/O failure; the destination is then left untouched and the temp file removed.
void write_dataset(const MarketData& data, const std::filesystem::path& path);

/// Memory-maps the dataset at `path` (a .abtd file, or a directory holding market.abtd) read-only and returns
/// MarketData whose panels point into the map. Verifies magic, version, sizes and (when verify_checksums) the
/// checksum of every block; a corrupt or truncated file throws DataError naming the file, the block and what
/// was expected. Checksums are verified with up to 4 threads (memory-bound; > 5 GB/s on 2 cores). The result
/// is validated, has its symbol index built, and keeps the map alive via MarketData::keep_alive.
/// With `verified`, a file version it has a record of is not hashed again (the structure, sizes and header
/// checksum still are), and a file verified now is recorded there.
MarketData read_dataset(const std::filesystem::path& path, bool verify_checksums = true,
                        const VerifiedFiles* verified = nullptr);

}  // namespace abt
