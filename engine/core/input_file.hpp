#pragma once
// Reading an input file whole, for every reader of user files (configs, CSV, qlib .bin, TDX records).
// Contract: the path must name a regular file. The file type is checked on the opened descriptor before any
// byte is read (opened non-blocking, so a FIFO or a device never blocks the read), and every failure is a
// UserError subclass E whose message starts with the path and says what was expected:
//   PATH: no such file (expected <what>)
//   PATH: is a directory (expected <what>)
//   PATH: is not a regular file (a FIFO, socket or device; expected <what>)
//   PATH: cannot read: <strerror>
//   PATH: 123456789 bytes is more than the limit of N bytes for <what>
#include <cstdint>
#include <filesystem>
#include <string>

namespace abt {

/// No size limit.
inline constexpr uint64_t kNoInputSizeLimit = UINT64_MAX;

/// The whole content of `path`; `what` names the expected input ("a run config", "a CSV file"); files
/// larger than `max_bytes` are refused before they are read. E is ConfigError or DataError.
template <class E>
std::string read_input_file(const std::filesystem::path& path, const std::string& what,
                            uint64_t max_bytes = kNoInputSizeLimit);

/// Throws E (as above) unless `path` names a regular file; used before handing a path to a reader that
/// opens it itself (e.g. a memory map).
template <class E>
void require_regular_file(const std::filesystem::path& path, const std::string& what);

}  // namespace abt
